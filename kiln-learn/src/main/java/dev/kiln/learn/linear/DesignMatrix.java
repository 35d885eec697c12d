package dev.kiln.learn.linear;

import dev.kiln.core.linalg.Blas;
import dev.kiln.core.linalg.CsrMatrix;

/** The n × p features a linear loss multiplies by: dense row-major values, or a sparse CSR matrix. */
sealed interface DesignMatrix {
    int rows();

    int cols();

    /** z (rows × k, row-major) += X·Wᵀ for the row-major k × cols matrix W. */
    void addTimesTransposed(double[] w, int k, double[] z);

    /** g (k × cols, row-major) = Rᵀ·X for the row-major rows × k matrix R. */
    void transposedTimes(double[] r, int k, double[] g);

    record Dense(double[] x, int rows, int cols) implements DesignMatrix {
        @Override
        public void addTimesTransposed(double[] w, int k, double[] z) {
            if (k == 1) {
                Blas.dgemv(false, rows, cols, 1.0, x, 0, cols, w, 0, 1.0, z, 0);
            } else {
                Blas.dgemm(false, true, rows, k, cols, 1.0, x, 0, cols, w, 0, cols, 1.0, z, 0, k);
            }
        }

        @Override
        public void transposedTimes(double[] r, int k, double[] g) {
            if (k == 1) {
                Blas.dgemv(true, rows, cols, 1.0, x, 0, cols, r, 0, 0.0, g, 0);
            } else {
                Blas.dgemm(true, false, k, cols, rows, 1.0, r, 0, k, x, 0, cols, 0.0, g, 0, cols);
            }
        }
    }

    record Sparse(CsrMatrix x) implements DesignMatrix {
        @Override
        public int rows() {
            return x.rows();
        }

        @Override
        public int cols() {
            return x.cols();
        }

        @Override
        public void addTimesTransposed(double[] w, int k, double[] z) {
            x.addTimesTransposed(w, k, z);
        }

        @Override
        public void transposedTimes(double[] r, int k, double[] g) {
            x.transposedTimes(r, k, g);
        }
    }
}
