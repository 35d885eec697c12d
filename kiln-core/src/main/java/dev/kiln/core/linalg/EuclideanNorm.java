package dev.kiln.core.linalg;

/** Euclidean norms of strided runs of doubles. */
final class EuclideanNorm {
    private EuclideanNorm() {
    }

    /** The Euclidean norm of n elements {@code stride} apart, rescaled where squares would over- or underflow. */
    static double of(double[] x, int off, int n, int stride) {
        double sumOfSquares = 0;
        if (stride == 1) {
            sumOfSquares = Blas.dot(n, x, off, x, off);
        } else {
            for (int i = 0; i < n; i++) {
                double xi = x[off + i * stride];
                sumOfSquares += xi * xi;
            }
        }
        if (sumOfSquares >= Householder.SAFE_MINIMUM && sumOfSquares < Double.POSITIVE_INFINITY) {
            return Math.sqrt(sumOfSquares);
        }
        double max = 0;
        for (int i = 0; i < n; i++) {
            max = Math.max(max, Math.abs(x[off + i * stride]));
        }
        if (max == 0 || !Double.isFinite(max)) {
            return max;
        }
        double scaled = 0;
        for (int i = 0; i < n; i++) {
            double xi = x[off + i * stride] / max;
            scaled += xi * xi;
        }
        return max * Math.sqrt(scaled);
    }
}
