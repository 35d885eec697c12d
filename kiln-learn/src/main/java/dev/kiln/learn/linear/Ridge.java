package dev.kiln.learn.linear;

import dev.kiln.core.frame.Column;
import dev.kiln.core.frame.Frame;
import dev.kiln.core.linalg.Blas;
import dev.kiln.core.linalg.Cholesky;
import dev.kiln.core.linalg.LinearAlgebraException;
import dev.kiln.core.linalg.Matrix;
import dev.kiln.core.linalg.SingularValueDecomposition;
import dev.kiln.core.linalg.Vector;
import dev.kiln.core.model.Estimator;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Ridge regression (Hoerl and Kennard 1970): the w and b minimising ‖y − Xw − b‖² + α‖w‖²,
 * in closed form on the centred data. With at least as many rows as features it solves the
 * normal equations (XᵀX + αI)w = Xᵀy by Cholesky; with more features than rows, the dual form
 * w = Xᵀ(XXᵀ + αI)⁻¹y (as scikit-learn's "cholesky" solver does). When the system is singular to
 * working precision (α = 0 and dependent columns) it uses the SVD X = USVᵀ,
 * w = V·diag(s/(s² + α))·Uᵀy with negligible singular values dropped, the minimum-norm solution;
 * {@link #fitPath} uses the SVD to fit many α from one decomposition.
 */
public final class Ridge implements Estimator<RidgeModel> {
    static final String NAME = "ridge";
    private static final double ILL_CONDITIONED = 1e-10;

    /**
     * The hyperparameters.
     *
     * @param alpha        the L2 penalty α, ≥ 0 (scikit-learn's default 1.0)
     * @param fitIntercept whether to fit b (true) or force it to zero
     */
    public record Params(double alpha, boolean fitIntercept) {
        public Params {
            Checks.nonNegative("alpha", alpha);
        }

        public static Params defaults() {
            return new Params(1.0, true);
        }

        public Params withAlpha(double alpha) {
            return new Params(alpha, fitIntercept);
        }
    }

    private final Params params;

    public Ridge() {
        this(Params.defaults());
    }

    public Ridge(Params params) {
        this.params = Objects.requireNonNull(params, "params");
    }

    public Params params() {
        return params;
    }

    @Override
    public RidgeModel fit(Frame features, Column target) {
        CenteredData d = CenteredData.of(features, target, params.fitIntercept(), NAME);
        double[] w;
        try {
            w = d.n() >= d.p() ? primal(d, params.alpha()) : dual(d, params.alpha());
        } catch (LinearAlgebraException singular) {
            w = new SpectralSolver(d).coefficients(params.alpha());
        }
        return new RidgeModel(params, features.schema(), w, d.intercept(w));
    }

    /**
     * One model per α in {@code alphas}, all from a single SVD of the centred features: each costs
     * O(p·min(n, p)) after the decomposition. The other hyperparameters are this estimator's.
     */
    public List<RidgeModel> fitPath(Frame features, Column target, double... alphas) {
        if (alphas.length == 0) {
            throw new IllegalArgumentException(NAME + ": fitPath needs at least one alpha");
        }
        for (double a : alphas) {
            Checks.nonNegative("alpha", a);
        }
        CenteredData d = CenteredData.of(features, target, params.fitIntercept(), NAME);
        SpectralSolver solver = new SpectralSolver(d);
        List<RidgeModel> models = new ArrayList<>(alphas.length);
        for (double a : alphas) {
            double[] w = solver.coefficients(a);
            models.add(new RidgeModel(params.withAlpha(a), features.schema(), w, d.intercept(w)));
        }
        return models;
    }

    /** Cholesky of XᵀX + αI (p × p); X is stored transposed, so XᵀX = xt·xtᵀ. */
    private static double[] primal(CenteredData d, double alpha) {
        int n = d.n();
        int p = d.p();
        double[] gram = new double[p * p];
        Blas.dgemm(false, true, p, p, n, 1.0, d.xt(), 0, n, d.xt(), 0, n, 0.0, gram, 0, p);
        addToDiagonal(gram, p, alpha);
        double[] rhs = new double[p];
        Blas.dgemv(false, p, n, 1.0, d.xt(), 0, n, d.y(), 0, 0.0, rhs, 0);
        return solvePositiveDefinite(gram, p, rhs);
    }

    /** w = Xᵀ(XXᵀ + αI)⁻¹y with the n × n kernel matrix XXᵀ = xtᵀ·xt. */
    private static double[] dual(CenteredData d, double alpha) {
        int n = d.n();
        int p = d.p();
        double[] kernel = new double[n * n];
        Blas.dgemm(true, false, n, n, p, 1.0, d.xt(), 0, n, d.xt(), 0, n, 0.0, kernel, 0, n);
        addToDiagonal(kernel, n, alpha);
        double[] dualCoef = solvePositiveDefinite(kernel, n, d.y().clone());
        double[] w = new double[p];
        Blas.dgemv(false, p, n, 1.0, d.xt(), 0, n, dualCoef, 0, 0.0, w, 0);
        return w;
    }

    /**
     * Solves a·x = b by Cholesky, refusing (so the caller falls back to the SVD) when a pivot is
     * below 1e-10 times its diagonal entry: the matrix is then so ill-conditioned (or, with
     * α = 0 and dependent columns, singular up to rounding) that the factorisation of XᵀX, whose
     * condition is that of X squared, would return noise.
     */
    private static double[] solvePositiveDefinite(double[] a, int n, double[] b) {
        double[] diagonal = new double[n];
        for (int i = 0; i < n; i++) {
            diagonal[i] = a[i * n + i];
        }
        Cholesky cholesky = Cholesky.of(Matrix.wrap(n, n, a));
        Matrix l = cholesky.lower();
        for (int i = 0; i < n; i++) {
            double pivot = l.get(i, i) * l.get(i, i);
            if (pivot <= ILL_CONDITIONED * diagonal[i]) {
                throw new LinearAlgebraException("pivot " + i + " is " + pivot + ", negligible against " + diagonal[i]);
            }
        }
        return cholesky.solve(Vector.wrap(b)).toArray();
    }

    private static void addToDiagonal(double[] a, int n, double value) {
        for (int i = 0; i < n; i++) {
            a[i * n + i] += value;
        }
    }

    /**
     * The SVD of the centred features and Uᵀy, from which w(α) = V·diag(s/(s² + α))·Uᵀy. Singular
     * values at or below max(n, p)·ε·s_max (numpy's rank tolerance) are dropped: with α = 0 they
     * are rounding noise whose inverse would swamp the solution, with α > 0 their terms are
     * negligible anyway.
     */
    private static final class SpectralSolver {
        private final double[] s;
        private final double[] uty;
        private final Matrix v;
        private final double negligible;

        SpectralSolver(CenteredData d) {
            SingularValueDecomposition svd = SingularValueDecomposition.of(Matrix.wrap(d.p(), d.n(), d.xt()).transpose());
            this.s = svd.singularValues().toArray();
            this.uty = svd.u().transposeTimes(Vector.wrap(d.y())).toArray();
            this.v = svd.v();
            this.negligible = Math.max(d.n(), d.p()) * Math.ulp(1.0) * s[0];
        }

        double[] coefficients(double alpha) {
            double[] scaled = new double[s.length];
            for (int i = 0; i < s.length; i++) {
                scaled[i] = s[i] > negligible ? s[i] / (s[i] * s[i] + alpha) * uty[i] : 0.0;
            }
            return v.times(Vector.wrap(scaled)).toArray();
        }
    }
}
