package dev.kiln.learn.select;

import dev.kiln.core.random.Rng;
import dev.kiln.core.stats.SpecialFunctions;
import java.util.Arrays;

/**
 * Nearest-neighbour estimates of the mutual information between each continuous feature and
 * the target, as scikit-learn's {@code mutual_info_classif} and {@code mutual_info_regression}
 * with all features continuous: Kraskov, Stögbauer and Grassberger (Phys. Rev. E 69, 2004)
 * between two continuous variables, Ross (PLoS ONE 9(2), 2014) between a continuous and a
 * discrete one. As in scikit-learn, each continuous variable is divided by its standard
 * deviation and perturbed by Gaussian noise of 1e-10 times max(1, mean |value|) to break ties,
 * and negative estimates become 0. The noise comes from {@code seed}, so estimates are
 * reproducible; they differ from scikit-learn's, whose noise is its own, by amounts of the
 * order of the estimator's sensitivity to ties.
 */
final class MutualInformation {
    private static final double NOISE = 1e-10;

    private MutualInformation() {
    }

    /** The estimate between each feature and a discrete target (classes 0..k−1), with {@code neighbours} neighbours. */
    static double[] classif(double[][] x, int[] classes, int neighbours, long seed) {
        Rng rng = Rng.seeded(seed);
        double[] out = new double[x.length];
        for (int j = 0; j < x.length; j++) {
            out[j] = continuousDiscrete(perturbed(x[j], rng.stream(j)), classes, neighbours);
        }
        return out;
    }

    /** The estimate between each feature and a continuous target. */
    static double[] regression(double[][] x, double[] y, int neighbours, long seed) {
        Rng rng = Rng.seeded(seed);
        double[] target = perturbed(y, rng.stream(x.length));
        double[] out = new double[x.length];
        for (int j = 0; j < x.length; j++) {
            out[j] = continuousContinuous(perturbed(x[j], rng.stream(j)), target, neighbours);
        }
        return out;
    }

    /** The values divided by their population standard deviation (1 when that is ~0), plus the tie-breaking noise. */
    static double[] perturbed(double[] v, Rng rng) {
        int n = v.length;
        double mean = 0;
        for (double a : v) {
            mean += a;
        }
        mean /= n;
        double var = 0;
        for (double a : v) {
            var += (a - mean) * (a - mean);
        }
        double std = Math.sqrt(var / n);
        double scale = std < 10 * Math.ulp(1.0) ? 1.0 : std;
        double[] out = new double[n];
        double meanAbs = 0;
        for (int i = 0; i < n; i++) {
            out[i] = v[i] / scale;
            meanAbs += Math.abs(out[i]);
        }
        double amplitude = NOISE * Math.max(1.0, meanAbs / n);
        for (int i = 0; i < n; i++) {
            out[i] += amplitude * rng.nextGaussian();
        }
        return out;
    }

    /** Ross's estimator: per class, the distance to the k-th neighbour of the same class, then counts over all rows. */
    static double continuousDiscrete(double[] c, int[] d, int neighbours) {
        int n = c.length;
        int classes = Arrays.stream(d).max().orElse(-1) + 1;
        int[] counts = new int[classes];
        for (int label : d) {
            counts[label]++;
        }
        double[] radius = new double[n];
        int[] kAll = new int[n];
        for (int label = 0; label < classes; label++) {
            if (counts[label] < 2) {
                continue;
            }
            int k = Math.min(neighbours, counts[label] - 1);
            int[] rows = new int[counts[label]];
            int m = 0;
            for (int i = 0; i < n; i++) {
                if (d[i] == label) {
                    rows[m++] = i;
                }
            }
            double[] values = new double[m];
            for (int q = 0; q < m; q++) {
                values[q] = c[rows[q]];
            }
            Integer[] order = sortedOrder(values);
            double[] sorted = new double[m];
            for (int q = 0; q < m; q++) {
                sorted[q] = values[order[q]];
            }
            for (int q = 0; q < m; q++) {
                radius[rows[order[q]]] = Math.nextDown(kthDistance(sorted, q, k));
                kAll[rows[order[q]]] = k;
            }
        }
        int kept = 0;
        for (int i = 0; i < n; i++) {
            kept += counts[d[i]] > 1 ? 1 : 0;
        }
        double[] pool = new double[kept];
        int at = 0;
        for (int i = 0; i < n; i++) {
            if (counts[d[i]] > 1) {
                pool[at++] = c[i];
            }
        }
        Arrays.sort(pool);
        double sumK = 0;
        double sumLabel = 0;
        double sumM = 0;
        for (int i = 0; i < n; i++) {
            if (counts[d[i]] > 1) {
                sumK += SpecialFunctions.digamma(kAll[i]);
                sumLabel += SpecialFunctions.digamma(counts[d[i]]);
                sumM += SpecialFunctions.digamma(countWithin(pool, c[i], radius[i]));
            }
        }
        double mi = SpecialFunctions.digamma(kept) + (sumK - sumLabel - sumM) / kept;
        return Math.max(0, mi);
    }

    /** Kraskov's first estimator: the k-th neighbour in the joint space under the max norm, then counts along each axis. */
    static double continuousContinuous(double[] x, double[] y, int k) {
        int n = x.length;
        Integer[] order = sortedOrder(x);
        double[] xs = new double[n];
        double[] ys = new double[n];
        for (int q = 0; q < n; q++) {
            xs[q] = x[order[q]];
            ys[q] = y[order[q]];
        }
        double[] xSorted = xs.clone();
        double[] ySorted = y.clone();
        Arrays.sort(ySorted);
        double sum = 0;
        double[] best = new double[k];
        for (int q = 0; q < n; q++) {
            Arrays.fill(best, Double.POSITIVE_INFINITY);
            for (int lo = q - 1, hi = q + 1; lo >= 0 || hi < n; ) {
                double dl = lo >= 0 ? xs[q] - xs[lo] : Double.POSITIVE_INFINITY;
                double dh = hi < n ? xs[hi] - xs[q] : Double.POSITIVE_INFINITY;
                if (Math.min(dl, dh) > best[k - 1]) {
                    break;
                }
                int other = dl <= dh ? lo-- : hi++;
                insert(best, Math.max(Math.abs(xs[q] - xs[other]), Math.abs(ys[q] - ys[other])));
            }
            double r = Math.nextDown(best[k - 1]);
            int nx = countWithin(xSorted, xs[q], r) - 1;
            int ny = countWithin(ySorted, ys[q], r) - 1;
            sum += SpecialFunctions.digamma(nx + 1) + SpecialFunctions.digamma(ny + 1);
        }
        double mi = SpecialFunctions.digamma(n) + SpecialFunctions.digamma(k) - sum / n;
        return Math.max(0, mi);
    }

    /** Keeps {@code best} the ascending k smallest distances seen. */
    private static void insert(double[] best, double d) {
        int k = best.length;
        if (d >= best[k - 1]) {
            return;
        }
        int pos = k - 1;
        while (pos > 0 && best[pos - 1] > d) {
            best[pos] = best[pos - 1];
            pos--;
        }
        best[pos] = d;
    }

    /** The distance from {@code sorted[q]} to its k-th nearest other element. */
    private static double kthDistance(double[] sorted, int q, int k) {
        int lo = q - 1;
        int hi = q + 1;
        double d = 0;
        for (int step = 0; step < k; step++) {
            double dl = lo >= 0 ? sorted[q] - sorted[lo] : Double.POSITIVE_INFINITY;
            double dh = hi < sorted.length ? sorted[hi] - sorted[q] : Double.POSITIVE_INFINITY;
            if (dl <= dh) {
                d = dl;
                lo--;
            } else {
                d = dh;
                hi++;
            }
        }
        return d;
    }

    /** How many sorted values v have |v − centre| ≤ r, the centre's own row included. */
    static int countWithin(double[] sorted, double centre, double r) {
        int first = firstIndex(sorted, j -> centre - sorted[j] <= r);
        int afterLast = firstIndex(sorted, j -> sorted[j] - centre > r);
        return afterLast - first;
    }

    /** The first index at which a predicate that is false, then true along the sorted array, holds. */
    private static int firstIndex(double[] sorted, java.util.function.IntPredicate holds) {
        int lo = 0;
        int hi = sorted.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (holds.test(mid)) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        return lo;
    }

    private static Integer[] sortedOrder(double[] v) {
        Integer[] order = new Integer[v.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Double.compare(v[a], v[b]));
        return order;
    }
}
