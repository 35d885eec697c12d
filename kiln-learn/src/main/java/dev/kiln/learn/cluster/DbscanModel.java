package dev.kiln.learn.cluster;

import dev.kiln.core.frame.Frame;
import dev.kiln.core.frame.Schema;
import dev.kiln.core.linalg.Matrix;
import dev.kiln.core.model.ClusterPrediction;
import dev.kiln.core.model.Model;
import dev.kiln.learn.data.NumericInput;
import dev.kiln.learn.neighbors.Algorithm;
import dev.kiln.learn.neighbors.NeighborIndex;
import dev.kiln.learn.neighbors.Neighbors;
import java.util.Arrays;

/**
 * A fitted {@link Dbscan}: the clusters of the training rows (−1 for noise) and the core samples.
 *
 * <p>scikit-learn's DBSCAN cannot predict new rows; this model can: a row joins the cluster of
 * its nearest core sample if that lies within eps (ties to the first core sample), and is noise
 * otherwise. A training border row may therefore be predicted into another cluster than the one
 * that claimed it during fitting, when a core sample of that cluster is nearer.
 */
public final class DbscanModel implements Model<ClusterPrediction> {
    private final Dbscan.Params params;
    private final Schema inputSchema;
    private final int[] labels;
    private final int[] coreRows;
    private final double[] components;
    private final int clusters;
    private final NeighborIndex cores;

    /** From the training rows (row-major) and what fitting found. */
    DbscanModel(Dbscan.Params params, Schema inputSchema, double[] rows, int[] labels, int[] coreRows) {
        this(params, inputSchema, labels, coreRows, gather(rows, coreRows, inputSchema.size()));
    }

    /** From the core samples' rows alone, as a saved model holds them. */
    DbscanModel(Dbscan.Params params, Schema inputSchema, int[] labels, int[] coreRows, double[] components) {
        int d = inputSchema.size();
        if (components.length != (long) coreRows.length * d) {
            throw new IllegalArgumentException(Dbscan.WHO + ": " + components.length + " values do not make "
                    + coreRows.length + " core samples of " + d + " features");
        }
        int clusters = 0;
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] < -1) {
                throw new IllegalArgumentException(Dbscan.WHO + ": row " + i + " has cluster " + labels[i]
                        + ", below -1");
            }
            clusters = Math.max(clusters, labels[i] + 1);
        }
        for (int c : coreRows) {
            if (c < 0 || c >= labels.length || labels[c] < 0) {
                throw new IllegalArgumentException(Dbscan.WHO + ": core sample " + c
                        + " is not a clustered training row");
            }
        }
        this.params = params;
        this.inputSchema = inputSchema;
        this.labels = labels.clone();
        this.coreRows = coreRows.clone();
        this.components = components.clone();
        this.clusters = clusters;
        this.cores = coreRows.length == 0 ? null : NeighborIndex.of(this.components, coreRows.length, d,
                params.algorithm().resolve(coreRows.length, d, 1), params.leafSize(), params.p());
    }

    private static double[] gather(double[] rows, int[] picked, int d) {
        double[] out = new double[picked.length * d];
        for (int i = 0; i < picked.length; i++) {
            System.arraycopy(rows, picked[i] * d, out, i * d, d);
        }
        return out;
    }

    public Dbscan.Params params() {
        return params;
    }

    /** The cluster of every training row, −1 for noise. */
    public int[] labels() {
        return labels.clone();
    }

    /** The number of clusters found (noise not counted). */
    public int nClusters() {
        return clusters;
    }

    /** The training rows that are core samples, in increasing order. */
    public int[] coreSampleIndices() {
        return coreRows.clone();
    }

    /** The core samples' features, one row each, in the order of {@link #coreSampleIndices()}. */
    public Matrix components() {
        return Matrix.wrap(coreRows.length, inputSchema.size(), components.clone());
    }

    /** The cluster of the nearest core sample within eps of each row, else −1 (see the class comment). */
    @Override
    public ClusterPrediction predict(Frame features) {
        Matrix x = NumericInput.completeFeaturesFor(inputSchema, features, Dbscan.WHO);
        int[] out = new int[x.rows()];
        Arrays.fill(out, -1);
        if (cores != null && x.rows() > 0) {
            Neighbors nearest = cores.nearest(NumericInput.rowMajor(x), 1);
            for (int i = 0; i < out.length; i++) {
                if (nearest.distance(i, 0) <= params.eps()) {
                    out[i] = labels[coreRows[nearest.index(i, 0)]];
                }
            }
        }
        return new ClusterPrediction(out);
    }

    @Override
    public Schema inputSchema() {
        return inputSchema;
    }
}
