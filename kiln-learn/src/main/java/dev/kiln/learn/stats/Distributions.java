package dev.kiln.learn.stats;

/** Survival functions (upper tail probabilities) of the F and chi-squared distributions, for p-values. */
public final class Distributions {
    private Distributions() {
    }

    /**
     * P(F > f) for the F distribution with {@code d1} and {@code d2} degrees of freedom
     * (SciPy's {@code fdtrc}): I_{d2/(d2 + d1 f)}(d2/2, d1/2). NaN for NaN; 0 for +∞.
     */
    public static double fSurvival(double f, double d1, double d2) {
        if (Double.isNaN(f) || !(d1 > 0) || !(d2 > 0)) {
            return Double.NaN;
        }
        if (f <= 0) {
            return 1;
        }
        if (Double.isInfinite(f)) {
            return 0;
        }
        double denominator = d2 + d1 * f;
        return SpecialFunctions.regularizedBeta(d2 / denominator, d1 * f / denominator, d2 / 2, d1 / 2);
    }

    /** P(X > x) for chi-squared with {@code k} degrees of freedom (SciPy's {@code chdtrc}): Q(k/2, x/2). */
    public static double chiSquaredSurvival(double x, double k) {
        if (Double.isNaN(x) || !(k > 0)) {
            return Double.NaN;
        }
        return SpecialFunctions.regularizedGammaQ(k / 2, x / 2);
    }
}
