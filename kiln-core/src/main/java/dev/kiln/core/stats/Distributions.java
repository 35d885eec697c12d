package dev.kiln.core.stats;

/**
 * Tail probabilities and quantiles of the distributions behind test statistics: normal,
 * Student's t, chi-squared and F, for p-values and confidence intervals.
 */
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

    /** P(Z ≤ z) for the standard normal, through erfc(x) = Q(1/2, x²), accurate in both tails. */
    public static double normalCdf(double z) {
        return normalSurvival(-z);
    }

    /** P(Z > z) for the standard normal (SciPy's {@code norm.sf}). */
    public static double normalSurvival(double z) {
        if (Double.isNaN(z)) {
            return Double.NaN;
        }
        double half = 0.5 * SpecialFunctions.regularizedGammaQ(0.5, z * z / 2);
        return z >= 0 ? half : 1 - half;
    }

    /**
     * The p-quantile of the standard normal, by Wichura's algorithm AS 241 (PPND16, 1988),
     * accurate to about 1e-16 relative; ±∞ at 0 and 1.
     */
    public static double normalQuantile(double p) {
        if (Double.isNaN(p) || p < 0 || p > 1) {
            return Double.NaN;
        }
        if (p == 0) {
            return Double.NEGATIVE_INFINITY;
        }
        if (p == 1) {
            return Double.POSITIVE_INFINITY;
        }
        double q = p - 0.5;
        if (Math.abs(q) <= 0.425) {
            double r = 0.180625 - q * q;
            return q * (((((((2509.0809287301226727 * r + 33430.575583588128105) * r + 67265.770927008700853) * r
                    + 45921.953931549871457) * r + 13731.693765509461125) * r + 1971.5909503065514427) * r
                    + 133.14166789178437745) * r + 3.387132872796366608)
                    / (((((((5226.495278852545925 * r + 28729.085735721942674) * r + 39307.89580009271061) * r
                    + 21213.794301586595867) * r + 5394.1960214247511077) * r + 687.1870074920579083) * r
                    + 42.313330701600911252) * r + 1);
        }
        double r = Math.sqrt(-Math.log(q < 0 ? p : 1 - p));
        double value;
        if (r <= 5) {
            r -= 1.6;
            value = (((((((7.7454501427834140764e-4 * r + 0.0227238449892691845833) * r + 0.24178072517745061177) * r
                    + 1.27045825245236838258) * r + 3.64784832476320460504) * r + 5.7694972214606914055) * r
                    + 4.6303378461565452959) * r + 1.42343711074968357734)
                    / (((((((1.05075007164441684324e-9 * r + 5.475938084995344946e-4) * r + 0.0151986665636164571966) * r
                    + 0.14810397642748007459) * r + 0.68976733498510000455) * r + 1.6763848301838038494) * r
                    + 2.05319162663775882187) * r + 1);
        } else {
            r -= 5;
            value = (((((((2.01033439929228813265e-7 * r + 2.71155556874348757815e-5) * r + 0.0012426609473880784386) * r
                    + 0.026532189526576123093) * r + 0.29656057182850489123) * r + 1.7848265399172913358) * r
                    + 5.4637849111641143699) * r + 6.6579046435011037772)
                    / (((((((2.04426310338993978564e-15 * r + 1.4215117583164458887e-7) * r + 1.8463183175100546818e-5) * r
                    + 7.868691311456132591e-4) * r + 0.0148753612908506148525) * r + 0.13692988092273580531) * r
                    + 0.59983220655588793769) * r + 1);
        }
        return q < 0 ? -value : value;
    }

    /** P(T > t) for Student's t with {@code df} degrees of freedom (SciPy's {@code t.sf}): ½ I_{df/(df+t²)}(df/2, 1/2) for t ≥ 0. */
    public static double studentTSurvival(double t, double df) {
        if (Double.isNaN(t) || !(df > 0)) {
            return Double.NaN;
        }
        if (Double.isInfinite(t)) {
            return t > 0 ? 0 : 1;
        }
        double denominator = df + t * t;
        double half = 0.5 * SpecialFunctions.regularizedBeta(df / denominator, t * t / denominator, df / 2, 0.5);
        return t >= 0 ? half : 1 - half;
    }

    /** The p-quantile of Student's t with {@code df} degrees of freedom, by bisection on the tail to 1e-13 relative. */
    public static double studentTQuantile(double p, double df) {
        if (Double.isNaN(p) || p < 0 || p > 1 || !(df > 0)) {
            return Double.NaN;
        }
        if (p == 0.5) {
            return 0;
        }
        if (p == 0 || p == 1) {
            return p == 0 ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
        }
        double tail = Math.min(p, 1 - p);
        double high = 1;
        while (studentTSurvival(high, df) > tail) {
            high *= 2;
            if (Double.isInfinite(high)) {
                return p < 0.5 ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
            }
        }
        double low = 0;
        for (int i = 0; i < 200 && high - low > 1e-13 * high; i++) {
            double mid = 0.5 * (low + high);
            if (studentTSurvival(mid, df) > tail) {
                low = mid;
            } else {
                high = mid;
            }
        }
        double t = 0.5 * (low + high);
        return p < 0.5 ? -t : t;
    }
}
