package dev.kiln.core.metrics;

import java.util.Arrays;

/**
 * Regression scores with scikit-learn's semantics. Every method takes aligned, non-empty,
 * finite {@code yTrue} and {@code yPred}; anything else is an {@link IllegalArgumentException}.
 */
public final class RegressionMetrics {
    /** The floor on |yTrue| in MAPE's denominator: scikit-learn's {@code np.finfo(np.float64).eps}. */
    public static final double MAPE_EPSILON = Math.ulp(1.0);

    private RegressionMetrics() {
    }

    /** Mean absolute error. */
    public static double mae(double[] yTrue, double[] yPred) {
        return mean(absoluteErrors(yTrue, yPred));
    }

    /** Mean squared error. */
    public static double mse(double[] yTrue, double[] yPred) {
        return sumSquaredErrors(yTrue, yPred) / yTrue.length;
    }

    /** Root mean squared error. */
    public static double rmse(double[] yTrue, double[] yPred) {
        return Math.sqrt(mse(yTrue, yPred));
    }

    /**
     * Coefficient of determination, 1 − SS_res / SS_tot. When {@code yTrue} is constant it is
     * 1 for perfect predictions and 0 otherwise (scikit-learn's {@code force_finite=True}).
     *
     * @throws IllegalArgumentException with fewer than two samples, where R² is undefined
     */
    public static double r2(double[] yTrue, double[] yPred) {
        double residual = sumSquaredErrors(yTrue, yPred);
        if (yTrue.length < 2) {
            throw new IllegalArgumentException("R^2 needs at least two samples, got 1");
        }
        return finiteRatioScore(residual, sumSquaredDeviations(yTrue));
    }

    /**
     * Explained variance, 1 − Var(yTrue − yPred) / Var(yTrue); for constant {@code yTrue}, 1
     * when the residuals are constant and 0 otherwise, like {@link #r2}.
     */
    public static double explainedVariance(double[] yTrue, double[] yPred) {
        Checks.pairedValues(yTrue, yPred);
        double[] residuals = new double[yTrue.length];
        Arrays.setAll(residuals, i -> yTrue[i] - yPred[i]);
        return finiteRatioScore(sumSquaredDeviations(residuals), sumSquaredDeviations(yTrue));
    }

    /** The largest absolute error. */
    public static double maxError(double[] yTrue, double[] yPred) {
        return Arrays.stream(absoluteErrors(yTrue, yPred)).max().orElseThrow();
    }

    /** The median absolute error; for an even count, the mean of the two middle errors. */
    public static double medianAbsoluteError(double[] yTrue, double[] yPred) {
        double[] errors = absoluteErrors(yTrue, yPred);
        Arrays.sort(errors);
        int mid = errors.length / 2;
        return errors.length % 2 == 1 ? errors[mid] : (errors[mid - 1] + errors[mid]) / 2;
    }

    /**
     * Mean absolute percentage error as a fraction (0.25 means 25%): the mean of
     * |yTrue − yPred| / max(|yTrue|, {@link #MAPE_EPSILON}), so a zero target gives a huge
     * term rather than infinity, as in scikit-learn.
     */
    public static double meanAbsolutePercentageError(double[] yTrue, double[] yPred) {
        double[] errors = absoluteErrors(yTrue, yPred);
        for (int i = 0; i < errors.length; i++) {
            errors[i] /= Math.max(Math.abs(yTrue[i]), MAPE_EPSILON);
        }
        return mean(errors);
    }

    private static double[] absoluteErrors(double[] yTrue, double[] yPred) {
        Checks.pairedValues(yTrue, yPred);
        double[] errors = new double[yTrue.length];
        Arrays.setAll(errors, i -> Math.abs(yTrue[i] - yPred[i]));
        return errors;
    }

    private static double sumSquaredErrors(double[] yTrue, double[] yPred) {
        Checks.pairedValues(yTrue, yPred);
        double sum = 0;
        for (int i = 0; i < yTrue.length; i++) {
            double d = yTrue[i] - yPred[i];
            sum += d * d;
        }
        return sum;
    }

    private static double mean(double[] x) {
        double sum = 0;
        for (double v : x) {
            sum += v;
        }
        return sum / x.length;
    }

    /**
     * Σ (x − mean)², exactly 0 when all x are equal: computing the mean of, say, three 0.1s
     * rounds, and the resulting tiny nonzero sum would turn a constant target's score into
     * −5e31 instead of scikit-learn's intended 0.
     */
    private static double sumSquaredDeviations(double[] x) {
        if (Arrays.stream(x).allMatch(v -> v == x[0])) {
            return 0;
        }
        double mean = mean(x);
        double sum = 0;
        for (double v : x) {
            sum += (v - mean) * (v - mean);
        }
        return sum;
    }

    /** 1 − numerator / denominator, with scikit-learn's force_finite rules for zero terms. */
    private static double finiteRatioScore(double numerator, double denominator) {
        if (numerator == 0) {
            return 1;
        }
        if (denominator == 0) {
            return 0;
        }
        return 1 - numerator / denominator;
    }
}
