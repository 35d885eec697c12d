package dev.kiln.learn.cluster;

import dev.kiln.core.frame.Schema;

/**
 * A fitted {@link MiniBatchKMeans}: the centres, how many rows each has absorbed, the steps taken
 * and, when computed, the clusters of the training rows.
 */
public final class MiniBatchKMeansModel extends CentroidClusterModel {
    private final MiniBatchKMeans.Params params;
    private final double[] counts;
    private final int[] labels;
    private final double inertia;
    private final int steps;
    private final int iterations;

    MiniBatchKMeansModel(MiniBatchKMeans.Params params, Schema inputSchema, double[] centres, double[] counts,
                         int[] labels, double inertia, int steps, int iterations) {
        super(MiniBatchKMeans.WHO, inputSchema, centres, params.nClusters());
        if (counts.length != params.nClusters()) {
            throw new IllegalArgumentException(MiniBatchKMeans.WHO + ": " + counts.length + " counts for "
                    + params.nClusters() + " centres");
        }
        this.params = params;
        this.counts = counts.clone();
        this.labels = labels == null ? null : checkLabels(labels);
        this.inertia = inertia;
        this.steps = steps;
        this.iterations = iterations;
    }

    public MiniBatchKMeans.Params params() {
        return params;
    }

    /** How many batch rows each centre has absorbed (as reset by reassignments). */
    public double[] counts() {
        return counts.clone();
    }

    /** Whether the training rows were assigned ({@code computeLabels}). */
    public boolean hasLabels() {
        return labels != null;
    }

    /**
     * The cluster of every training row.
     *
     * @throws IllegalStateException when fitted with computeLabels = false
     */
    public int[] labels() {
        if (labels == null) {
            throw new IllegalStateException(MiniBatchKMeans.WHO + " was fitted with computeLabels = false; "
                    + "predict the training rows instead");
        }
        return labels.clone();
    }

    /**
     * The sum of squared distances from the training rows to their centres; without labels,
     * scikit-learn's estimate: the smoothed batch inertia per row times the rows.
     */
    public double inertia() {
        return inertia;
    }

    /** The mini-batch steps taken. */
    public int steps() {
        return steps;
    }

    /** Passes over the data the steps amount to, rounded up. */
    public int iterations() {
        return iterations;
    }
}
