package dev.kiln.monitor.experiment;

import dev.kiln.core.stats.Distributions;

/**
 * The two-proportion z-test for a difference in conversion rates: the statistic uses the
 * pooled rate under the null hypothesis, the confidence interval the unpooled (Wald) standard
 * error, as in most A/B testing tools (e.g. Kohavi, Tang and Xu 2020, ch. 17).
 */
public final class TwoProportionZTest {
    private TwoProportionZTest() {
    }

    public static Comparison compare(Proportion control, Proportion treatment, double confidence) {
        Comparison.checkConfidence(confidence);
        if (control.trials() == 0 || treatment.trials() == 0) {
            throw new IllegalArgumentException("both arms need at least one trial, got "
                    + control.trials() + " and " + treatment.trials());
        }
        double p1 = control.rate();
        double p2 = treatment.rate();
        double pooled = (double) (control.successes() + treatment.successes()) / (control.trials() + treatment.trials());
        double nullSe = Math.sqrt(pooled * (1 - pooled) * (1.0 / control.trials() + 1.0 / treatment.trials()));
        double z = nullSe == 0 ? 0 : (p2 - p1) / nullSe;
        double se = Math.sqrt(control.unitVariance() / control.trials() + treatment.unitVariance() / treatment.trials());
        double half = Distributions.normalQuantile(0.5 + confidence / 2) * se;
        return new Comparison("z_test", p1, p2, p2 - p1 - half, p2 - p1 + half, confidence, z,
                2 * Distributions.normalSurvival(Math.abs(z)));
    }
}
