package dev.kiln.learn.linear;

import dev.kiln.core.frame.Column;
import dev.kiln.core.frame.Frame;
import dev.kiln.core.linalg.Matrix;
import dev.kiln.core.model.Estimator;
import dev.kiln.core.random.Rng;
import dev.kiln.learn.data.NumericInput;
import java.util.Objects;

/**
 * A linear regressor trained by plain stochastic gradient descent ({@link StochasticGradientDescent}),
 * minimising the mean of a point loss plus α times the penalty, as scikit-learn's
 * {@code SGDRegressor}. The samples are visited in a fresh random order each epoch, drawn from
 * {@code seed}; the same seed gives the same model bit for bit.
 */
public final class SgdRegressor implements Estimator<SgdRegressorModel> {
    static final String NAME = "sgd-regressor";

    /** The loss on one prediction p of a target y. */
    public enum Loss {
        /** ½(p − y)². */
        SQUARED_ERROR,
        /** ½(p − y)² within epsilon of the target, linear beyond. */
        HUBER,
        /** max(0, |p − y| − epsilon). */
        EPSILON_INSENSITIVE,
        /** max(0, |p − y| − epsilon)². */
        SQUARED_EPSILON_INSENSITIVE
    }

    /**
     * The hyperparameters (scikit-learn's defaults in brackets).
     *
     * @param loss           the point loss (SQUARED_ERROR)
     * @param penalty        the penalty (L2)
     * @param alpha          the penalty strength, ≥ 0 and > 0 with the OPTIMAL schedule (1e-4)
     * @param l1Ratio        the L1 share of the ELASTICNET penalty, in [0, 1] (0.15)
     * @param fitIntercept   whether to fit an intercept (true)
     * @param maxIter        the most epochs, ≥ 1 (1000)
     * @param tol            stop when the epoch loss has not fallen by tol·n for nIterNoChange epochs; ≥ 0,
     *                       or −∞ to always run maxIter epochs (1e-3)
     * @param shuffle        whether to visit the samples in a new random order each epoch (true)
     * @param epsilon        the width of HUBER and the EPSILON_INSENSITIVE losses, ≥ 0 (0.1)
     * @param learningRate   the step schedule (INVSCALING)
     * @param eta0           the initial step, > 0 (0.01)
     * @param powerT         the exponent of INVSCALING (0.25)
     * @param nIterNoChange  the patience of the stopping rule, ≥ 1 (5)
     * @param seed           the seed of the shuffling (scikit-learn draws one when random_state is None; Kiln: 0)
     */
    public record Params(Loss loss, Penalty penalty, double alpha, double l1Ratio, boolean fitIntercept, int maxIter,
                         double tol, boolean shuffle, double epsilon, LearningRate learningRate, double eta0,
                         double powerT, int nIterNoChange, long seed) {
        public Params {
            Checks.required("loss", loss);
            Checks.required("penalty", penalty);
            Checks.required("learningRate", learningRate);
            SgdChecks.check(alpha, l1Ratio, maxIter, tol, learningRate, eta0, nIterNoChange);
            Checks.nonNegative("epsilon", epsilon);
            if (!Double.isFinite(powerT)) {
                throw new IllegalArgumentException("powerT must be a finite number, got " + powerT);
            }
        }

        public static Params defaults() {
            return new Params(Loss.SQUARED_ERROR, Penalty.L2, 1e-4, 0.15, true, 1000, 1e-3, true, 0.1,
                    LearningRate.INVSCALING, 0.01, 0.25, 5, 0L);
        }

        public Params withLoss(Loss loss) {
            return new Params(loss, penalty, alpha, l1Ratio, fitIntercept, maxIter, tol, shuffle, epsilon,
                    learningRate, eta0, powerT, nIterNoChange, seed);
        }

        public Params withPenalty(Penalty penalty) {
            return new Params(loss, penalty, alpha, l1Ratio, fitIntercept, maxIter, tol, shuffle, epsilon,
                    learningRate, eta0, powerT, nIterNoChange, seed);
        }

        public Params withAlpha(double alpha) {
            return new Params(loss, penalty, alpha, l1Ratio, fitIntercept, maxIter, tol, shuffle, epsilon,
                    learningRate, eta0, powerT, nIterNoChange, seed);
        }

        public Params withLearningRate(LearningRate learningRate, double eta0) {
            return new Params(loss, penalty, alpha, l1Ratio, fitIntercept, maxIter, tol, shuffle, epsilon,
                    learningRate, eta0, powerT, nIterNoChange, seed);
        }

        public Params withEpsilon(double epsilon) {
            return new Params(loss, penalty, alpha, l1Ratio, fitIntercept, maxIter, tol, shuffle, epsilon,
                    learningRate, eta0, powerT, nIterNoChange, seed);
        }

        public Params withMaxIter(int maxIter, double tol) {
            return new Params(loss, penalty, alpha, l1Ratio, fitIntercept, maxIter, tol, shuffle, epsilon,
                    learningRate, eta0, powerT, nIterNoChange, seed);
        }

        public Params withSeed(long seed) {
            return new Params(loss, penalty, alpha, l1Ratio, fitIntercept, maxIter, tol, shuffle, epsilon,
                    learningRate, eta0, powerT, nIterNoChange, seed);
        }

        StochasticGradientDescent.Settings settings() {
            return new StochasticGradientDescent.Settings(penalty, alpha, l1Ratio, learningRate, eta0, powerT,
                    maxIter, tol, nIterNoChange, shuffle, fitIntercept);
        }
    }

    private final Params params;

    public SgdRegressor() {
        this(Params.defaults());
    }

    public SgdRegressor(Params params) {
        this.params = Objects.requireNonNull(params, "params");
    }

    public Params params() {
        return params;
    }

    @Override
    public SgdRegressorModel fit(Frame features, Column target) {
        Matrix x = NumericInput.features(features, NAME);
        double[] y = NumericInput.target(target, x.rows(), NAME);
        StochasticGradientDescent.Fit fit = StochasticGradientDescent.run(NAME, params.settings(), pointLoss(),
                x.toRowMajorArray(), x.rows(), x.cols(), y, Rng.seeded(params.seed()).stream(0));
        return new SgdRegressorModel(params, features.schema(), fit.coefficients(), fit.intercept(), fit.epochs());
    }

    private StochasticGradientDescent.PointLoss pointLoss() {
        double e = params.epsilon();
        return switch (params.loss()) {
            case SQUARED_ERROR -> new StochasticGradientDescent.PointLoss() {
                public double loss(double p, double y) {
                    return 0.5 * (p - y) * (p - y);
                }

                public double derivative(double p, double y) {
                    return p - y;
                }
            };
            case HUBER -> new StochasticGradientDescent.PointLoss() {
                public double loss(double p, double y) {
                    double r = Math.abs(p - y);
                    return r <= e ? 0.5 * r * r : e * r - 0.5 * e * e;
                }

                public double derivative(double p, double y) {
                    double r = p - y;
                    return Math.abs(r) <= e ? r : Math.copySign(e, r);
                }
            };
            case EPSILON_INSENSITIVE -> new StochasticGradientDescent.PointLoss() {
                public double loss(double p, double y) {
                    return Math.max(0, Math.abs(y - p) - e);
                }

                public double derivative(double p, double y) {
                    return y - p > e ? -1 : p - y > e ? 1 : 0;
                }
            };
            case SQUARED_EPSILON_INSENSITIVE -> new StochasticGradientDescent.PointLoss() {
                public double loss(double p, double y) {
                    double r = Math.abs(y - p) - e;
                    return r > 0 ? r * r : 0;
                }

                public double derivative(double p, double y) {
                    double z = y - p;
                    return z > e ? -2 * (z - e) : z < -e ? 2 * (-z - e) : 0;
                }
            };
        };
    }
}
