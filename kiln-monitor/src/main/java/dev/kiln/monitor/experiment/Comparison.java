package dev.kiln.monitor.experiment;

/**
 * A treatment arm compared with a control: the estimated difference of their metric with a
 * two-sided confidence interval, and the test of "no difference".
 *
 * @param test       which test produced it: {@code z_test}, {@code welch_t_test} or {@code msprt}
 * @param control    the control arm's metric (conversion rate or mean)
 * @param treatment  the treatment arm's metric
 * @param lower      lower bound of the confidence interval for treatment − control
 * @param upper      upper bound
 * @param confidence the interval's coverage, e.g. 0.95
 * @param statistic  the test statistic (z or t; for mSPRT the mixture likelihood ratio)
 * @param pValue     the two-sided p-value (for mSPRT the always-valid p-value)
 */
public record Comparison(String test, double control, double treatment, double lower, double upper,
                         double confidence, double statistic, double pValue) {

    /** treatment − control. */
    public double difference() {
        return treatment - control;
    }

    /** (treatment − control) / control: the relative lift; NaN when the control is 0. */
    public double relativeLift() {
        return control == 0 ? Double.NaN : difference() / control;
    }

    /** Whether the difference is significant at level {@code 1 − confidence}. */
    public boolean significant() {
        return pValue < 1 - confidence;
    }

    static void checkConfidence(double confidence) {
        if (!(confidence > 0 && confidence < 1)) {
            throw new IllegalArgumentException("confidence must be in (0, 1), got " + confidence);
        }
    }
}
