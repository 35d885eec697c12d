package dev.kiln.monitor.experiment;

import dev.kiln.core.stats.Distributions;

/**
 * Welch's t-test for a difference in means without assuming equal variances (Welch 1947),
 * with the Welch–Satterthwaite degrees of freedom; SciPy's {@code ttest_ind(equal_var=False)}.
 */
public final class WelchTTest {
    private WelchTTest() {
    }

    public static Comparison compare(Moments control, Moments treatment, double confidence) {
        Comparison.checkConfidence(confidence);
        if (control.count() < 2 || treatment.count() < 2) {
            throw new IllegalArgumentException("both arms need at least two observations, got "
                    + control.count() + " and " + treatment.count());
        }
        double v1 = control.meanVariance();
        double v2 = treatment.meanVariance();
        double se2 = v1 + v2;
        double difference = treatment.mean() - control.mean();
        if (se2 == 0) {
            double p = difference == 0 ? 1 : 0;
            return new Comparison("welch_t_test", control.mean(), treatment.mean(), difference, difference,
                    confidence, difference == 0 ? 0 : Math.copySign(Double.POSITIVE_INFINITY, difference), p);
        }
        double df = se2 * se2 / (v1 * v1 / (control.count() - 1) + v2 * v2 / (treatment.count() - 1));
        double se = Math.sqrt(se2);
        double t = difference / se;
        double half = Distributions.studentTQuantile(0.5 + confidence / 2, df) * se;
        return new Comparison("welch_t_test", control.mean(), treatment.mean(), difference - half, difference + half,
                confidence, t, 2 * Distributions.studentTSurvival(Math.abs(t), df));
    }
}
