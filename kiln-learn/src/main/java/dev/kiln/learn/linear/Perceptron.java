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
 * Rosenblatt's perceptron (1958) as scikit-learn's {@code Perceptron}: stochastic gradient
 * descent ({@link StochasticGradientDescent}) on the loss max(0, −y·(x·w + b)) with a constant
 * step eta0, one class against the rest for more than two classes, the binary problems trained
 * in parallel. Gives no probabilities. The samples are visited in a fresh random order each
 * epoch, drawn from {@code seed}; the same seed gives the same model bit for bit.
 */
public final class Perceptron implements Estimator<PerceptronModel> {
    static final String NAME = "perceptron";

    private static final StochasticGradientDescent.PointLoss PERCEPTRON_LOSS = new StochasticGradientDescent.PointLoss() {
        @Override
        public double loss(double p, double y) {
            return p * y <= 0 ? -p * y : 0;
        }

        @Override
        public double derivative(double p, double y) {
            return p * y <= 0 ? -y : 0;
        }
    };

    /**
     * The hyperparameters (scikit-learn's defaults in brackets).
     *
     * @param penalty       the penalty (NONE)
     * @param alpha         the penalty strength, ≥ 0 (1e-4)
     * @param l1Ratio       the L1 share of the ELASTICNET penalty, in [0, 1] (0.15)
     * @param fitIntercept  whether to fit intercepts (true)
     * @param maxIter       the most epochs, ≥ 1 (1000)
     * @param tol           stop when the epoch loss has not fallen by tol·n for nIterNoChange epochs; ≥ 0,
     *                      or −∞ to always run maxIter epochs (1e-3)
     * @param shuffle       whether to visit the samples in a new random order each epoch (true)
     * @param eta0          the step, > 0 (1.0)
     * @param nIterNoChange the patience of the stopping rule, ≥ 1 (5)
     * @param seed          the seed of the shuffling (scikit-learn's random_state is 0)
     */
    public record Params(Penalty penalty, double alpha, double l1Ratio, boolean fitIntercept, int maxIter, double tol,
                         boolean shuffle, double eta0, int nIterNoChange, long seed) {
        public Params {
            Checks.required("penalty", penalty);
            SgdChecks.check(alpha, l1Ratio, maxIter, tol, LearningRate.CONSTANT, eta0, nIterNoChange);
        }

        public static Params defaults() {
            return new Params(Penalty.NONE, 1e-4, 0.15, true, 1000, 1e-3, true, 1.0, 5, 0L);
        }

        public Params withPenalty(Penalty penalty, double alpha) {
            return new Params(penalty, alpha, l1Ratio, fitIntercept, maxIter, tol, shuffle, eta0, nIterNoChange, seed);
        }

        public Params withSeed(long seed) {
            return new Params(penalty, alpha, l1Ratio, fitIntercept, maxIter, tol, shuffle, eta0, nIterNoChange, seed);
        }

        StochasticGradientDescent.Settings settings() {
            return new StochasticGradientDescent.Settings(penalty, alpha, l1Ratio, LearningRate.CONSTANT, eta0, 0.5,
                    maxIter, tol, nIterNoChange, shuffle, fitIntercept);
        }
    }

    private final Params params;

    public Perceptron() {
        this(Params.defaults());
    }

    public Perceptron(Params params) {
        this.params = Objects.requireNonNull(params, "params");
    }

    public Params params() {
        return params;
    }

    @Override
    public PerceptronModel fit(Frame features, Column target) {
        Matrix x = NumericInput.features(features, NAME);
        ClassTarget y = ClassTarget.of(target, x.rows(), NAME);
        int n = x.rows();
        int p = x.cols();
        double[] data = x.toRowMajorArray();
        Rng rng = Rng.seeded(params.seed());
        StochasticGradientDescent.Settings settings = params.settings();
        OneVsRest.Fit fit = OneVsRest.fit(y.codes(), y.classCount(), p, (k, signs) -> {
            StochasticGradientDescent.Fit f = StochasticGradientDescent.run(NAME, settings, PERCEPTRON_LOSS, data, n, p,
                    signs, rng.stream(k));
            return new OneVsRest.Part(f.coefficients(), f.intercept(), f.epochs());
        });
        return new PerceptronModel(params, features.schema(), y.classes(), fit.coefficients(), fit.intercepts(),
                fit.iterations());
    }
}
