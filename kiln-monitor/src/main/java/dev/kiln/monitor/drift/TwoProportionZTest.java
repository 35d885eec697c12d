package dev.kiln.monitor.drift;

import dev.kiln.core.stats.Distributions;

/**
 * The pooled two-proportion z-test for a column with two values, as Evidently's {@code z}
 * stattest computes it: p₁, p₂ the shares of the second value (in sorted order) in the reference
 * and current data, p̂ the pooled share, z = (p₁ − p₂) / √(p̂(1 − p̂)(1/n₁ + 1/n₂)), two-sided
 * p = 2(1 − Φ(|z|)); a column holding one value in both sets gives p = 1.
 */
public final class TwoProportionZTest {
    private TwoProportionZTest() {
    }

    public static TestStatistic test(ColumnPair.ValueCounts counts) {
        int k = counts.labels().size();
        if (k > 2) {
            throw new IllegalArgumentException("the z-test compares two proportions; the column holds " + k
                    + " distinct values (use chisquare)");
        }
        if (k < 2) {
            return new TestStatistic(0, 1);
        }
        double n1 = counts.referenceTotal();
        double n2 = counts.currentTotal();
        double p1 = counts.reference()[1] / n1;
        double p2 = counts.current()[1] / n2;
        double pooled = (p1 * n1 + p2 * n2) / (n1 + n2);
        double z = (p1 - p2) / Math.sqrt(pooled * (1 - pooled) * (1 / n1 + 1 / n2));
        return new TestStatistic(z, 2 * Distributions.normalSurvival(Math.abs(z)));
    }
}
