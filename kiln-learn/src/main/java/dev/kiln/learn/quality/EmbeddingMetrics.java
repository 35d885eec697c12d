package dev.kiln.learn.quality;

import dev.kiln.core.frame.Frame;
import dev.kiln.core.linalg.Matrix;
import dev.kiln.learn.data.NumericInput;
import dev.kiln.learn.neighbors.Algorithm;
import dev.kiln.learn.neighbors.NeighborIndex;
import dev.kiln.learn.neighbors.Neighbors;

/**
 * How faithfully a low-dimensional embedding keeps the neighbourhoods of the original data, as
 * scikit-learn 1.2's {@code sklearn.manifold.trustworthiness} computes it (Venna and Kaski,
 * "Neighborhood preservation in nonlinear projection methods: An experimental study", ICANN
 * 2001). Distances are Euclidean in both spaces.
 */
public final class EmbeddingMetrics {
    private EmbeddingMetrics() {
    }

    /**
     * Trustworthiness in [0, 1] of the numeric columns of two frames: 1 − 2 / (n·k·(2n − 3k − 1)) · Σ_i Σ_{j ∈ U_i} (r(i, j) − k),
     * where U_i are the rows among the k nearest neighbours of row i in {@code embedded} but not
     * in {@code original}, and r(i, j) is the rank of j among i's neighbours in the original space
     * (1 for the nearest). Ties in the original space rank the lower row first; ties among the
     * embedded neighbours keep the lower row. scikit-learn leaves the order of ties to its
     * neighbour tree and an unstable sort, so on data with tied distances (duplicated rows) the
     * two can differ slightly (iris against its petal columns: 0.91999 here, 0.92094 there).
     * Needs k < n / 2. O(n²·d) time, O(n·k) memory.
     *
     * @param original  one row per point, in the original features
     * @param embedded  the same points, one row each, in the embedding
     * @param neighbors k, the neighbourhood size (scikit-learn's default is 5)
     */
    public static double trustworthiness(Frame original, Frame embedded, int neighbors) {
        return trustworthiness(NumericInput.features(original, "trustworthiness"), NumericInput.features(embedded, "trustworthiness"),
                neighbors);
    }

    /** Trustworthiness of matrices; see {@link #trustworthiness(Frame, Frame, int)}. */
    public static double trustworthiness(Matrix original, Matrix embedded, int neighbors) {
        int n = original.rows();
        if (embedded.rows() != n) {
            throw new IllegalArgumentException("trustworthiness: the original data has " + n
                    + " rows but the embedding has " + embedded.rows());
        }
        if (neighbors < 1 || neighbors >= n / 2.0) {
            throw new IllegalArgumentException("trustworthiness: neighbors must be >= 1 and less than n / 2 = "
                    + n / 2.0 + ", got " + neighbors);
        }
        int[] embeddedNeighbors = embeddedNeighbors(embedded, neighbors);
        PairwiseDistances distances = new PairwiseDistances(original);
        double[] reference = new double[n * neighbors];
        distances.scan((row0, rows) -> new Ranks(row0, rows, neighbors, embeddedNeighbors, reference, null));
        long[] penalty = new long[(n + PairwiseDistances.ROWS - 1) / PairwiseDistances.ROWS];
        distances.scan((row0, rows) -> new Ranks(row0, rows, neighbors, embeddedNeighbors, reference, penalty));
        long total = 0;
        for (long p : penalty) {
            total += p;
        }
        return 1.0 - total * (2.0 / (n * (double) neighbors * (2.0 * n - 3.0 * neighbors - 1.0)));
    }

    /**
     * Each row's k nearest other rows in the embedding, row-major n × k: k + 1 are found and the
     * row itself dropped, or, when duplicates crowd it out, the first of them (scikit-learn's rule).
     */
    private static int[] embeddedNeighbors(Matrix embedded, int k) {
        int n = embedded.rows();
        int dims = embedded.cols();
        Algorithm algorithm = Algorithm.AUTO.resolve(n, dims, k);
        Neighbors found = NeighborIndex.of(embedded.toRowMajorArray(), n, dims, algorithm, 30, 2)
                .nearest(embedded.toRowMajorArray(), k + 1);
        int[] out = new int[n * k];
        for (int i = 0; i < n; i++) {
            int skip = 0;
            for (int j = 0; j <= k; j++) {
                if (found.index(i, j) == i) {
                    skip = j;
                    break;
                }
            }
            int t = 0;
            for (int j = 0; j <= k; j++) {
                if (j != skip) {
                    out[i * k + t++] = found.index(i, j);
                }
            }
        }
        return out;
    }

    /**
     * One scan of the original-space distances for a block of rows. The first scan records the
     * squared distance from each row to each of its embedded neighbours; the second counts, for
     * each, the rows nearer to i (ties: lower rows first) and adds the block's penalty
     * Σ max(0, rank − k) to {@code penalty}.
     */
    private static final class Ranks implements PairwiseDistances.RowBlock {
        private final int row0;
        private final int rows;
        private final int k;
        private final int[] neighbors;
        private final double[] reference;
        private final long[] penalty;
        private final long[] closer;

        Ranks(int row0, int rows, int k, int[] neighbors, double[] reference, long[] penalty) {
            this.row0 = row0;
            this.rows = rows;
            this.k = k;
            this.neighbors = neighbors;
            this.reference = reference;
            this.penalty = penalty;
            this.closer = penalty == null ? null : new long[rows * k];
        }

        @Override
        public void columns(int col0, int cols, double[] squared) {
            for (int r = 0; r < rows; r++) {
                int i = row0 + r;
                for (int t = 0; t < k; t++) {
                    int j = neighbors[i * k + t];
                    if (closer == null) {
                        if (j >= col0 && j < col0 + cols) {
                            reference[i * k + t] = squared[r * cols + j - col0];
                        }
                    } else {
                        closer[r * k + t] += nearer(i, j, reference[i * k + t], col0, cols, squared, r * cols);
                    }
                }
            }
        }

        /** How many of columns col0 … col0 + cols − 1, other than i, lie nearer to i than j (ties: lower first). */
        private static long nearer(int i, int j, double limit, int col0, int cols, double[] squared, int o) {
            long count = 0;
            for (int c = 0; c < cols; c++) {
                int l = col0 + c;
                double v = squared[o + c];
                if (l != i && (v < limit || (v == limit && l < j))) {
                    count++;
                }
            }
            return count;
        }

        @Override
        public void finish() {
            if (closer == null) {
                return;
            }
            long sum = 0;
            for (long c : closer) {
                sum += Math.max(0, c + 1 - k);
            }
            penalty[row0 / PairwiseDistances.ROWS] = sum;
        }
    }
}
