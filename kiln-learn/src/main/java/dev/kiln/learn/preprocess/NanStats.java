package dev.kiln.learn.preprocess;

import dev.kiln.core.frame.Column;
import java.util.Arrays;

/**
 * Per-column statistics that skip missing values, computed as NumPy's nan-aware functions
 * compute them, so fitted parameters match scikit-learn's.
 */
public final class NanStats {
    private NanStats() {
    }

    /** The column's present values as doubles, in row order. */
    public static double[] present(Column c) {
        double[] all = c.toDoubles();
        int n = 0;
        for (double v : all) {
            if (!Double.isNaN(v)) {
                all[n++] = v;
            }
        }
        return n == all.length ? all : Arrays.copyOf(all, n);
    }

    /** The mean, NaN when there are no values. */
    public static double mean(double[] v) {
        if (v.length == 0) {
            return Double.NaN;
        }
        double s = 0;
        for (double x : v) {
            s += x;
        }
        return s / v.length;
    }

    /**
     * The population variance (divisor n) by the corrected two-pass algorithm scikit-learn's
     * {@code _incremental_mean_and_var} uses; NaN when there are no values.
     */
    public static double variance(double[] v, double mean) {
        if (v.length == 0) {
            return Double.NaN;
        }
        double correction = 0;
        double squares = 0;
        for (double x : v) {
            double d = x - mean;
            correction += d;
            squares += d * d;
        }
        return (squares - correction * correction / v.length) / v.length;
    }

    /**
     * The q-th percentile (0 ≤ q ≤ 100) of sorted values by linear interpolation, NumPy's default
     * method including its two-sided lerp; NaN when there are no values.
     */
    public static double percentile(double[] sorted, double q) {
        int n = sorted.length;
        if (n == 0) {
            return Double.NaN;
        }
        double index = q / 100.0 * (n - 1);
        int lo = (int) Math.floor(index);
        int hi = Math.min(lo + 1, n - 1);
        double t = index - lo;
        double a = sorted[lo];
        double b = sorted[hi];
        double diff = b - a;
        return t >= 0.5 ? b - diff * (1 - t) : a + diff * t;
    }

    /** The median of sorted values: the middle one, or the mean of the two middle ones. */
    public static double median(double[] sorted) {
        int n = sorted.length;
        if (n == 0) {
            return Double.NaN;
        }
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2.0;
    }

    /** The values sorted ascending, in a new array. */
    public static double[] sorted(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s;
    }
}
