package dev.kiln.monitor.drift;

/**
 * Upper-tail probabilities for p-values: the standard normal (through erfc: its Maclaurin series
 * below 1, its Laplace continued fraction above), the chi-squared distribution with whole degrees
 * of freedom (the finite sums of Abramowitz &amp; Stegun 26.4.4–26.4.5), and Kolmogorov's limit
 * distribution of √n·D (Kolmogorov 1933; both theta-function series, each where it converges fast).
 */
public final class TailProbabilities {
    private static final double SQRT_PI = Math.sqrt(Math.PI);

    private TailProbabilities() {
    }

    /** erfc(x) = 1 − erf(x), to about 1e-15 relative. */
    public static double erfc(double x) {
        if (Double.isNaN(x)) {
            return Double.NaN;
        }
        if (x < 0) {
            return 2 - erfc(-x);
        }
        if (x < 1) {
            return 1 - erfSeries(x);
        }
        if (x > 27) {
            return 0;
        }
        return Math.exp(-x * x) / SQRT_PI * laplaceFraction(x);
    }

    /** erf(x) = 2/√π Σ (−1)ⁿ x^(2n+1) / (n! (2n+1)), for |x| below 1. */
    private static double erfSeries(double x) {
        double x2 = x * x;
        double term = x;
        double sum = x;
        for (int n = 1; n < 60; n++) {
            term *= -x2 / n;
            double add = term / (2 * n + 1);
            sum += add;
            if (Math.abs(add) < 1e-17 * Math.abs(sum)) {
                break;
            }
        }
        return 2 / SQRT_PI * sum;
    }

    /** 1/(x + (1/2)/(x + 1/(x + (3/2)/(x + …)))), evaluated by the modified Lentz method. */
    private static double laplaceFraction(double x) {
        double tiny = 1e-300;
        double f = x;
        double c = x;
        double d = 0;
        for (int k = 1; k < 500; k++) {
            double a = k / 2.0;
            d = x + a * d;
            d = Math.abs(d) < tiny ? tiny : d;
            c = x + a / c;
            c = Math.abs(c) < tiny ? tiny : c;
            d = 1 / d;
            double delta = c * d;
            f *= delta;
            if (Math.abs(delta - 1) < 1e-16) {
                break;
            }
        }
        return 1 / f;
    }

    /** P(Z ≥ z) for a standard normal Z. */
    public static double normalSurvival(double z) {
        return 0.5 * erfc(z / Math.sqrt(2));
    }

    /**
     * P(X ≥ x) for X chi-squared with {@code dof} degrees of freedom: for even dof
     * e^(−x/2) Σ_{i&lt;dof/2} (x/2)^i / i!, for odd dof 2·Q(√x) plus 2φ(√x) Σ x^((2i−1)/2) / (1·3·…·(2i−1)).
     */
    public static double chiSquaredSurvival(double x, int dof) {
        if (dof < 1) {
            throw new IllegalArgumentException("degrees of freedom must be at least 1, got " + dof);
        }
        if (Double.isNaN(x)) {
            return Double.NaN;
        }
        if (x <= 0) {
            return 1;
        }
        if (x == Double.POSITIVE_INFINITY) {
            return 0;
        }
        double half = x / 2;
        double sum;
        double logTerm;
        int terms;
        if (dof % 2 == 0) {
            sum = 0;
            logTerm = -half;
            terms = dof / 2;
            for (int i = 0; i < terms; i++) {
                if (i > 0) {
                    logTerm += Math.log(half / i);
                }
                sum += Math.exp(logTerm);
            }
            return Math.min(1, sum);
        }
        double root = Math.sqrt(x);
        sum = erfc(root / Math.sqrt(2));
        logTerm = -half + Math.log(2 * root) - 0.5 * Math.log(2 * Math.PI);
        terms = (dof - 1) / 2;
        for (int i = 1; i <= terms; i++) {
            if (i > 1) {
                logTerm += Math.log(x / (2 * i - 1));
            }
            sum += Math.exp(logTerm);
        }
        return Math.min(1, sum);
    }

    /**
     * P(K ≥ λ) for Kolmogorov's limit distribution: 2 Σ (−1)^(k−1) e^(−2k²λ²) for λ ≥ 1, and
     * 1 − √(2π)/λ Σ e^(−(2k−1)²π²/(8λ²)) below.
     */
    public static double kolmogorovSurvival(double lambda) {
        if (lambda <= 0) {
            return 1;
        }
        if (lambda < 1) {
            double sum = 0;
            double a = -Math.PI * Math.PI / (8 * lambda * lambda);
            for (int k = 1; k < 20; k++) {
                int odd = 2 * k - 1;
                sum += Math.exp(a * odd * odd);
            }
            return 1 - Math.sqrt(2 * Math.PI) / lambda * sum;
        }
        double sum = 0;
        for (int k = 1; k < 100; k++) {
            double term = Math.exp(-2.0 * k * k * lambda * lambda);
            sum += (k % 2 == 1 ? term : -term);
            if (term < 1e-18) {
                break;
            }
        }
        return Math.max(0, Math.min(1, 2 * sum));
    }
}
