package dev.kiln.core.linalg;

/**
 * Plane (Givens) rotations applied to a pair of rows (Golub and Van Loan, Matrix Computations,
 * 4th ed., §5.1.8). Rows are separate arrays so that the JIT can vectorise the loop: it cannot
 * prove two offsets into one array independent.
 */
final class PlaneRotation {
    private PlaneRotation() {
    }

    /** Replaces x by c·x + s·y and y by c·y − s·x over their first n elements. */
    static void rotate(double[] x, double[] y, int n, double c, double s) {
        for (int k = 0; k < n; k++) {
            double xk = x[k];
            double yk = y[k];
            x[k] = c * xk + s * yk;
            y[k] = c * yk - s * xk;
        }
    }
}
