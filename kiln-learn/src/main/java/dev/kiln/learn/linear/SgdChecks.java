package dev.kiln.learn.linear;

/** The hyperparameter checks shared by the estimators trained by {@link StochasticGradientDescent}. */
final class SgdChecks {
    private SgdChecks() {
    }

    static void check(double alpha, double l1Ratio, int maxIter, double tol, LearningRate learningRate,
                      double eta0, int nIterNoChange) {
        Checks.nonNegative("alpha", alpha);
        Checks.unitInterval("l1Ratio", l1Ratio);
        Checks.atLeast("maxIter", maxIter, 1);
        if (!(tol >= 0) && tol != Double.NEGATIVE_INFINITY) {
            throw new IllegalArgumentException("tol must be >= 0, or -Infinity to disable the stopping rule, got " + tol);
        }
        if (tol == Double.POSITIVE_INFINITY) {
            throw new IllegalArgumentException("tol must be finite, got " + tol);
        }
        Checks.positive("eta0", eta0);
        Checks.atLeast("nIterNoChange", nIterNoChange, 1);
        if (learningRate == LearningRate.OPTIMAL && alpha == 0) {
            throw new IllegalArgumentException("alpha must be > 0 with the OPTIMAL learning rate, which divides by it");
        }
    }
}
