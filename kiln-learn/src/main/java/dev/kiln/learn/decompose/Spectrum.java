package dev.kiln.learn.decompose;

/**
 * Singular values, largest first, and the matching right singular vectors as the rows of a
 * row-major r×p array.
 */
record Spectrum(double[] singularValues, double[] vt, int p) {

    /** The first k rows of {@link #vt}, as a new array. */
    double[] leadingRows(int k) {
        return java.util.Arrays.copyOf(vt, k * p);
    }
}
