package dev.kiln.learn.quality;

import dev.kiln.core.linalg.Blas;
import dev.kiln.core.linalg.Matrix;
import dev.kiln.core.parallel.Parallelism;

/**
 * Squared Euclidean distances between all pairs of rows, without holding the n × n matrix: fixed
 * blocks of rows run in parallel, each meeting every block of columns in turn through one GEMM,
 * ‖a − b‖² = ‖a‖² − 2a·b + ‖b‖² (clamped at 0, and exactly 0 from a row to itself). The rows are
 * centred first, which changes no distance and keeps the expansion accurate.
 */
final class PairwiseDistances {
    static final int ROWS = 128;
    static final int COLUMNS = 2048;

    private final double[] x;
    private final int n;
    private final int d;
    private final double[] norms;

    PairwiseDistances(double[] rows, int n, int d) {
        this.n = n;
        this.d = d;
        this.x = new double[n * d];
        double[] mean = new double[d];
        for (int i = 0; i < n; i++) {
            Blas.axpy(d, 1.0 / n, rows, i * d, mean, 0);
        }
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) {
                x[i * d + j] = rows[i * d + j] - mean[j];
            }
        }
        this.norms = new double[n];
        for (int i = 0; i < n; i++) {
            norms[i] = Blas.dot(d, x, i * d, x, i * d);
        }
    }

    PairwiseDistances(Matrix m) {
        this(m.toRowMajorArray(), m.rows(), m.cols());
    }

    /** What one block of rows does with its distances. */
    interface RowBlock {
        /**
         * The squared distances from the block's rows to columns {@code col0} to
         * {@code col0 + cols}: row r of the block at {@code squared[r * cols + c]}.
         */
        void columns(int col0, int cols, double[] squared);

        /** Called once every column block has been seen. */
        void finish();
    }

    /** Makes the {@link RowBlock} for rows {@code row0} to {@code row0 + rows}. */
    interface RowBlocks {
        RowBlock open(int row0, int rows);
    }

    /**
     * For every block of {@value #ROWS} rows, in parallel, opens a {@link RowBlock} and hands it
     * the distances to each block of columns in increasing order.
     */
    void scan(RowBlocks blocks) {
        int parts = (n + ROWS - 1) / ROWS;
        Parallelism.forEachPart(parts, part -> {
            int row0 = part * ROWS;
            int rows = Math.min(ROWS, n - row0);
            RowBlock block = blocks.open(row0, rows);
            double[] squared = new double[rows * COLUMNS];
            for (int col0 = 0; col0 < n; col0 += COLUMNS) {
                int cols = Math.min(COLUMNS, n - col0);
                Blas.dgemm(false, true, rows, cols, d, -2.0, x, row0 * d, d, x, col0 * d, d, 0.0, squared, 0, cols, 1);
                for (int r = 0; r < rows; r++) {
                    double ni = norms[row0 + r];
                    int o = r * cols;
                    for (int c = 0; c < cols; c++) {
                        squared[o + c] = Math.max(0.0, squared[o + c] + ni + norms[col0 + c]);
                    }
                    int self = row0 + r - col0;
                    if (self >= 0 && self < cols) {
                        squared[o + self] = 0.0;
                    }
                }
                block.columns(col0, cols, squared);
            }
            block.finish();
        });
    }
}
