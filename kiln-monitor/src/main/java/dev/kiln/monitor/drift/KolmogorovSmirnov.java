package dev.kiln.monitor.drift;

import java.util.Arrays;

/**
 * The two-sample Kolmogorov–Smirnov test: D = sup |F_ref − F_cur| over the two empirical CDFs,
 * with the two-sided p-value computed as SciPy's {@code ks_2samp(method='auto')} does — exactly
 * when both samples have at most 10,000 values (the lattice-path count of Hodges 1957, one
 * normalised row at a time), otherwise from Kolmogorov's limit distribution at √(mn/(m+n))·D.
 */
public final class KolmogorovSmirnov {
    /** Largest sample size for which the exact distribution is computed (SciPy's MAX_AUTO_N). */
    public static final int EXACT_LIMIT = 10_000;

    private KolmogorovSmirnov() {
    }

    /** The statistic D, its two-sided p-value, and whether the p-value is exact. */
    public record Result(double statistic, double pValue, boolean exact) {
    }

    /** Tests two samples of finite values (neither may be empty); the arrays are not changed. */
    public static Result test(double[] reference, double[] current) {
        return test(reference, current, Math.max(reference.length, current.length) <= EXACT_LIMIT);
    }

    /** Tests with the exact or the asymptotic p-value, as asked. */
    public static Result test(double[] reference, double[] current, boolean exact) {
        if (reference.length == 0 || current.length == 0) {
            throw new IllegalArgumentException("the Kolmogorov–Smirnov test needs values in both samples, got "
                    + reference.length + " and " + current.length);
        }
        double[] a = reference.clone();
        double[] b = current.clone();
        Arrays.sort(a);
        Arrays.sort(b);
        return testSorted(a, b, exact);
    }

    /** {@link #test} on samples already sorted (ascending), as the 'auto' rule chooses. */
    static Result testSorted(double[] a, double[] b) {
        return testSorted(a, b, Math.max(a.length, b.length) <= EXACT_LIMIT);
    }

    private static Result testSorted(double[] a, double[] b, boolean exact) {
        long m = a.length;
        long n = b.length;
        long largest = largestGap(a, b);
        double d = (double) largest / (m * n);
        double p = exact ? exactSurvival((int) m, (int) n, largest)
                : KolmogorovDistribution.survival(Math.sqrt((double) m * n / (m + n)) * d);
        return new Result(d, Math.max(0, Math.min(1, p)), exact);
    }

    /** max |i·n − j·m| over the points where both empirical CDFs have taken in every tied value. */
    private static long largestGap(double[] a, double[] b) {
        long m = a.length;
        long n = b.length;
        int i = 0;
        int j = 0;
        long best = 0;
        while (i < a.length || j < b.length) {
            double v = i < a.length && (j >= b.length || a[i] <= b[j]) ? a[i] : b[j];
            while (i < a.length && a[i] == v) {
                i++;
            }
            while (j < b.length && b[j] == v) {
                j++;
            }
            best = Math.max(best, Math.abs(i * n - j * m));
        }
        return best;
    }

    /**
     * P(D ≥ observed) under the null: one minus the share of monotone lattice paths from (0,0) to
     * (m,n) that stay strictly inside |i·n − j·m| &lt; gap. Each cell holds the inside-path count
     * divided by C(i+j, i), which keeps every number in [0, 1].
     */
    static double exactSurvival(int m, int n, long gap) {
        if (gap == 0) {
            return 1;
        }
        double[] row = new double[n + 1];
        row[0] = 1;
        for (int j = 1; j <= n; j++) {
            row[j] = (long) j * m < gap ? row[j - 1] : 0;
        }
        for (int i = 1; i <= m; i++) {
            long in = (long) i * n;
            row[0] = in < gap ? row[0] : 0;
            for (int j = 1; j <= n; j++) {
                if (Math.abs(in - (long) j * m) >= gap) {
                    row[j] = 0;
                } else {
                    double total = i + j;
                    row[j] = (i / total) * row[j] + (j / total) * row[j - 1];
                }
            }
        }
        return 1 - row[n];
    }
}
