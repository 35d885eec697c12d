package dev.kiln.learn.cluster;

import dev.kiln.core.linalg.Blas;

/**
 * The centre update of Lloyd's iteration, kept incrementally: per cluster the sum and count of
 * its rows, changed only by the rows that moved (in increasing row order, so the sums are the
 * same on every run), then means. A cluster left empty takes, as scikit-learn does, the row
 * farthest from its current centre, taken from a cluster with other rows to spare.
 */
final class CentreSums {
    private final Points p;
    private final int k;
    private final double[] sums;
    private final int[] counts;

    CentreSums(Points p, int k) {
        this.p = p;
        this.k = k;
        this.sums = new double[k * p.d];
        this.counts = new int[k];
    }

    /** Moves the rows of {@code changes} into their clusters in {@code labels}. */
    void apply(Changes changes, int[] labels) {
        int d = p.d;
        changes.forEach((row, from) -> {
            if (from >= 0) {
                Blas.axpy(d, -1.0, p.x, row * d, sums, from * d);
                counts[from]--;
            }
            Blas.axpy(d, 1.0, p.x, row * d, sums, labels[row] * d);
            counts[labels[row]]++;
        });
    }

    /**
     * Gives every empty cluster a row: the row farthest from its centre in {@code centres} among
     * clusters of two or more rows (ties to the first row), cluster by cluster in increasing
     * order. Returns whether any cluster was empty.
     */
    boolean fillEmpty(double[] centres, Assignment assignment) {
        int d = p.d;
        double[] distance = null;
        int[] labels = assignment.labels();
        for (int e = 0; e < k; e++) {
            if (counts[e] > 0) {
                continue;
            }
            if (distance == null) {
                distance = new double[p.n];
                for (int i = 0; i < p.n; i++) {
                    distance[i] = p.squaredDistance(i, centres, labels[i] * d);
                }
            }
            int far = -1;
            for (int i = 0; i < p.n; i++) {
                if (counts[labels[i]] > 1 && (far < 0 || distance[i] > distance[far])) {
                    far = i;
                }
            }
            int from = labels[far];
            Blas.axpy(d, -1.0, p.x, far * d, sums, from * d);
            counts[from]--;
            System.arraycopy(p.x, far * d, sums, e * d, d);
            counts[e] = 1;
            distance[far] = Double.NEGATIVE_INFINITY;
            assignment.relocate(far, e);
        }
        return distance != null;
    }

    /** The means of the clusters, all non-empty, into {@code out}. */
    void means(double[] out) {
        int d = p.d;
        for (int j = 0; j < k; j++) {
            double scale = 1.0 / counts[j];
            for (int t = 0; t < d; t++) {
                out[j * d + t] = sums[j * d + t] * scale;
            }
        }
    }
}
