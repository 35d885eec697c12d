package dev.kiln.learn.cluster;

import dev.kiln.core.linalg.Blas;

/**
 * Squared Euclidean distances between blocks of rows and a few centres. A block goes through
 * one GEMM, C·Xᵀ, giving ‖x − c‖² = ‖x‖² − 2x·c + ‖c‖² (clamped at 0); single pairs are summed
 * directly, which is exact to rounding however near x and c are.
 */
final class SquaredDistances {
    /** Rows per GEMM block: a multiple of the kernels' 24-column tile. */
    static final int BLOCK = 240;

    private SquaredDistances() {
    }

    /**
     * The squared distances from the {@code m} rows of {@code x} starting at row {@code row}
     * (norms {@code xn} from {@code row}) to the {@code k} centres {@code c} (norms {@code cn}),
     * written centre-major: {@code out[j * m + i]}. Runs on the calling thread.
     */
    static void block(double[] x, double[] xn, int row, int m, int d, double[] c, double[] cn, int k, double[] out) {
        Blas.dgemm(false, true, k, m, d, -2.0, c, 0, d, x, row * d, d, 0.0, out, 0, m, 1);
        for (int j = 0; j < k; j++) {
            int o = j * m;
            double cj = cn[j];
            for (int i = 0; i < m; i++) {
                out[o + i] = Math.max(0.0, out[o + i] + xn[row + i] + cj);
            }
        }
    }

    /** ‖a − b‖² over {@code d} coordinates, in four interleaved partial sums. */
    static double direct(double[] a, int ao, double[] b, int bo, int d) {
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        int j = 0;
        for (; j + 4 <= d; j += 4) {
            double t0 = a[ao + j] - b[bo + j];
            double t1 = a[ao + j + 1] - b[bo + j + 1];
            double t2 = a[ao + j + 2] - b[bo + j + 2];
            double t3 = a[ao + j + 3] - b[bo + j + 3];
            s0 += t0 * t0;
            s1 += t1 * t1;
            s2 += t2 * t2;
            s3 += t3 * t3;
        }
        for (; j < d; j++) {
            double t = a[ao + j] - b[bo + j];
            s0 += t * t;
        }
        return (s0 + s1) + (s2 + s3);
    }

    /**
     * ‖a − b‖² over {@code d} coordinates summed in order, one term after another, as scipy's
     * {@code pdist} and scikit-learn's {@code DistanceMetric} sum it.
     */
    static double sequential(double[] a, int ao, double[] b, int bo, int d) {
        double s = 0;
        for (int j = 0; j < d; j++) {
            double t = a[ao + j] - b[bo + j];
            s += t * t;
        }
        return s;
    }

    /** The squared norms of the {@code k} rows of {@code c}. */
    static double[] norms(double[] c, int k, int d) {
        double[] out = new double[k];
        for (int j = 0; j < k; j++) {
            out[j] = Blas.dot(d, c, j * d, c, j * d);
        }
        return out;
    }
}
