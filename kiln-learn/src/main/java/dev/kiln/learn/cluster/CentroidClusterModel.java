package dev.kiln.learn.cluster;

import dev.kiln.core.frame.Frame;
import dev.kiln.core.frame.Schema;
import dev.kiln.core.linalg.Matrix;
import dev.kiln.core.model.ClusterPrediction;
import dev.kiln.core.model.Model;
import dev.kiln.learn.data.NumericInput;

/**
 * What the k-means models share: k centres, by which a row is predicted into the cluster of
 * its nearest centre (ties to the first) and transformed into its distances to every centre.
 */
public abstract sealed class CentroidClusterModel implements Model<ClusterPrediction>
        permits KMeansModel, MiniBatchKMeansModel {
    private final String who;
    private final Schema inputSchema;
    private final double[] centres;
    private final int k;
    private final CentreQueries queries;

    CentroidClusterModel(String who, Schema inputSchema, double[] centres, int k) {
        int d = inputSchema.size();
        if (k < 1 || centres.length != (long) k * d) {
            throw new IllegalArgumentException(who + ": " + centres.length + " values do not make " + k
                    + " centres of " + d + " features");
        }
        this.who = who;
        this.inputSchema = inputSchema;
        this.centres = centres.clone();
        this.k = k;
        this.queries = new CentreQueries(this.centres, k, d);
    }

    /** {@code labels}, checked to be clusters in [0, k). */
    final int[] checkLabels(int[] labels) {
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] < 0 || labels[i] >= k) {
                throw new IllegalArgumentException(who + ": row " + i + " has cluster " + labels[i]
                        + ", outside [0, " + k + ")");
            }
        }
        return labels.clone();
    }

    public final int nClusters() {
        return k;
    }

    /** The centres, one row per cluster, in the input's coordinates. */
    public final Matrix centres() {
        return Matrix.wrap(k, inputSchema.size(), centres.clone());
    }

    /** The nearest centre of every row. */
    @Override
    public final ClusterPrediction predict(Frame features) {
        Matrix x = NumericInput.completeFeaturesFor(inputSchema, features, who);
        return new ClusterPrediction(queries.nearest(NumericInput.rowMajor(x), x.rows(), null));
    }

    /** The distance from every row to every centre: one row per input row, one column per cluster. */
    public final Matrix transform(Frame features) {
        Matrix x = NumericInput.completeFeaturesFor(inputSchema, features, who);
        return Matrix.wrap(x.rows(), k, queries.distances(NumericInput.rowMajor(x), x.rows()));
    }

    @Override
    public final Schema inputSchema() {
        return inputSchema;
    }
}
