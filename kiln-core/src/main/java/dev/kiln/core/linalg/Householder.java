package dev.kiln.core.linalg;

/**
 * Householder reflectors H = I − τ·v·vᵀ with v[0] = 1, in the convention of LAPACK's dlarfg
 * (Golub and Van Loan, Matrix Computations, 4th ed., §5.1.2–5.1.4): the slot that would hold
 * v[0] holds instead the value β that H leaves in front, so a factored matrix stores its
 * triangular factor and its reflectors in the same array.
 */
final class Householder {
    /** The smallest magnitude whose square, and whose products with ε, stay normal: about 1e-292. */
    static final double SAFE_MINIMUM = Double.MIN_NORMAL / Math.ulp(1.0);

    private Householder() {
    }

    /**
     * Makes the reflector that maps x (n elements from {@code off}, {@code stride} apart) onto
     * (β, 0, …, 0): x[0] becomes β, x[1..n) becomes v[1..n). Returns τ, which is 0 (H = I)
     * where x[1..n) is already zero. An x so small that β would lose bits as a subnormal is
     * scaled up by a power of two first, as dlarfg does, so that H stays orthogonal.
     */
    static double reflect(double[] x, int off, int n, int stride) {
        if (n <= 1) {
            return 0;
        }
        double tail = EuclideanNorm.of(x, off + stride, n - 1, stride);
        if (tail == 0) {
            return 0;
        }
        double size = Math.hypot(x[off], tail);
        int exponent = 0;
        if (size < SAFE_MINIMUM) {
            exponent = -Math.getExponent(size);
            for (int i = 0; i < n; i++) {
                x[off + i * stride] = Math.scalb(x[off + i * stride], exponent);
            }
            size = Math.hypot(x[off], EuclideanNorm.of(x, off + stride, n - 1, stride));
        }
        double alpha = x[off];
        double beta = -Math.copySign(size, alpha);
        double divisor = alpha - beta;
        for (int i = 1; i < n; i++) {
            x[off + i * stride] /= divisor;
        }
        x[off] = Math.scalb(beta, -exponent);
        return (beta - alpha) / beta;
    }

    /** Replaces y[yo..yo+n) by H·y, for the reflector whose v[1..n) is at v[vo+1..vo+n). */
    static void applyTo(double tau, double[] v, int vo, int n, double[] y, int yo) {
        if (tau == 0) {
            return;
        }
        double s = tau * (y[yo] + Blas.dot(n - 1, v, vo + 1, y, yo + 1));
        if (s != 0) {
            y[yo] -= s;
            Blas.axpy(n - 1, -s, v, vo + 1, y, yo + 1);
        }
    }

    /** Applies H to each of {@code rows} rows of length n, which start at ao and lie lda apart. */
    static void applyToRows(double tau, double[] v, int vo, int n, double[] a, int ao, int lda, int rows) {
        for (int r = 0; r < rows; r++) {
            applyTo(tau, v, vo, n, a, ao + r * lda);
        }
    }

    /**
     * Replaces the n × cols block of the row-major a at ao (row stride lda) by H·block, where
     * v[i] = v[vo + i·vstride] for i ≥ 1. Works row by row with axpy, so the block is read along
     * its rows; {@code work} needs cols elements.
     */
    static void applyLeft(double tau, double[] v, int vo, int vstride, int n,
                          double[] a, int ao, int lda, int cols, double[] work) {
        if (tau == 0 || cols == 0) {
            return;
        }
        System.arraycopy(a, ao, work, 0, cols);
        for (int i = 1; i < n; i++) {
            Blas.axpy(cols, v[vo + i * vstride], a, ao + i * lda, work, 0);
        }
        Blas.axpy(cols, -tau, work, 0, a, ao);
        for (int i = 1; i < n; i++) {
            Blas.axpy(cols, -tau * v[vo + i * vstride], work, 0, a, ao + i * lda);
        }
    }
}
