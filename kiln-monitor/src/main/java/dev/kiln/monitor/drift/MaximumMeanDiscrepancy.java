package dev.kiln.monitor.drift;

import dev.kiln.core.random.Rng;
import java.util.Arrays;

/**
 * The kernel two-sample test of Gretton et al., "A Kernel Two-Sample Test" (JMLR 2012): the
 * unbiased estimate MMD²ᵤ with the Gaussian kernel k(a, b) = exp(−‖a − b‖² / σ²), σ the median
 * distance between reference and current rows (the median heuristic, as Evidently's {@code mmd()}
 * sets it), and a permutation p-value: the share of random relabellings of the pooled rows whose
 * MMD²ᵤ is at least the observed one, (1 + count) / (1 + permutations). Sets larger than
 * {@code maxRows} are subsampled (seeded) first.
 */
public final class MaximumMeanDiscrepancy {
    private final Settings settings;

    /**
     * @param permutations how many relabellings the p-value counts, at least 1
     * @param maxRows      at most this many rows of each set are used, at least 2
     * @param alpha        drift when the p-value is below this, in (0, 1)
     * @param seed         for the subsample and the permutations
     */
    public record Settings(int permutations, int maxRows, double alpha, long seed) {
        public Settings {
            if (permutations < 1) {
                throw new IllegalArgumentException("permutations must be at least 1, got " + permutations);
            }
            if (maxRows < 2) {
                throw new IllegalArgumentException("maxRows must be at least 2, got " + maxRows);
            }
            if (!(alpha > 0 && alpha < 1)) {
                throw new IllegalArgumentException("alpha must be in (0, 1), got " + alpha);
            }
        }

        /** 200 permutations, up to 1,000 rows a set, α = 0.05. */
        public static Settings defaults(long seed) {
            return new Settings(200, 1000, 0.05, seed);
        }
    }

    /**
     * @param mmd2      the unbiased MMD² estimate (may be slightly negative when the sets agree)
     * @param pValue    the permutation p-value
     * @param bandwidth σ, the kernel's length scale
     * @param drift     whether p &lt; α
     */
    public record Result(double mmd2, double pValue, double bandwidth, boolean drift) {
    }

    public MaximumMeanDiscrepancy(Settings settings) {
        this.settings = settings;
    }

    /** Compares two sets of vectors of one dimension (rows of each array). */
    public Result test(double[][] reference, double[][] current) {
        EmbeddingChecks.require(reference, current);
        Rng rng = Rng.seeded(settings.seed());
        double[][] x = subsample(reference, rng);
        double[][] y = subsample(current, rng);
        int m = x.length;
        int n = y.length;
        if (m < 2 || n < 2) {
            throw new IllegalArgumentException("MMD needs at least 2 rows in each set, got " + m + " and " + n);
        }
        int total = m + n;
        double[][] z = new double[total][];
        System.arraycopy(x, 0, z, 0, m);
        System.arraycopy(y, 0, z, m, n);
        double[] squared = new double[total * total];
        double[] cross = new double[m * n];
        for (int i = 0; i < total; i++) {
            for (int j = i + 1; j < total; j++) {
                double d2 = squaredDistance(z[i], z[j]);
                squared[i * total + j] = d2;
                if (i < m && j >= m) {
                    cross[i * n + (j - m)] = Math.sqrt(d2);
                }
            }
        }
        Arrays.sort(cross);
        double median = cross.length % 2 == 1 ? cross[cross.length / 2]
                : (cross[cross.length / 2 - 1] + cross[cross.length / 2]) / 2;
        double sigma2 = median > 0 ? median * median : 1;
        for (int i = 0; i < total; i++) {
            for (int j = i + 1; j < total; j++) {
                squared[i * total + j] = Math.exp(-squared[i * total + j] / sigma2);
            }
        }
        boolean[] inX = new boolean[total];
        Arrays.fill(inX, 0, m, true);
        double observed = mmd2(squared, total, inX, m, n);
        int atLeast = 0;
        int[] order = new int[total];
        for (int b = 0; b < settings.permutations(); b++) {
            for (int i = 0; i < total; i++) {
                order[i] = i;
            }
            rng.shuffle(order);
            Arrays.fill(inX, false);
            for (int i = 0; i < m; i++) {
                inX[order[i]] = true;
            }
            if (mmd2(squared, total, inX, m, n) >= observed) {
                atLeast++;
            }
        }
        double p = (1.0 + atLeast) / (1.0 + settings.permutations());
        return new Result(observed, p, Math.sqrt(sigma2), p < settings.alpha());
    }

    /** MMD²ᵤ from the kernel values above the diagonal, rows marked {@code inX} forming the first set. */
    private static double mmd2(double[] kernel, int total, boolean[] inX, int m, int n) {
        double xx = 0;
        double yy = 0;
        double xy = 0;
        for (int i = 0; i < total; i++) {
            boolean xi = inX[i];
            int row = i * total;
            for (int j = i + 1; j < total; j++) {
                double k = kernel[row + j];
                if (xi == inX[j]) {
                    if (xi) {
                        xx += k;
                    } else {
                        yy += k;
                    }
                } else {
                    xy += k;
                }
            }
        }
        return 2 * xx / ((double) m * (m - 1)) + 2 * yy / ((double) n * (n - 1)) - 2 * xy / ((double) m * n);
    }

    private double[][] subsample(double[][] rows, Rng rng) {
        if (rows.length <= settings.maxRows()) {
            return rows;
        }
        int[] pick = rng.sampleWithoutReplacement(rows.length, settings.maxRows());
        double[][] out = new double[pick.length][];
        for (int i = 0; i < pick.length; i++) {
            out[i] = rows[pick[i]];
        }
        return out;
    }

    private static double squaredDistance(double[] a, double[] b) {
        double s = 0;
        for (int k = 0; k < a.length; k++) {
            double d = a[k] - b[k];
            s += d * d;
        }
        return s;
    }
}
