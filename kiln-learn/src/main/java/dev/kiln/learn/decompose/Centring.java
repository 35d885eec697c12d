package dev.kiln.learn.decompose;

import dev.kiln.core.linalg.Blas;
import dev.kiln.core.linalg.Matrix;
import dev.kiln.core.parallel.Parallelism;

/**
 * Column means and centring in place. The mean takes two passes (the plain mean, then the
 * mean of the residuals added back), so a large offset costs no accuracy in what follows.
 */
final class Centring {
    private static final int ROWS_PER_PART = 1024;

    private Centring() {
    }

    /** Subtracts from every column of the compact {@code x} its mean, and returns the means. */
    static double[] centre(Matrix x) {
        int n = x.rows();
        int p = x.cols();
        double[] a = x.storage();
        double[] mean = new double[p];
        for (int i = 0; i < n; i++) {
            Blas.axpy(p, 1.0, a, i * p, mean, 0);
        }
        for (int j = 0; j < p; j++) {
            mean[j] /= n;
        }
        double[] residual = new double[p];
        for (int i = 0; i < n; i++) {
            int r = i * p;
            for (int j = 0; j < p; j++) {
                residual[j] += a[r + j] - mean[j];
            }
        }
        for (int j = 0; j < p; j++) {
            mean[j] += residual[j] / n;
        }
        subtract(x, mean);
        return mean;
    }

    /** Subtracts {@code shift} from every row of the compact {@code x}. */
    static void subtract(Matrix x, double[] shift) {
        int n = x.rows();
        int p = x.cols();
        double[] a = x.storage();
        int parts = (n + ROWS_PER_PART - 1) / ROWS_PER_PART;
        Parallelism.forEachPart(parts, part -> {
            int to = Math.min(n, (part + 1) * ROWS_PER_PART);
            for (int i = part * ROWS_PER_PART; i < to; i++) {
                Blas.axpy(p, -1.0, shift, 0, a, i * p);
            }
        });
    }

    /** The sum of the squares of every element of the compact {@code x}. */
    static double sumOfSquares(Matrix x) {
        double[] a = x.storage();
        int p = x.cols();
        double sum = 0;
        for (int i = 0; i < x.rows(); i++) {
            sum += Blas.dot(p, a, i * p, a, i * p);
        }
        return sum;
    }
}
