package dev.kiln.learn.linear;

import dev.kiln.core.frame.Column;
import dev.kiln.core.frame.Frame;
import dev.kiln.core.model.Estimator;
import java.util.Objects;

/**
 * The lasso (Tibshirani 1996) with scikit-learn's objective (1/(2n))‖y − Xw − b‖² + α‖w‖₁: the
 * elastic net with ρ = 1, solved by the same coordinate descent ({@link CoordinateDescent}).
 */
public final class Lasso implements Estimator<LassoModel> {
    static final String NAME = "lasso";

    /**
     * The hyperparameters (scikit-learn's defaults).
     *
     * @param alpha        the penalty strength α ≥ 0 (1.0)
     * @param fitIntercept whether to fit b (true) or force it to zero
     * @param maxIter      the most coordinate sweeps, ≥ 1 (1000)
     * @param tol          the tolerance of the update-size and duality-gap tests, ≥ 0 (1e-4)
     * @param positive     whether to constrain the coefficients to be ≥ 0 (false)
     */
    public record Params(double alpha, boolean fitIntercept, int maxIter, double tol, boolean positive) {
        public Params {
            Checks.nonNegative("alpha", alpha);
            Checks.atLeast("maxIter", maxIter, 1);
            Checks.nonNegative("tol", tol);
        }

        public static Params defaults() {
            return new Params(1.0, true, 1000, 1e-4, false);
        }

        public Params withAlpha(double alpha) {
            return new Params(alpha, fitIntercept, maxIter, tol, positive);
        }

        public Params withTol(double tol) {
            return new Params(alpha, fitIntercept, maxIter, tol, positive);
        }
    }

    private final Params params;

    public Lasso() {
        this(Params.defaults());
    }

    public Lasso(Params params) {
        this.params = Objects.requireNonNull(params, "params");
    }

    public Params params() {
        return params;
    }

    @Override
    public LassoModel fit(Frame features, Column target) {
        CenteredData d = CenteredData.of(features, target, params.fitIntercept(), NAME);
        double[] w = new double[d.p()];
        CoordinateDescent.Result r = ElasticNet.solve(new CoordinateDescent(d), d.n(), params.alpha(), 1.0,
                params.maxIter(), params.tol(), params.positive(), w);
        return new LassoModel(params, features.schema(), w, d.intercept(w), r.iterations(), r.gap() / d.n());
    }
}
