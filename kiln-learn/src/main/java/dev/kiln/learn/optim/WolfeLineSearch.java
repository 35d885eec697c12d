package dev.kiln.learn.optim;

import dev.kiln.core.linalg.Blas;

/**
 * A line search for a step satisfying the strong Wolfe conditions: bracketing then zoom,
 * Nocedal and Wright, Numerical Optimization, 2nd ed., Algorithms 3.5 and 3.6, with
 * safeguarded cubic interpolation (their eq. 3.59) and More–Thuente's extrapolation interval
 * [a + 1.1(a − a_prev), a + 4(a − a_prev)] while bracketing. Not thread-safe: one instance
 * serves one minimisation.
 */
final class WolfeLineSearch {
    /** Interpolated steps stay this fraction of the bracket away from its ends. */
    private static final double SAFEGUARD = 0.1;

    private final DifferentiableFunction f;
    private final double c1;
    private final double c2;
    private final int maxEvaluations;
    private final double[] xLow;
    private final double[] gLow;

    private double[] x;
    private double[] d;
    private double[] xTrial;
    private double[] gTrial;
    private double f0;
    private double slope0;
    private int evaluations;
    private double aLow;
    private double fLow;

    /**
     * @param c1 the sufficient-decrease constant, in (0, c2)
     * @param c2 the curvature constant, in (c1, 1)
     */
    WolfeLineSearch(DifferentiableFunction f, int dimension, double c1, double c2, int maxEvaluations) {
        this.f = f;
        this.c1 = c1;
        this.c2 = c2;
        this.maxEvaluations = maxEvaluations;
        this.xLow = new double[dimension];
        this.gLow = new double[dimension];
    }

    /**
     * What a search found.
     *
     * @param status      whether the step satisfies both Wolfe conditions, only sufficient decrease
     *                    (the search ran out of evaluations), or neither (no step was found)
     * @param step        the step taken, 0 when none
     * @param value       f at the new point
     * @param evaluations how many times f was evaluated
     */
    record Outcome(Status status, double step, double value, int evaluations) {
    }

    enum Status { WOLFE, DECREASE_ONLY, FAILED }

    /**
     * Searches along {@code direction} from {@code start}, where f is {@code value} and the
     * directional derivative is {@code slope} (negative). On success the new point and its
     * gradient are left in {@code xOut} and {@code gOut}.
     */
    Outcome search(double[] start, double value, double slope, double[] direction, double initialStep,
                   double[] xOut, double[] gOut) {
        this.x = start;
        this.d = direction;
        this.xTrial = xOut;
        this.gTrial = gOut;
        this.f0 = value;
        this.slope0 = slope;
        this.evaluations = 0;
        this.aLow = 0;
        this.fLow = value;
        double aPrev = 0;
        double fPrev = value;
        double sPrev = slope;
        double a = initialStep;
        while (evaluations < maxEvaluations) {
            double fa = evaluate(a);
            double sa = Blas.dot(d.length, gTrial, 0, d, 0);
            if (!sufficientDecrease(a, fa) || (evaluations > 1 && fa >= fPrev)) {
                return zoom(aPrev, fPrev, sPrev, a, fa, sa);
            }
            if (Math.abs(sa) <= -c2 * slope0) {
                return new Outcome(Status.WOLFE, a, fa, evaluations);
            }
            keepAsLow(a, fa);
            if (sa >= 0) {
                return zoom(a, fa, sa, aPrev, fPrev, sPrev);
            }
            double next = extrapolate(aPrev, fPrev, sPrev, a, fa, sa);
            aPrev = a;
            fPrev = fa;
            sPrev = sa;
            a = next;
        }
        return fallback();
    }

    /** Algorithm 3.6: shrinks [lo, hi], which contains a Wolfe step, until a trial satisfies both conditions. */
    private Outcome zoom(double lo, double fLo, double sLo, double hi, double fHi, double sHi) {
        while (evaluations < maxEvaluations) {
            double width = Math.abs(hi - lo);
            if (width <= Math.ulp(Math.max(Math.abs(lo), Math.abs(hi)))) {
                break;
            }
            double a = interpolate(lo, fLo, sLo, hi, fHi, sHi);
            double fa = evaluate(a);
            double sa = Blas.dot(d.length, gTrial, 0, d, 0);
            if (!sufficientDecrease(a, fa) || fa >= fLo) {
                hi = a;
                fHi = fa;
                sHi = sa;
            } else {
                if (Math.abs(sa) <= -c2 * slope0) {
                    return new Outcome(Status.WOLFE, a, fa, evaluations);
                }
                if (sa * (hi - lo) >= 0) {
                    hi = lo;
                    fHi = fLo;
                    sHi = sLo;
                }
                lo = a;
                fLo = fa;
                sLo = sa;
                keepAsLow(a, fa);
            }
        }
        return fallback();
    }

    /** Out of evaluations: the best point with sufficient decrease, if any step had it. */
    private Outcome fallback() {
        if (aLow > 0) {
            System.arraycopy(xLow, 0, xTrial, 0, xLow.length);
            System.arraycopy(gLow, 0, gTrial, 0, gLow.length);
            return new Outcome(Status.DECREASE_ONLY, aLow, fLow, evaluations);
        }
        return new Outcome(Status.FAILED, 0, f0, evaluations);
    }

    private double evaluate(double a) {
        int n = x.length;
        System.arraycopy(x, 0, xTrial, 0, n);
        Blas.axpy(n, a, d, 0, xTrial, 0);
        evaluations++;
        return f.valueAndGradient(xTrial, gTrial);
    }

    /** The Armijo condition; false for a NaN or infinite value, so the step shrinks. */
    private boolean sufficientDecrease(double a, double fa) {
        return fa <= f0 + c1 * a * slope0 && fa < Double.POSITIVE_INFINITY;
    }

    private void keepAsLow(double a, double fa) {
        aLow = a;
        fLow = fa;
        System.arraycopy(xTrial, 0, xLow, 0, xLow.length);
        System.arraycopy(gTrial, 0, gLow, 0, gLow.length);
    }

    /** A step inside the bracket: the cubic's minimiser when it lies well inside, else the midpoint. */
    static double interpolate(double lo, double fLo, double sLo, double hi, double fHi, double sHi) {
        double min = Math.min(lo, hi);
        double max = Math.max(lo, hi);
        double margin = SAFEGUARD * (max - min);
        double c = cubicMinimiser(lo, fLo, sLo, hi, fHi, sHi);
        if (c >= min + margin && c <= max - margin) {
            return c;
        }
        return 0.5 * (lo + hi);
    }

    /** A longer step after {@code a}: the cubic's minimiser clamped to More–Thuente's interval. */
    static double extrapolate(double aPrev, double fPrev, double sPrev, double a, double fa, double sa) {
        double lower = a + 1.1 * (a - aPrev);
        double upper = a + 4 * (a - aPrev);
        double c = cubicMinimiser(aPrev, fPrev, sPrev, a, fa, sa);
        if (Double.isNaN(c)) {
            return upper;
        }
        return Math.min(upper, Math.max(lower, c));
    }

    /**
     * The minimiser of the cubic through (a0, f0) and (a1, f1) with slopes s0 and s1 (eq. 3.59),
     * or NaN when the cubic has none or the data are not finite.
     */
    static double cubicMinimiser(double a0, double f0, double s0, double a1, double f1, double s1) {
        double d1 = s0 + s1 - 3 * (f0 - f1) / (a0 - a1);
        double discriminant = d1 * d1 - s0 * s1;
        if (!(discriminant >= 0) || !Double.isFinite(discriminant)) {
            return Double.NaN;
        }
        double d2 = Math.copySign(Math.sqrt(discriminant), a1 - a0);
        double denominator = s1 - s0 + 2 * d2;
        if (denominator == 0) {
            return Double.NaN;
        }
        double c = a1 - (a1 - a0) * (s1 + d2 - d1) / denominator;
        return Double.isFinite(c) ? c : Double.NaN;
    }
}
