package dev.kiln.monitor.experiment;

/**
 * The mixture sequential probability ratio test (mSPRT) of Johari, Koomen, Pekelis and Walsh
 * ("Peeking at A/B tests", KDD 2017; "Always valid inference", Operations Research 2022): the
 * difference estimate θ̂ with variance V is compared against a N(0, τ²) mixture of
 * alternatives, Λ = √(V/(V+τ²)) · exp(τ²θ̂² / (2V(V+τ²))). Its always-valid p-value
 * min over looks of 1/Λ and its confidence sequence stay valid however often the experiment
 * is checked, unlike a fixed-horizon z-test that is peeked at. Uses the normal approximation
 * of the difference, so it needs enough units per arm for that to hold (a few hundred).
 *
 * @param mixingVariance τ², the spread of effects the test is tuned to detect; the square of
 *                       the minimum detectable effect is a good choice
 */
public record MixtureSprt(double mixingVariance) {

    public MixtureSprt {
        if (!(mixingVariance > 0) || Double.isInfinite(mixingVariance)) {
            throw new IllegalArgumentException("mixingVariance must be positive and finite, got " + mixingVariance);
        }
    }

    /** A test tuned to detect differences of about {@code minimumDetectableEffect} (absolute). */
    public static MixtureSprt forEffect(double minimumDetectableEffect) {
        return new MixtureSprt(minimumDetectableEffect * minimumDetectableEffect);
    }

    /** The mixture likelihood ratio Λ for a difference estimate with the given variance. */
    public double likelihoodRatio(double difference, double differenceVariance) {
        double v = differenceVariance;
        double t = mixingVariance;
        return Math.sqrt(v / (v + t)) * Math.exp(t * difference * difference / (2 * v * (v + t)));
    }

    /**
     * The comparison at one look of a conversion-rate experiment. {@code previousPValue} is the
     * always-valid p-value of the previous look (1 at the first): the p-value never rises.
     */
    public Comparison compare(Proportion control, Proportion treatment, double confidence, double previousPValue) {
        double variance = control.unitVariance() / control.trials() + treatment.unitVariance() / treatment.trials();
        return compare(control.rate(), treatment.rate(), variance, control.trials(), treatment.trials(),
                confidence, previousPValue);
    }

    /** The comparison at one look of a mean-metric experiment; see {@link #compare(Proportion, Proportion, double, double)}. */
    public Comparison compare(Moments control, Moments treatment, double confidence, double previousPValue) {
        double variance = control.meanVariance() + treatment.meanVariance();
        return compare(control.mean(), treatment.mean(), variance, control.count(), treatment.count(),
                confidence, previousPValue);
    }

    private Comparison compare(double controlValue, double treatmentValue, double variance, long n1, long n2,
                               double confidence, double previousPValue) {
        Comparison.checkConfidence(confidence);
        if (!(previousPValue >= 0 && previousPValue <= 1)) {
            throw new IllegalArgumentException("previousPValue must be in [0, 1], got " + previousPValue);
        }
        if (n1 < 2 || n2 < 2) {
            throw new IllegalArgumentException("both arms need at least two units, got " + n1 + " and " + n2);
        }
        double difference = treatmentValue - controlValue;
        if (!(variance > 0)) {
            return new Comparison("msprt", controlValue, treatmentValue, difference, difference, confidence,
                    1, previousPValue);
        }
        double lambda = likelihoodRatio(difference, variance);
        double p = Math.min(previousPValue, Math.min(1, 1 / lambda));
        double half = halfWidth(variance, 1 - confidence);
        return new Comparison("msprt", controlValue, treatmentValue, difference - half, difference + half,
                confidence, lambda, p);
    }

    /**
     * The half-width of the always-valid (1 − α) confidence sequence: the set of θ with
     * Λ(θ̂ − θ) < 1/α, i.e. |θ̂ − θ| < √(2V(V+τ²)/τ² · (ln(1/α) + ½ ln((V+τ²)/V))).
     */
    double halfWidth(double variance, double alpha) {
        double v = variance;
        double t = mixingVariance;
        return Math.sqrt(2 * v * (v + t) / t * (Math.log(1 / alpha) + 0.5 * Math.log((v + t) / v)));
    }
}
