package dev.kiln.learn.cluster;

import dev.kiln.core.frame.Frame;
import dev.kiln.core.frame.Schema;
import dev.kiln.core.linalg.Matrix;
import dev.kiln.core.model.ClusterPrediction;
import dev.kiln.learn.data.NumericInput;

/** What the k-means models share: centres, and predicting or transforming new rows by them. */
final class CentroidModel {
    private final String who;
    private final Schema schema;
    private final double[] centres;
    private final int k;
    private final CentreQueries queries;

    CentroidModel(String who, Schema schema, double[] centres, int k) {
        int d = schema.size();
        if (k < 1 || centres.length != (long) k * d) {
            throw new IllegalArgumentException(who + ": " + centres.length + " values do not make " + k
                    + " centres of " + d + " features");
        }
        this.who = who;
        this.schema = schema;
        this.centres = centres.clone();
        this.k = k;
        this.queries = new CentreQueries(this.centres, k, d);
    }

    /** {@code labels}, checked to be clusters in [0, k). */
    int[] checkLabels(int[] labels) {
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] < 0 || labels[i] >= k) {
                throw new IllegalArgumentException(who + ": row " + i + " has cluster " + labels[i]
                        + ", outside [0, " + k + ")");
            }
        }
        return labels.clone();
    }

    Matrix centres() {
        return Matrix.wrap(k, schema.size(), centres.clone());
    }

    ClusterPrediction predict(Frame features) {
        Matrix x = NumericInput.completeFeaturesFor(schema, features, who);
        return new ClusterPrediction(queries.nearest(NumericInput.rowMajor(x), x.rows(), null));
    }

    Matrix transform(Frame features) {
        Matrix x = NumericInput.completeFeaturesFor(schema, features, who);
        return Matrix.wrap(x.rows(), k, queries.distances(NumericInput.rowMajor(x), x.rows()));
    }
}
