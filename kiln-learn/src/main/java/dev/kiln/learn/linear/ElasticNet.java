package dev.kiln.learn.linear;

import dev.kiln.core.frame.Column;
import dev.kiln.core.frame.Frame;
import dev.kiln.core.model.Estimator;
import java.util.Objects;

/**
 * The elastic net (Zou and Hastie 2005) with scikit-learn's objective
 * (1/(2n))‖y − Xw − b‖² + αρ‖w‖₁ + ½α(1 − ρ)‖w‖², ρ = l1Ratio, solved on the centred data by
 * cyclic coordinate descent with the duality-gap stopping rule ({@link CoordinateDescent}).
 */
public final class ElasticNet implements Estimator<ElasticNetModel> {
    static final String NAME = "elastic-net";

    /**
     * The hyperparameters (scikit-learn's defaults).
     *
     * @param alpha        the penalty strength α ≥ 0 (1.0)
     * @param l1Ratio      ρ in [0, 1], the L1 share of the penalty (0.5)
     * @param fitIntercept whether to fit b (true) or force it to zero
     * @param maxIter      the most coordinate sweeps, ≥ 1 (1000)
     * @param tol          the tolerance of the update-size and duality-gap tests, ≥ 0 (1e-4)
     * @param positive     whether to constrain the coefficients to be ≥ 0 (false)
     */
    public record Params(double alpha, double l1Ratio, boolean fitIntercept, int maxIter, double tol, boolean positive) {
        public Params {
            Checks.nonNegative("alpha", alpha);
            Checks.unitInterval("l1Ratio", l1Ratio);
            Checks.atLeast("maxIter", maxIter, 1);
            Checks.nonNegative("tol", tol);
        }

        public static Params defaults() {
            return new Params(1.0, 0.5, true, 1000, 1e-4, false);
        }

        public Params withAlpha(double alpha) {
            return new Params(alpha, l1Ratio, fitIntercept, maxIter, tol, positive);
        }

        public Params withL1Ratio(double l1Ratio) {
            return new Params(alpha, l1Ratio, fitIntercept, maxIter, tol, positive);
        }

        public Params withTol(double tol) {
            return new Params(alpha, l1Ratio, fitIntercept, maxIter, tol, positive);
        }
    }

    private final Params params;

    public ElasticNet() {
        this(Params.defaults());
    }

    public ElasticNet(Params params) {
        this.params = Objects.requireNonNull(params, "params");
    }

    public Params params() {
        return params;
    }

    @Override
    public ElasticNetModel fit(Frame features, Column target) {
        CenteredData d = CenteredData.of(features, target, params.fitIntercept(), NAME);
        double[] w = new double[d.p()];
        CoordinateDescent.Result r = solve(new CoordinateDescent(d), d.n(), params.alpha(), params.l1Ratio(),
                params.maxIter(), params.tol(), params.positive(), w);
        return new ElasticNetModel(params, features.schema(), w, d.intercept(w), r.iterations(), r.gap() / d.n());
    }

    /** Solves at one α from the warm start w, scaling the objective by n as scikit-learn's path does. */
    static CoordinateDescent.Result solve(CoordinateDescent solver, int n, double alpha, double l1Ratio, int maxIter,
                                          double tol, boolean positive, double[] w) {
        return solver.solve(alpha * l1Ratio * n, alpha * (1 - l1Ratio) * n, positive, maxIter, tol, w);
    }
}
