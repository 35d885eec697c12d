package dev.kiln.learn.linear;

import dev.kiln.core.frame.Column;
import dev.kiln.core.frame.Frame;
import dev.kiln.core.linalg.Matrix;
import dev.kiln.core.model.Estimator;
import dev.kiln.core.random.Rng;
import dev.kiln.learn.data.ClassTarget;
import dev.kiln.learn.data.NumericInput;
import java.util.Objects;

/**
 * A fast linear support vector classifier, as scikit-learn's {@code LinearSVC} (liblinear):
 * ½‖w‖² + C·Σ loss(yᵢ(w·xᵢ + b)) solved in the dual by coordinate descent
 * ({@link DualCoordinateDescent}, Hsieh et al. 2008), one class against the rest for more than two
 * classes, the binary problems solved in parallel. The intercept is liblinear's augmented feature
 * of value interceptScaling, so it is penalised too. Gives decision values, not probabilities.
 */
public final class LinearSvm implements Estimator<LinearSvmModel> {
    static final String NAME = "linear-svm";

    /** The loss on the margin m = y·(w·x + b). */
    public enum Loss {
        /** max(0, 1 − m). */
        HINGE,
        /** max(0, 1 − m)². */
        SQUARED_HINGE
    }

    /**
     * The hyperparameters (scikit-learn's defaults in brackets).
     *
     * @param loss             the loss (SQUARED_HINGE)
     * @param c                the weight of the loss against the penalty, > 0 (1.0)
     * @param tol              stop when the projected gradient's spread is at most this, > 0 (1e-4)
     * @param maxIter          the most passes over the data, ≥ 1 (1000)
     * @param fitIntercept     whether to fit intercepts (true)
     * @param interceptScaling the value of the constant feature whose weight is the intercept, > 0 (1.0)
     * @param seed             the seed of the visiting order (scikit-learn draws one when random_state is None; Kiln: 0)
     */
    public record Params(Loss loss, double c, double tol, int maxIter, boolean fitIntercept, double interceptScaling,
                         long seed) {
        public Params {
            Checks.required("loss", loss);
            Checks.positive("c", c);
            Checks.positive("tol", tol);
            Checks.atLeast("maxIter", maxIter, 1);
            Checks.positive("interceptScaling", interceptScaling);
        }

        public static Params defaults() {
            return new Params(Loss.SQUARED_HINGE, 1.0, 1e-4, 1000, true, 1.0, 0L);
        }

        public Params withLoss(Loss loss) {
            return new Params(loss, c, tol, maxIter, fitIntercept, interceptScaling, seed);
        }

        public Params withC(double c) {
            return new Params(loss, c, tol, maxIter, fitIntercept, interceptScaling, seed);
        }

        public Params withTol(double tol) {
            return new Params(loss, c, tol, maxIter, fitIntercept, interceptScaling, seed);
        }

        public Params withMaxIter(int maxIter) {
            return new Params(loss, c, tol, maxIter, fitIntercept, interceptScaling, seed);
        }

        public Params withSeed(long seed) {
            return new Params(loss, c, tol, maxIter, fitIntercept, interceptScaling, seed);
        }
    }

    private final Params params;

    public LinearSvm() {
        this(Params.defaults());
    }

    public LinearSvm(Params params) {
        this.params = Objects.requireNonNull(params, "params");
    }

    public Params params() {
        return params;
    }

    @Override
    public LinearSvmModel fit(Frame features, Column target) {
        Matrix x = NumericInput.features(features, NAME);
        ClassTarget y = ClassTarget.of(target, x.rows(), NAME);
        int p = x.cols();
        DualCoordinateDescent solver = new DualCoordinateDescent(x.toRowMajorArray(), x.rows(), p,
                params.fitIntercept() ? params.interceptScaling() : 0);
        boolean squared = params.loss() == Loss.SQUARED_HINGE;
        Rng rng = Rng.seeded(params.seed());
        OneVsRest.Fit fit = OneVsRest.fit(y.codes(), y.classCount(), p,
                (k, signs) -> solver.solve(signs, squared, params.c(), params.tol(), params.maxIter(), rng.stream(k)));
        return new LinearSvmModel(params, features.schema(), y.classes(), fit.coefficients(), fit.intercepts(),
                fit.iterations());
    }
}
