package dev.kiln.core.linalg;

/**
 * Input checks and exact power-of-two scaling shared by the decompositions. Messages name the
 * decomposition, what was found and what was expected.
 */
final class MatrixChecks {
    /**
     * Largest difference allowed between a(i, j) and a(j, i), relative to the largest |a(i, j)|:
     * loose enough for Gram matrices whose halves were summed in different orders, tight enough
     * to catch a matrix that is not meant to be symmetric.
     */
    static final double SYMMETRY_TOLERANCE = 1e-10;

    private MatrixChecks() {
    }

    static void requireNonEmpty(Matrix a, String who) {
        if (a.rows() == 0 || a.cols() == 0) {
            throw new IllegalArgumentException(who + " needs a non-empty matrix, got " + a.shape());
        }
    }

    static void requireSquare(Matrix a, String who) {
        if (!a.isSquare()) {
            throw new IllegalArgumentException(who + " needs a square matrix, got " + a.shape());
        }
        requireNonEmpty(a, who);
    }

    static void requireFinite(Matrix a, String who) {
        double[] s = a.storage();
        for (int i = 0; i < a.rows(); i++) {
            int base = a.offset() + i * a.rowStride();
            for (int j = 0; j < a.cols(); j++) {
                if (!Double.isFinite(s[base + j])) {
                    throw new IllegalArgumentException(who + " needs finite entries, but a(" + i + ", " + j + ") is "
                            + s[base + j]);
                }
            }
        }
    }

    /** Requires a square, finite matrix that is symmetric to within {@link #SYMMETRY_TOLERANCE}. */
    static void requireSymmetric(Matrix a, String who) {
        requireSquare(a, who);
        requireFinite(a, who);
        double tolerance = SYMMETRY_TOLERANCE * maxAbs(a);
        int n = a.rows();
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                double upper = a.get(i, j);
                double lower = a.get(j, i);
                if (Math.abs(upper - lower) > tolerance) {
                    throw new IllegalArgumentException(who + " needs a symmetric matrix, but a(" + i + ", " + j + ") = "
                            + upper + " and a(" + j + ", " + i + ") = " + lower + " differ by more than " + tolerance
                            + " (" + SYMMETRY_TOLERANCE + " x max|a(i, j)|)");
                }
            }
        }
    }

    /** The symmetric part (A + Aᵀ) / 2 of a square matrix, as a compact row-major array. */
    static double[] symmetricPart(Matrix a) {
        int n = a.rows();
        double[] out = new double[n * n];
        for (int i = 0; i < n; i++) {
            out[i * n + i] = a.get(i, i);
            for (int j = 0; j < i; j++) {
                double v = 0.5 * a.get(i, j) + 0.5 * a.get(j, i);
                out[i * n + j] = v;
                out[j * n + i] = v;
            }
        }
        return out;
    }

    static double maxAbs(Matrix a) {
        double max = 0;
        double[] s = a.storage();
        for (int i = 0; i < a.rows(); i++) {
            int base = a.offset() + i * a.rowStride();
            for (int j = 0; j < a.cols(); j++) {
                max = Math.max(max, Math.abs(s[base + j]));
            }
        }
        return max;
    }

    /**
     * The binary exponent of {@code maxAbs}: multiplying by 2 to its negative brings the largest
     * entry into [1, 2) exactly, so the iterations neither overflow nor underflow on 1e±150.
     */
    static int scaleExponent(double maxAbs) {
        return maxAbs == 0 ? 0 : Math.getExponent(maxAbs);
    }

    /** Multiplies every element by 2^exponent, exactly unless an element leaves the double range. */
    static void scale(double[] values, int exponent) {
        if (exponent == 0) {
            return;
        }
        for (int i = 0; i < values.length; i++) {
            values[i] = Math.scalb(values[i], exponent);
        }
    }
}
