package dev.kiln.monitor.experiment;

import dev.kiln.core.stats.Distributions;

/**
 * The sample-ratio-mismatch check: a chi-squared goodness-of-fit test of the units each arm
 * received against the configured weights. A mismatch means assignment or logging is broken
 * and the experiment's results cannot be trusted (Fabijan et al., "Diagnosing sample ratio
 * mismatch in online controlled experiments", KDD 2019). Flagged at p below {@code alpha},
 * 0.001 by default as the paper recommends.
 *
 * @param statistic the chi-squared statistic Σ (observed − expected)² / expected
 * @param pValue    its upper tail with (arms − 1) degrees of freedom
 * @param alpha     the level below which a mismatch is flagged
 */
public record SampleRatioCheck(double statistic, double pValue, double alpha) {
    public static final double DEFAULT_ALPHA = 0.001;

    /** Tests {@code observed} units per arm against {@code weights} (any positive scale). */
    public static SampleRatioCheck of(long[] observed, double[] weights, double alpha) {
        if (observed.length != weights.length || observed.length < 2) {
            throw new IllegalArgumentException("need the same number (>= 2) of counts and weights, got "
                    + observed.length + " and " + weights.length);
        }
        long total = 0;
        double weightSum = 0;
        for (int i = 0; i < observed.length; i++) {
            if (observed[i] < 0 || !(weights[i] > 0)) {
                throw new IllegalArgumentException("arm " + i + ": counts must be >= 0 and weights > 0, got "
                        + observed[i] + " and " + weights[i]);
            }
            total += observed[i];
            weightSum += weights[i];
        }
        if (total == 0) {
            return new SampleRatioCheck(0, 1, alpha);
        }
        double statistic = 0;
        for (int i = 0; i < observed.length; i++) {
            double expected = total * weights[i] / weightSum;
            double gap = observed[i] - expected;
            statistic += gap * gap / expected;
        }
        return new SampleRatioCheck(statistic, Distributions.chiSquaredSurvival(statistic, observed.length - 1), alpha);
    }

    public static SampleRatioCheck of(long[] observed, double[] weights) {
        return of(observed, weights, DEFAULT_ALPHA);
    }

    /** Whether the observed split is implausible under the configured weights. */
    public boolean mismatch() {
        return pValue < alpha;
    }
}
