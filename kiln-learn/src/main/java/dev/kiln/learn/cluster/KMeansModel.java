package dev.kiln.learn.cluster;

import dev.kiln.core.frame.Frame;
import dev.kiln.core.frame.Schema;
import dev.kiln.core.linalg.Matrix;
import dev.kiln.core.model.ClusterPrediction;
import dev.kiln.core.model.Model;

/**
 * A fitted {@link KMeans}: the centres, the clusters of the training rows, their inertia and the
 * iterations the chosen run took. Predicting gives each row its nearest centre (ties to the
 * first); transforming gives its distances to every centre.
 */
public final class KMeansModel implements Model<ClusterPrediction> {
    private final KMeans.Params params;
    private final Schema inputSchema;
    private final CentroidModel centroids;
    private final int[] labels;
    private final double inertia;
    private final int iterations;

    KMeansModel(KMeans.Params params, Schema inputSchema, double[] centres, int[] labels, double inertia,
                int iterations) {
        this.params = params;
        this.inputSchema = inputSchema;
        this.centroids = new CentroidModel(KMeans.WHO, inputSchema, centres, params.nClusters());
        this.labels = centroids.checkLabels(labels);
        this.inertia = inertia;
        this.iterations = iterations;
    }

    public KMeans.Params params() {
        return params;
    }

    public int nClusters() {
        return params.nClusters();
    }

    /** The centres, one row per cluster, in the input's coordinates. */
    public Matrix centres() {
        return centroids.centres();
    }

    /** The cluster of every training row. */
    public int[] labels() {
        return labels.clone();
    }

    /** The sum of squared distances from the training rows to their centres. */
    public double inertia() {
        return inertia;
    }

    /** The Lloyd iterations of the chosen run. */
    public int iterations() {
        return iterations;
    }

    /** The nearest centre of every row. */
    @Override
    public ClusterPrediction predict(Frame features) {
        return centroids.predict(features);
    }

    /** The distance from every row to every centre: one row per input row, one column per cluster. */
    public Matrix transform(Frame features) {
        return centroids.transform(features);
    }

    @Override
    public Schema inputSchema() {
        return inputSchema;
    }
}
