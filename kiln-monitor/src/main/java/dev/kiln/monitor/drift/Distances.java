package dev.kiln.monitor.drift;

import java.util.Arrays;

/**
 * Distances between two distributions, as Evidently computes them: the population stability
 * index and the Jensen–Shannon and Hellinger distances on binned shares, and the first
 * Wasserstein distance between two samples or two histograms. The {@code …Terms} methods split a
 * distance into one term per bin, to say which bins moved most.
 */
public final class Distances {
    private Distances() {
    }

    /** PSI = Σ (r − c)·ln(r / c) over bins whose shares have no zeros (see {@link #fillEmptyBins}). */
    public static double populationStabilityIndex(double[] reference, double[] current) {
        double psi = 0;
        for (double term : populationStabilityIndexTerms(reference, current)) {
            psi += term;
        }
        return psi;
    }

    /** Each bin's term (r − c)·ln(r / c) of {@link #populationStabilityIndex}, empty bins filled: all ≥ 0. */
    public static double[] populationStabilityIndexTerms(double[] reference, double[] current) {
        double[] r = fillEmptyBins(reference);
        double[] c = fillEmptyBins(current);
        double[] terms = new double[r.length];
        for (int i = 0; i < r.length; i++) {
            terms[i] = (r[i] - c[i]) * Math.log(r[i] / c[i]);
        }
        return terms;
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
        double js = 0;
        for (double term : jensenShannonTerms(p, q)) {
            js += term;
        }
        return Math.sqrt(Math.max(0, js / 2 / Math.log(2)));
    }

    /**
     * Each bin's share a·ln(a/m) + b·ln(b/m) of the Jensen–Shannon divergence in nats, doubled
     * (a, b the scaled shares, m their mean): {@link #jensenShannon} is √(Σ terms / (2 ln 2)).
     */
    public static double[] jensenShannonTerms(double[] p, double[] q) {
        double sp = Arrays.stream(p).sum();
        double sq = Arrays.stream(q).sum();
        double[] terms = new double[p.length];
        for (int i = 0; i < p.length; i++) {
            double a = p[i] / sp;
            double b = q[i] / sq;
            double m = (a + b) / 2;
            terms[i] = (a > 0 ? a * Math.log(a / m) : 0) + (b > 0 ? b * Math.log(b / m) : 0);
        }
        return terms;
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
     * Each bin's term (√p − √q)² / 2: for shares that each sum to 1 the terms sum to 1 − BC, so
     * {@link #hellinger} is √(Σ terms).
     */
    public static double[] hellingerTerms(double[] p, double[] q) {
        double[] terms = new double[p.length];
        for (int i = 0; i < p.length; i++) {
            double d = Math.sqrt(p[i]) - Math.sqrt(q[i]);
            terms[i] = d * d / 2;
        }
        return terms;
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

    /**
     * The first Wasserstein distance ∫ |F_p(x) − F_q(x)| dx between two distributions given as
     * shares of the same bins, each spread uniformly over its bin (so both CDFs are linear within
     * a bin): the histogram form of {@link #wasserstein}. Shares are scaled to sum to 1.
     *
     * @param edges bins + 1 increasing edges
     */
    public static double wassersteinBinned(double[] edges, double[] p, double[] q) {
        double total = 0;
        for (double term : wassersteinBinnedTerms(edges, p, q)) {
            total += term;
        }
        return total;
    }

    /** Each bin's part ∫ over the bin of |F_p − F_q| of {@link #wassersteinBinned}. */
    public static double[] wassersteinBinnedTerms(double[] edges, double[] p, double[] q) {
        if (edges.length != p.length + 1 || p.length != q.length) {
            throw new IllegalArgumentException(edges.length + " edges for " + p.length + " and " + q.length + " shares");
        }
        double sp = Arrays.stream(p).sum();
        double sq = Arrays.stream(q).sum();
        double[] terms = new double[p.length];
        double left = 0;
        for (int i = 0; i < p.length; i++) {
            double right = left + p[i] / sp - q[i] / sq;
            double width = edges[i + 1] - edges[i];
            double a = Math.abs(left);
            double b = Math.abs(right);
            // ∫ |linear from left to right|: a trapezoid, or two triangles when it crosses zero.
            terms[i] = left * right >= 0 ? width * (a + b) / 2 : width * (a * a + b * b) / (2 * (a + b));
            left = right;
        }
        return terms;
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
