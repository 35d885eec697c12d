package dev.kiln.explain.fairness;

import java.util.Arrays;

/**
 * A percentile bootstrap confidence interval (Efron and Tibshirani 1993, ch. 13): the
 * α/2 and 1 − α/2 quantiles of a statistic over bootstrap replicates.
 *
 * @param low  the lower bound, NaN when no replicate gave a value
 * @param high the upper bound
 */
public record Interval(double low, double high) {

    /**
     * The central {@code confidence} interval of {@code replicates}, skipping undefined (NaN)
     * replicates; quantiles interpolate linearly between order statistics, as numpy's default.
     */
    public static Interval percentile(double[] replicates, double confidence) {
        double[] finite = Arrays.stream(replicates).filter(v -> !Double.isNaN(v)).sorted().toArray();
        if (finite.length == 0) {
            return new Interval(Double.NaN, Double.NaN);
        }
        double alpha = 1 - confidence;
        return new Interval(SensitiveFeature.percentile(finite, alpha / 2), SensitiveFeature.percentile(finite, 1 - alpha / 2));
    }

    /** Whether {@code value} lies in [low, high]. */
    public boolean contains(double value) {
        return value >= low && value <= high;
    }

    public double width() {
        return high - low;
    }
}
