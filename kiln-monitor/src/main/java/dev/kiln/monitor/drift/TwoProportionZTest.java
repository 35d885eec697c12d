package dev.kiln.monitor.drift;

import dev.kiln.monitor.experiment.Comparison;
import dev.kiln.monitor.experiment.Proportion;

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
        // The A/B test's pooled statistic with the reference as the "treatment": z has the sign of p₁ − p₂.
        Comparison c = dev.kiln.monitor.experiment.TwoProportionZTest.compare(
                new Proportion(counts.currentTotal(), counts.current()[1]),
                new Proportion(counts.referenceTotal(), counts.reference()[1]), 0.95);
        return new TestStatistic(c.statistic(), c.pValue());
    }
}
