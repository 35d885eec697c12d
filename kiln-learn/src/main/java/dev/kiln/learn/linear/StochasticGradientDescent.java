package dev.kiln.learn.linear;

import dev.kiln.core.linalg.Blas;
import dev.kiln.core.random.Rng;

/**
 * Plain stochastic gradient descent for linear models, one sample at a time, as scikit-learn's
 * {@code _plain_sgd}: the L2 penalty as multiplicative weight decay on a scaled weight vector
 * (Shalev-Shwartz et al., "Pegasos", 2007), the L1 penalty by the cumulative truncated gradient of
 * Tsuruoka, Tsujii and Ananiadou (2009, "Stochastic Gradient Descent Training for L1-regularized
 * Log-linear Models with Cumulative Penalty"), and training stopped when the epoch's summed loss
 * has not improved by tol·n for nIterNoChange epochs in a row.
 */
final class StochasticGradientDescent {
    private static final double MAX_DERIVATIVE = 1e12;
    private static final double MIN_SCALE = 1e-9;
    private static final double MIN_ADAPTIVE_ETA = 1e-6;

    private StochasticGradientDescent() {
    }

    /** A loss on one prediction p of target y, with its derivative in p. */
    interface PointLoss {
        double loss(double p, double y);

        double derivative(double p, double y);
    }

    /** The optimisation settings shared by the SGD-trained models. */
    record Settings(Penalty penalty, double alpha, double l1Ratio, LearningRate learningRate, double eta0,
                    double powerT, int maxIter, double tol, int nIterNoChange, boolean shuffle, boolean fitIntercept) {
    }

    /**
     * A trained weight vector.
     *
     * @param epochs the passes over the data made
     */
    record Fit(double[] coefficients, double intercept, int epochs) {
    }

    /**
     * Trains on the row-major n × p features x against y, shuffling with {@code rng}.
     *
     * @throws IllegalArgumentException when the weights overflow, naming {@code who}
     */
    static Fit run(String who, Settings s, PointLoss loss, double[] x, int n, int p, double[] y, Rng rng) {
        double l1Ratio = switch (s.penalty()) {
            case L2 -> 0.0;
            case L1 -> 1.0;
            default -> s.l1Ratio();
        };
        boolean decay = s.penalty() == Penalty.L2 || s.penalty() == Penalty.ELASTICNET;
        boolean truncate = s.penalty() == Penalty.L1 || s.penalty() == Penalty.ELASTICNET;
        double[] w = new double[p];
        double scale = 1.0;
        double intercept = 0;
        double[] q = truncate ? new double[p] : null;
        double cumulative = 0;
        double optimalInit = s.learningRate() == LearningRate.OPTIMAL ? optimalInit(s.alpha(), loss) : 0;
        double eta = s.eta0();
        double t = 1.0;
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        double bestLoss = Double.POSITIVE_INFINITY;
        int noImprovement = 0;
        int epochs = 0;
        while (epochs < s.maxIter()) {
            if (s.shuffle()) {
                rng.shuffle(order);
            }
            double sumLoss = 0;
            for (int i : order) {
                int row = i * p;
                double prediction = scale * Blas.dot(p, w, 0, x, row) + intercept;
                if (s.learningRate() == LearningRate.OPTIMAL) {
                    eta = 1.0 / (s.alpha() * (optimalInit + t - 1));
                } else if (s.learningRate() == LearningRate.INVSCALING) {
                    eta = s.eta0() / Math.pow(t, s.powerT());
                }
                sumLoss += loss.loss(prediction, y[i]);
                double dloss = Math.max(-MAX_DERIVATIVE, Math.min(MAX_DERIVATIVE, loss.derivative(prediction, y[i])));
                double update = -eta * dloss;
                if (decay) {
                    scale *= Math.max(0, 1.0 - (1.0 - l1Ratio) * eta * s.alpha());
                    if (scale < MIN_SCALE) {
                        rescale(w, scale);
                        scale = 1.0;
                    }
                }
                if (update != 0) {
                    Blas.axpy(p, update / scale, x, row, w, 0);
                    if (s.fitIntercept()) {
                        intercept += update;
                    }
                }
                if (truncate) {
                    cumulative += l1Ratio * eta * s.alpha();
                    truncateTowardsZero(w, scale, q, cumulative);
                }
                t += 1;
            }
            epochs++;
            if (!Double.isFinite(intercept) || !Double.isFinite(scale * Blas.dot(p, w, 0, w, 0))) {
                throw new IllegalArgumentException(who + ": the weights overflowed in epoch " + epochs
                        + "; standardise the features or lower eta0");
            }
            if (sumLoss > bestLoss - s.tol() * n) {
                noImprovement++;
            } else {
                noImprovement = 0;
            }
            bestLoss = Math.min(bestLoss, sumLoss);
            if (noImprovement >= s.nIterNoChange()) {
                if (s.learningRate() == LearningRate.ADAPTIVE && eta > MIN_ADAPTIVE_ETA) {
                    eta /= 5;
                    noImprovement = 0;
                } else {
                    break;
                }
            }
        }
        rescale(w, scale);
        return new Fit(w, intercept, epochs);
    }

    /** Bottou's t₀ for the optimal schedule: the step that moves a typical weight 1/√(√α) by about itself. */
    private static double optimalInit(double alpha, PointLoss loss) {
        double typicalWeight = Math.sqrt(1.0 / Math.sqrt(alpha));
        double initialEta = typicalWeight / Math.max(1.0, loss.derivative(-typicalWeight, 1.0));
        return 1.0 / (initialEta * alpha);
    }

    private static void rescale(double[] w, double scale) {
        if (scale != 1.0) {
            for (int j = 0; j < w.length; j++) {
                w[j] *= scale;
            }
        }
    }

    /**
     * Applies the L1 penalty accumulated so far: each weight moves towards zero by what it has
     * not yet received of {@code cumulative}, without crossing zero; q records what it received.
     */
    private static void truncateTowardsZero(double[] w, double scale, double[] q, double cumulative) {
        for (int j = 0; j < w.length; j++) {
            double z = w[j];
            if (scale * z > 0) {
                w[j] = Math.max(0, z - (cumulative + q[j]) / scale);
            } else if (scale * z < 0) {
                w[j] = Math.min(0, z + (cumulative - q[j]) / scale);
            }
            q[j] += scale * (w[j] - z);
        }
    }
}
