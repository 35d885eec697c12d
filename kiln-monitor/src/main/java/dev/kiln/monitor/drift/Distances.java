package dev.kiln.monitor.drift;

import java.util.Arrays;

/**
 * Distances between two distributions, as Evidently computes them: the population stability
 * index and the Jensen–Shannon and Hellinger distances on binned shares, and the first
 * Wasserstein distance between two samples.
 */
public final class Distances {
    private Distances() {
    }

    /** PSI = Σ (r − c)·ln(r / c) over bins whose shares have no zeros (see {@link #fillEmptyBins}). */
    public static double populationStabilityIndex(double[] reference, double[] current) {
        double[] r = fillEmptyBins(reference);
        double[] c = fillEmptyBins(current);
        double psi = 0;
        for (int i = 0; i < r.length; i++) {
            psi += (r[i] - c[i]) * Math.log(r[i] / c[i]);
        }
        return psi;
    }

    /**
     * Evidently's epsilon for empty bins ({@code feel_zeroes} in {@code get_binned_data}): a share
     * of 0 becomes the smallest non-zero share divided by 10⁶ when that share is at most 10⁻⁴, and
     * 10⁻⁴ otherwise. The shares are not renormalised.
     */
    public static double[] fillEmptyBins(double[] shares) {
        double smallest = Arrays.stream(shares).filter(s -> s > 0).min().orElse(1);
        double epsilon = smallest <= 1e-4 ? smallest / 1e6 : 1e-4;
        return Arrays.stream(shares).map(s -> s == 0 ? epsilon : s).toArray();
    }

    /**
     * The Jensen–Shannon distance with base-2 logarithms, so it lies in [0, 1]: √(½ KL(p‖m) + ½ KL(q‖m))
     * with m = (p + q)/2, after scaling p and q to sum to 1 — SciPy's
     * {@code scipy.spatial.distance.jensenshannon(p, q, base=2)}.
     */
    public static double jensenShannon(double[] p, double[] q) {
        double sp = Arrays.stream(p).sum();
        double sq = Arrays.stream(q).sum();
        double js = 0;
        for (int i = 0; i < p.length; i++) {
            double a = p[i] / sp;
            double b = q[i] / sq;
            double m = (a + b) / 2;
            js += (a > 0 ? a * Math.log(a / m) : 0) + (b > 0 ? b * Math.log(b / m) : 0);
        }
        return Math.sqrt(Math.max(0, js / 2 / Math.log(2)));
    }

    /**
     * The Hellinger distance √(1 − BC) with the Bhattacharyya coefficient BC = Σ √(p·q) clipped to
     * [0, 1]; for densities on bins of equal width w, BC = Σ √(f·g)·w.
     */
    public static double hellinger(double[] p, double[] q) {
        double bc = 0;
        for (int i = 0; i < p.length; i++) {
            bc += Math.sqrt(p[i] * q[i]);
        }
        return Math.sqrt(1 - Math.max(0, Math.min(1, bc)));
    }

    /**
     * The first Wasserstein distance ∫ |F_a(x) − F_b(x)| dx between the empirical distributions of
     * two samples — SciPy's {@code scipy.stats.wasserstein_distance(a, b)}.
     */
    public static double wasserstein(double[] a, double[] b) {
        double[] x = a.clone();
        double[] y = b.clone();
        Arrays.sort(x);
        Arrays.sort(y);
        return wassersteinSorted(x, y);
    }

    /** {@link #wasserstein} of samples already sorted (ascending). */
    static double wassersteinSorted(double[] x, double[] y) {
        int i = 0;
        int j = 0;
        double previous = Math.min(x[0], y[0]);
        double total = 0;
        while (i < x.length || j < y.length) {
            double v = i < x.length && (j >= y.length || x[i] <= y[j]) ? x[i] : y[j];
            total += Math.abs((double) i / x.length - (double) j / y.length) * (v - previous);
            while (i < x.length && x[i] == v) {
                i++;
            }
            while (j < y.length && y[j] == v) {
                j++;
            }
            previous = v;
        }
        return total;
    }

    /** The population standard deviation (NumPy's {@code np.std}, ddof = 0). */
    public static double standardDeviation(double[] values) {
        double mean = Arrays.stream(values).average().orElse(Double.NaN);
        double ss = 0;
        for (double v : values) {
            ss += (v - mean) * (v - mean);
        }
        return Math.sqrt(ss / values.length);
    }
}
