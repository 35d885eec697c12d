package dev.kiln.learn.manifold;

import dev.kiln.core.frame.Frame;
import dev.kiln.core.linalg.Matrix;
import dev.kiln.learn.data.NumericInput;
import dev.kiln.learn.neighbors.NeighborGraph;
import dev.kiln.learn.neighbors.Neighbors;

/**
 * How well an embedding keeps local structure: the trustworthiness of Venna and Kaski
 * ("Neighborhood preservation in nonlinear projection methods", ICANN 2001), as scikit-learn's
 * {@code sklearn.manifold.trustworthiness}:
 * T(k) = 1 − 2/(n·k·(2n − 3k − 1))·Σ_i Σ_{j ∈ U_i(k)} (r(i, j) − k), where U_i(k) are the k
 * nearest neighbours of row i in the embedding that are not among its k nearest in the
 * original space, and r(i, j) is j's rank among i's neighbours there (1 = nearest). It is 1 when
 * every embedded neighbourhood is an original one. Distances are Euclidean; ties in the
 * original space rank the earlier row first. Ranks are counted row by row in parallel, without
 * an n×n table, so memory stays O(n·(k + p)).
 */
public final class Trustworthiness {
    private Trustworthiness() {
    }

    /**
     * T(k) of {@code embedded} (one row per row of {@code original}).
     *
     * @throws IllegalArgumentException if the row counts differ, or k is not in [1, n/2)
     */
    public static double trustworthiness(Matrix original, Matrix embedded, int k) {
        int n = original.rows();
        if (embedded.rows() != n) {
            throw new IllegalArgumentException("trustworthiness: the embedding has " + embedded.rows()
                    + " rows but the original data has " + n);
        }
        if (k < 1 || k >= n / 2.0) {
            throw new IllegalArgumentException("trustworthiness: k must be >= 1 and less than n / 2 = " + n / 2.0 + ", got " + k);
        }
        int p = original.cols();
        double[] x = NumericInput.rowMajor(original);
        Neighbors near = NeighborGraph.of(embedded, k, 2);
        double[] rowPenalty = new double[n];
        RowParts.forEach(n, (from, to) -> {
            double[] sq = new double[n];
            for (int i = from; i < to; i++) {
                for (int j = 0; j < n; j++) {
                    sq[j] = squaredDistance(x, i * p, j * p, p);
                }
                long penalty = 0;
                for (int m = 0; m < k; m++) {
                    int j = near.index(i, m);
                    int rank = rank(sq, i, j);
                    if (rank > k) {
                        penalty += rank - k;
                    }
                }
                rowPenalty[i] = penalty;
            }
        });
        double total = RowParts.sum(rowPenalty);
        return 1.0 - total * (2.0 / (n * (double) k * (2.0 * n - 3.0 * k - 1.0)));
    }

    /** As {@link #trustworthiness(Matrix, Matrix, int)}, for numeric, complete frames. */
    public static double trustworthiness(Frame original, Frame embedded, int k) {
        return trustworthiness(NumericInput.features(original, "trustworthiness"), NumericInput.features(embedded, "trustworthiness"), k);
    }

    /** 1 + how many rows other than i lie nearer to i than j does (an equally near row counts when it comes first). */
    private static int rank(double[] sq, int i, int j) {
        double dj = sq[j];
        int nearer = 0;
        for (int l = 0; l < sq.length; l++) {
            if (l != i && (sq[l] < dj || (sq[l] == dj && l < j))) {
                nearer++;
            }
        }
        return nearer + 1;
    }

    private static double squaredDistance(double[] x, int a, int b, int p) {
        double s = 0;
        for (int c = 0; c < p; c++) {
            double diff = x[a + c] - x[b + c];
            s += diff * diff;
        }
        return s;
    }
}
