package dev.kiln.core.linalg;

/**
 * Minimum-norm least squares: the x of smallest norm among those minimising ‖A·x − b‖₂, for any
 * shape and rank — numpy's {@code lstsq} and scipy's, to rounding, for well-separated ranks.
 * Full-rank tall problems take a blocked Householder QR; otherwise the rank is measured by QR
 * with column pivoting (of R when A is tall, so the pivoting costs O(n³) rather than O(mn²))
 * and the solution comes from the complete orthogonal decomposition, as in LAPACK's dgelsy.
 * Numerical rank uses numpy's tolerance, max(m, n)·ε times the largest pivot.
 */
public final class LeastSquares {
    private LeastSquares() {
    }

    /**
     * The minimum-norm least-squares solution.
     *
     * @throws IllegalArgumentException if a is empty or not finite, or b's size is not a's rows
     */
    public static Vector solve(Matrix a, Vector b) {
        MatrixChecks.requireNonEmpty(a, "LeastSquares");
        if (b.size() != a.rows()) {
            throw new IllegalArgumentException("LeastSquares: the right-hand side has " + b.size() + " elements, the "
                    + a.shape() + " matrix needs " + a.rows());
        }
        int m = a.rows();
        int n = a.cols();
        if (m >= n) {
            QR qr = QR.of(a);
            if (qr.isFullRank()) {
                return qr.solve(b);
            }
            double[] r = qr.r().transpose().storage();
            PivotedQR pivoted = new PivotedQR(r, n, n, m);
            return Vector.wrap(pivoted.minimumNormSolve(qr.qTransposeTimes(b).toArray()));
        }
        MatrixChecks.requireFinite(a, "LeastSquares");
        PivotedQR pivoted = new PivotedQR(a.transpose().storage(), m, n, n);
        return Vector.wrap(pivoted.minimumNormSolve(b.toArray()));
    }
}
