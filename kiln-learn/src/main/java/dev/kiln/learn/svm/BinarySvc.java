package dev.kiln.learn.svm;

import dev.kiln.core.linalg.Blas;
import java.util.Arrays;

/**
 * One two-class C-SVC problem (Cortes and Vapnik, "Support-Vector Networks", Machine Learning
 * 1995) on chosen training rows: the dual min ½ αᵀQα − eᵀα, Q_ij = y_i y_j k(x_i, x_j),
 * yᵀα = 0, 0 ≤ α ≤ C, solved by {@link SmoSolver}; libsvm's {@code solve_c_svc}.
 */
final class BinarySvc {
    private BinarySvc() {
    }

    /**
     * A solved problem.
     *
     * @param rows the training rows it was solved on
     * @param coef y_i α_i for each of those rows
     * @param rho  the offset: f(x) = Σ coef_i k(x_i, x) − ρ, positive for y = +1
     */
    record Fit(int[] rows, double[] coef, double rho, boolean converged) {

        /** f at {@code queries} (row indices into x), from the rows with a nonzero coefficient. */
        double[] decisionValues(double[] x, int dims, KernelFunction kernel, int[] queries) {
            int count = 0;
            for (double c : coef) {
                if (c != 0) {
                    count++;
                }
            }
            double[] vectors = new double[count * dims];
            double[] weights = new double[count];
            int s = 0;
            for (int t = 0; t < rows.length; t++) {
                if (coef[t] != 0) {
                    System.arraycopy(x, rows[t] * dims, vectors, s * dims, dims);
                    weights[s++] = coef[t];
                }
            }
            int n = count;
            return new KernelExpansion(kernel, vectors, n, dims).evaluate(gather(x, queries, dims), queries.length, 1,
                    (k, off, out, o) -> out[o] = Blas.dot(n, weights, 0, k, off) - rho);
        }
    }

    /**
     * Solves the problem on {@code rows} of the row-major {@code x} with labels {@code y} (±1, one
     * per row), bound {@code cp} for y = +1 and {@code cn} for y = −1.
     */
    static Fit fit(double[] x, int dims, int[] rows, byte[] y, double cp, double cn, KernelFunction kernel,
                   SolverSettings settings) {
        int l = rows.length;
        double[] p = new double[l];
        Arrays.fill(p, -1.0);
        QMatrix q = new ClassificationQ(gather(x, rows, dims), dims, y, kernel, settings.cacheSize());
        SmoSolver.Solution s = new SmoSolver(q, y, p, new double[l], cp, cn, settings.tol(), settings.shrinking(),
                settings.maxIter()).solve();
        double[] coef = s.alpha();
        for (int i = 0; i < l; i++) {
            coef[i] *= y[i];
        }
        return new Fit(rows.clone(), coef, s.rho(), s.converged());
    }

    /** The given rows of the row-major {@code x}, as a new compact array. */
    static double[] gather(double[] x, int[] rows, int dims) {
        double[] out = new double[rows.length * dims];
        for (int i = 0; i < rows.length; i++) {
            System.arraycopy(x, rows[i] * dims, out, i * dims, dims);
        }
        return out;
    }
}
