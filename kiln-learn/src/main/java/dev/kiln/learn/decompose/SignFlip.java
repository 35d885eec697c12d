package dev.kiln.learn.decompose;

/**
 * scikit-learn's {@code svd_flip}: singular vectors are defined up to sign, so each pair
 * (u_k, v_k) is turned to make one chosen entry positive, which makes the decomposition
 * deterministic and comparable across solvers.
 */
final class SignFlip {
    private SignFlip() {
    }

    /**
     * The sign of each column of the row-major n×k {@code u} at its entry of largest magnitude
     * (the first, on ties), as {@code u_based_decision=True}; +1 for a zero column.
     */
    static double[] columnSigns(double[] u, int n, int k) {
        double[] largest = new double[k];
        double[] signs = new double[k];
        java.util.Arrays.fill(signs, 1.0);
        for (int i = 0; i < n; i++) {
            int r = i * k;
            for (int c = 0; c < k; c++) {
                double v = u[r + c];
                if (Math.abs(v) > largest[c]) {
                    largest[c] = Math.abs(v);
                    signs[c] = v < 0 ? -1.0 : 1.0;
                }
            }
        }
        return signs;
    }

    /** As {@link #columnSigns}, for the rows of the row-major k×p {@code vt} ({@code u_based_decision=False}). */
    static double[] rowSigns(double[] vt, int k, int p) {
        double[] signs = new double[k];
        for (int c = 0; c < k; c++) {
            double largest = 0;
            signs[c] = 1.0;
            for (int j = 0; j < p; j++) {
                double v = vt[c * p + j];
                if (Math.abs(v) > largest) {
                    largest = Math.abs(v);
                    signs[c] = v < 0 ? -1.0 : 1.0;
                }
            }
        }
        return signs;
    }

    /** Multiplies row c of the row-major {@code rows} (p columns) by {@code signs[c]}. */
    static void applyToRows(double[] rows, int p, double[] signs) {
        for (int c = 0; c < signs.length; c++) {
            if (signs[c] < 0) {
                for (int j = 0; j < p; j++) {
                    rows[c * p + j] = -rows[c * p + j];
                }
            }
        }
    }
}
