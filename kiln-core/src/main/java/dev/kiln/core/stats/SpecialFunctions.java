package dev.kiln.core.stats;

/**
 * The special functions behind the distributions of test statistics and behind entropy
 * estimators: log-gamma, digamma, and the regularised incomplete beta and gamma functions.
 * Accurate to about 1e-14 relative over the ranges statistics need.
 */
public final class SpecialFunctions {
    private static final double EPS = 1e-16;
    private static final double TINY = 1e-300;
    private static final int MAX_ITERATIONS = 100_000;
    private static final double[] LANCZOS = {
        0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313,
        -176.61502916214059, 12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6,
        1.5056327351493116e-7};
    private static final double HALF_LOG_TWO_PI = 0.5 * Math.log(2 * Math.PI);

    private SpecialFunctions() {
    }

    /** ln Γ(x) for x > 0, by the Lanczos approximation (g = 7) with Stirling's series for large x. */
    public static double logGamma(double x) {
        if (!(x > 0)) {
            return Double.NaN;
        }
        if (x >= 20) {
            double inv = 1 / x;
            double inv2 = inv * inv;
            double series = inv * (1.0 / 12 - inv2 * (1.0 / 360 - inv2 * (1.0 / 1260 - inv2 * (1.0 / 1680))));
            return (x - 0.5) * Math.log(x) - x + HALF_LOG_TWO_PI + series;
        }
        if (x < 0.5) {
            return Math.log(Math.PI / Math.abs(Math.sin(Math.PI * x))) - logGamma(1 - x);
        }
        double z = x - 1;
        double a = LANCZOS[0];
        double t = z + 7.5;
        for (int i = 1; i < LANCZOS.length; i++) {
            a += LANCZOS[i] / (z + i);
        }
        return HALF_LOG_TWO_PI + (z + 0.5) * Math.log(t) - t + Math.log(a);
    }

    /** ψ(x), the derivative of ln Γ, for x > 0: recurrence up to x ≥ 12, then the asymptotic series. */
    public static double digamma(double x) {
        if (!(x > 0)) {
            return Double.NaN;
        }
        double shift = 0;
        while (x < 12) {
            shift -= 1 / x;
            x += 1;
        }
        double inv = 1 / x;
        double inv2 = inv * inv;
        double series = inv2 * (1.0 / 12 - inv2 * (1.0 / 120 - inv2 * (1.0 / 252 - inv2 * (1.0 / 240 - inv2 * (1.0 / 132)))));
        return shift + Math.log(x) - 0.5 * inv - series;
    }

    /** The regularised incomplete beta function I_x(a, b), by Lentz's continued fraction (Numerical Recipes §6.4). */
    public static double regularizedBeta(double x, double a, double b) {
        return regularizedBeta(x, 1 - x, a, b);
    }

    /** I_x(a, b) given x and 1 − x, each computed directly so that neither loses digits to cancellation. */
    static double regularizedBeta(double x, double complement, double a, double b) {
        if (Double.isNaN(x) || !(a > 0) || !(b > 0)) {
            return Double.NaN;
        }
        if (x <= 0) {
            return 0;
        }
        if (complement <= 0) {
            return 1;
        }
        if (x > (a + 1) / (a + b + 2)) {
            return 1 - regularizedBeta(complement, x, b, a);
        }
        double logFront = a * Math.log(x) + b * Math.log(complement) - logBeta(a, b);
        return Math.exp(logFront) * betaFraction(x, a, b) / a;
    }

    /** ln B(a, b). */
    public static double logBeta(double a, double b) {
        return logGamma(a) + logGamma(b) - logGamma(a + b);
    }

    private static double betaFraction(double x, double a, double b) {
        double qab = a + b;
        double qap = a + 1;
        double qam = a - 1;
        double c = 1;
        double d = 1 - qab * x / qap;
        d = Math.abs(d) < TINY ? TINY : d;
        d = 1 / d;
        double h = d;
        for (int m = 1; m <= MAX_ITERATIONS; m++) {
            int m2 = 2 * m;
            double aa = m * (b - m) * x / ((qam + m2) * (a + m2));
            d = 1 + aa * d;
            d = Math.abs(d) < TINY ? TINY : d;
            c = 1 + aa / c;
            c = Math.abs(c) < TINY ? TINY : c;
            d = 1 / d;
            h *= d * c;
            aa = -(a + m) * (qab + m) * x / ((a + m2) * (qap + m2));
            d = 1 + aa * d;
            d = Math.abs(d) < TINY ? TINY : d;
            c = 1 + aa / c;
            c = Math.abs(c) < TINY ? TINY : c;
            d = 1 / d;
            double delta = d * c;
            h *= delta;
            if (Math.abs(delta - 1) < EPS) {
                return h;
            }
        }
        throw new ArithmeticException("incomplete beta did not converge for x=" + x + ", a=" + a + ", b=" + b);
    }

    /** The regularised upper incomplete gamma function Q(a, x) = Γ(a, x) / Γ(a) (Numerical Recipes §6.2). */
    public static double regularizedGammaQ(double a, double x) {
        if (Double.isNaN(x) || !(a > 0)) {
            return Double.NaN;
        }
        if (x <= 0) {
            return 1;
        }
        if (Double.isInfinite(x)) {
            return 0;
        }
        return x < a + 1 ? 1 - gammaSeries(a, x) : gammaFraction(a, x);
    }

    private static double gammaSeries(double a, double x) {
        double ap = a;
        double sum = 1 / a;
        double del = sum;
        for (int n = 1; n <= MAX_ITERATIONS; n++) {
            ap += 1;
            del *= x / ap;
            sum += del;
            if (Math.abs(del) < Math.abs(sum) * EPS) {
                return sum * Math.exp(-x + a * Math.log(x) - logGamma(a));
            }
        }
        throw new ArithmeticException("incomplete gamma series did not converge for a=" + a + ", x=" + x);
    }

    private static double gammaFraction(double a, double x) {
        double b = x + 1 - a;
        double c = 1 / TINY;
        double d = 1 / b;
        double h = d;
        for (int i = 1; i <= MAX_ITERATIONS; i++) {
            double an = -i * (i - a);
            b += 2;
            d = an * d + b;
            d = Math.abs(d) < TINY ? TINY : d;
            c = b + an / c;
            c = Math.abs(c) < TINY ? TINY : c;
            d = 1 / d;
            double delta = d * c;
            h *= delta;
            if (Math.abs(delta - 1) < EPS) {
                return Math.exp(-x + a * Math.log(x) - logGamma(a)) * h;
            }
        }
        throw new ArithmeticException("incomplete gamma fraction did not converge for a=" + a + ", x=" + x);
    }
}
