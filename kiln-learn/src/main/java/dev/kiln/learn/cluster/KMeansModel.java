package dev.kiln.learn.cluster;

import dev.kiln.core.frame.Schema;

/**
 * A fitted {@link KMeans}: the centres, the clusters of the training rows, their inertia and the
 * iterations the chosen run took.
 */
public final class KMeansModel extends CentroidClusterModel {
    private final KMeans.Params params;
    private final int[] labels;
    private final double inertia;
    private final int iterations;

    KMeansModel(KMeans.Params params, Schema inputSchema, double[] centres, int[] labels, double inertia,
                int iterations) {
        super(KMeans.WHO, inputSchema, centres, params.nClusters());
        this.params = params;
        this.labels = checkLabels(labels);
        this.inertia = inertia;
        this.iterations = iterations;
    }

    public KMeans.Params params() {
        return params;
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
}
