package dev.kiln.learn.linear;

import dev.kiln.core.frame.Column;
import dev.kiln.core.frame.Frame;
import dev.kiln.core.frame.Schema;
import dev.kiln.core.linalg.Blas;
import java.util.Arrays;
import java.util.Objects;

/**
 * Regularisation paths of the elastic net (and of the lasso, ρ = 1): the solutions for a
 * decreasing sequence of α, each coordinate descent warm-started from the previous solution
 * (Friedman, Hastie and Tibshirani 2010, §2.5). The default grid is scikit-learn's
 * {@code enet_path}/{@code lasso_path} grid: {@code nAlphas} values log-spaced from
 * α_max = ‖Xᵀy‖∞ / (n·ρ), the smallest α whose solution is all zeros, down to eps·α_max,
 * computed on the centred data when an intercept is fitted.
 */
public final class ElasticNetPath {

    /**
     * The path's settings.
     *
     * @param l1Ratio      ρ in (0, 1] (0.5 as {@code enet_path}; 1 for the lasso)
     * @param nAlphas      the grid size, ≥ 1 (100)
     * @param eps          the ratio α_min / α_max, in (0, 1] (1e-3)
     * @param fitIntercept whether each solution has an intercept (true)
     * @param maxIter      the most sweeps per α (1000)
     * @param tol          the coordinate descent tolerance (1e-4)
     * @param positive     whether to constrain the coefficients to be ≥ 0 (false)
     */
    public record Params(double l1Ratio, int nAlphas, double eps, boolean fitIntercept, int maxIter, double tol,
                         boolean positive) {
        public Params {
            if (!(l1Ratio > 0 && l1Ratio <= 1)) {
                throw new IllegalArgumentException("l1Ratio must be in (0, 1] for a path, got " + l1Ratio);
            }
            Checks.atLeast("nAlphas", nAlphas, 1);
            if (!(eps > 0 && eps <= 1)) {
                throw new IllegalArgumentException("eps must be in (0, 1], got " + eps);
            }
            Checks.atLeast("maxIter", maxIter, 1);
            Checks.nonNegative("tol", tol);
        }

        /** {@code enet_path}'s defaults. */
        public static Params defaults() {
            return new Params(0.5, 100, 1e-3, true, 1000, 1e-4, false);
        }

        /** {@code lasso_path}'s defaults: ρ = 1. */
        public static Params lasso() {
            return defaults().withL1Ratio(1.0);
        }

        public Params withL1Ratio(double l1Ratio) {
            return new Params(l1Ratio, nAlphas, eps, fitIntercept, maxIter, tol, positive);
        }

        public Params withNAlphas(int nAlphas) {
            return new Params(l1Ratio, nAlphas, eps, fitIntercept, maxIter, tol, positive);
        }
    }

    private final Params params;

    public ElasticNetPath() {
        this(Params.defaults());
    }

    public ElasticNetPath(Params params) {
        this.params = Objects.requireNonNull(params, "params");
    }

    public Params params() {
        return params;
    }

    /** The path over the default grid. */
    public Path fit(Frame features, Column target) {
        CenteredData d = CenteredData.of(features, target, params.fitIntercept(), ElasticNet.NAME);
        return solve(features.schema(), d, alphaGrid(d));
    }

    /** The path over the given α (each ≥ 0), solved from the largest to the smallest. */
    public Path fit(Frame features, Column target, double... alphas) {
        if (alphas.length == 0) {
            throw new IllegalArgumentException(ElasticNet.NAME + ": a path needs at least one alpha");
        }
        for (double a : alphas) {
            Checks.nonNegative("alpha", a);
        }
        double[] sorted = alphas.clone();
        Arrays.sort(sorted);
        for (int i = 0, j = sorted.length - 1; i < j; i++, j--) {
            double t = sorted[i];
            sorted[i] = sorted[j];
            sorted[j] = t;
        }
        return solve(features.schema(), CenteredData.of(features, target, params.fitIntercept(), ElasticNet.NAME), sorted);
    }

    private double[] alphaGrid(CenteredData d) {
        int n = d.n();
        double max = 0;
        for (int j = 0; j < d.p(); j++) {
            max = Math.max(max, Math.abs(Blas.dot(n, d.xt(), j * n, d.y(), 0)));
        }
        double alphaMax = max / (n * params.l1Ratio());
        double[] alphas = new double[params.nAlphas()];
        if (alphaMax <= 1e-15) {
            Arrays.fill(alphas, 1e-15);
            return alphas;
        }
        double hi = Math.log10(alphaMax);
        double lo = Math.log10(alphaMax * params.eps());
        int last = alphas.length - 1;
        double step = last == 0 ? 0 : (hi - lo) / last;
        for (int i = 0; i < alphas.length; i++) {
            double exponent = i == last ? hi : lo + i * step;
            alphas[last - i] = Math.pow(10, exponent);
        }
        return alphas;
    }

    private Path solve(Schema schema, CenteredData d, double[] alphas) {
        CoordinateDescent solver = new CoordinateDescent(d);
        double[] w = new double[d.p()];
        double[][] coefficients = new double[alphas.length][];
        double[] intercepts = new double[alphas.length];
        double[] gaps = new double[alphas.length];
        int[] iterations = new int[alphas.length];
        for (int i = 0; i < alphas.length; i++) {
            CoordinateDescent.Result r = ElasticNet.solve(solver, d.n(), alphas[i], params.l1Ratio(), params.maxIter(),
                    params.tol(), params.positive(), w);
            coefficients[i] = w.clone();
            intercepts[i] = d.intercept(w);
            gaps[i] = r.gap() / d.n();
            iterations[i] = r.iterations();
        }
        return new Path(params, schema, alphas, coefficients, intercepts, gaps, iterations);
    }

    /** The solutions along a path, from the largest α to the smallest. */
    public static final class Path {
        private final Params params;
        private final Schema schema;
        private final double[] alphas;
        private final double[][] coefficients;
        private final double[] intercepts;
        private final double[] dualGaps;
        private final int[] iterations;

        Path(Params params, Schema schema, double[] alphas, double[][] coefficients, double[] intercepts,
             double[] dualGaps, int[] iterations) {
            this.params = params;
            this.schema = schema;
            this.alphas = alphas;
            this.coefficients = coefficients;
            this.intercepts = intercepts;
            this.dualGaps = dualGaps;
            this.iterations = iterations;
        }

        public int size() {
            return alphas.length;
        }

        /** The α values, decreasing. */
        public double[] alphas() {
            return alphas.clone();
        }

        /** The coefficients at α = {@code alphas()[i]}. */
        public double[] coefficients(int i) {
            return coefficients[i].clone();
        }

        public double intercept(int i) {
            return intercepts[i];
        }

        /** The duality gap at the end of the solve at α_i, as {@link CoordinateDescentModel#dualGap()}. */
        public double dualGap(int i) {
            return dualGaps[i];
        }

        public int iterations(int i) {
            return iterations[i];
        }

        /** The solution at α_i as a model. */
        public ElasticNetModel model(int i) {
            ElasticNet.Params p = new ElasticNet.Params(alphas[i], params.l1Ratio(), params.fitIntercept(),
                    params.maxIter(), params.tol(), params.positive());
            return new ElasticNetModel(p, schema, coefficients[i], intercepts[i], iterations[i], dualGaps[i]);
        }
    }
}
