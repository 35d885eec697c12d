package dev.kiln.monitor.profile;

import dev.kiln.core.random.Rng;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A KLL quantile sketch (Karnin, Lang and Liberty, "Optimal quantile approximation in
 * streams", FOCS 2016), after Liberty's reference implementation: a stack of compactors whose
 * capacities shrink geometrically (factor 2/3) below the top one, each compaction keeping every
 * other item of a sorted level at twice the weight. With {@code k = 200} the rank error is
 * about 1.3% of n; it is exact while fewer than {@code k} values have been seen. Mergeable, so
 * profiles of parts combine into the profile of the whole; min and max are kept exactly.
 *
 * <p>A mutable accumulator, not thread-safe. The compaction coin is seeded, so the same
 * values in the same order give the same sketch.
 */
public final class QuantileSketch {
    public static final int DEFAULT_K = 200;
    private static final double SHRINK = 2.0 / 3.0;

    private final int k;
    private final List<double[]> levels = new ArrayList<>();
    private int[] sizes = new int[0];
    private long count;
    private double min = Double.NaN;
    private double max = Double.NaN;
    private int retained;
    private int capacityTotal;
    private final Rng coin;

    public QuantileSketch() {
        this(DEFAULT_K);
    }

    public QuantileSketch(int k) {
        if (k < 8 || k > 65_536) {
            throw new IllegalArgumentException("k must be in [8, 65536], got " + k);
        }
        this.k = k;
        this.coin = Rng.seeded(0x5EED_0F_C0_17L + k);
        grow();
    }

    /** A sketch from its saved parts (see {@link #levels()}), as read back from a profile file. */
    public static QuantileSketch restore(int k, long count, double min, double max, List<double[]> levels) {
        QuantileSketch sketch = new QuantileSketch(k);
        while (sketch.levels.size() < levels.size()) {
            sketch.grow();
        }
        long weight = 0;
        for (int h = 0; h < levels.size(); h++) {
            for (double v : levels.get(h)) {
                if (Double.isNaN(v)) {
                    throw new IllegalArgumentException("level " + h + " holds NaN");
                }
                sketch.push(h, v);
            }
            weight += (long) levels.get(h).length << h;
        }
        if (weight != count) {
            throw new IllegalArgumentException("the levels weigh " + weight + " but the count is " + count
                    + " (compaction keeps the total weight equal to the count)");
        }
        sketch.count = count;
        sketch.min = min;
        sketch.max = max;
        return sketch;
    }

    public int k() {
        return k;
    }

    /** How many values were added (NaN values are skipped and not counted). */
    public long count() {
        return count;
    }

    public double min() {
        return min;
    }

    public double max() {
        return max;
    }

    public void add(double value) {
        if (Double.isNaN(value)) {
            return;
        }
        count++;
        if (count == 1 || value < min) {
            min = value;
        }
        if (count == 1 || value > max) {
            max = value;
        }
        push(0, value);
        if (retained >= capacityTotal) {
            compress();
        }
    }

    /** Adds everything {@code other} has seen; {@code other} is left as it was. */
    public void merge(QuantileSketch other) {
        if (other.count == 0) {
            return;
        }
        while (levels.size() < other.levels.size()) {
            grow();
        }
        for (int h = 0; h < other.levels.size(); h++) {
            double[] values = other.levels.get(h);
            for (int i = 0; i < other.sizes[h]; i++) {
                push(h, values[i]);
            }
        }
        min = count == 0 ? other.min : Math.min(min, other.min);
        max = count == 0 ? other.max : Math.max(max, other.max);
        count += other.count;
        while (retained >= capacityTotal) {
            compress();
        }
    }

    /** The approximate fraction of values ≤ {@code value}. */
    public double cdf(double value) {
        if (count == 0) {
            return Double.NaN;
        }
        double weight = 0;
        double below = 0;
        for (int h = 0; h < levels.size(); h++) {
            double[] values = levels.get(h);
            for (int i = 0; i < sizes[h]; i++) {
                weight += 1L << h;
                if (values[i] <= value) {
                    below += 1L << h;
                }
            }
        }
        return below / weight;
    }

    /** The approximate q-quantile, q in [0, 1]: the smallest retained value whose weighted rank reaches q; 0 and 1 give the exact min and max. */
    public double quantile(double q) {
        return quantiles(new double[]{q})[0];
    }

    /** Several quantiles from one sort of the retained values. */
    public double[] quantiles(double[] qs) {
        double[] out = new double[qs.length];
        if (count == 0) {
            Arrays.fill(out, Double.NaN);
            return out;
        }
        int n = retained;
        double[] values = new double[n];
        long[] weights = new long[n];
        Integer[] order = new Integer[n];
        int at = 0;
        for (int h = 0; h < levels.size(); h++) {
            double[] level = levels.get(h);
            for (int i = 0; i < sizes[h]; i++) {
                values[at] = level[i];
                weights[at] = 1L << h;
                order[at] = at;
                at++;
            }
        }
        Arrays.sort(order, (a, b) -> Double.compare(values[a], values[b]));
        long total = 0;
        for (long w : weights) {
            total += w;
        }
        for (int j = 0; j < qs.length; j++) {
            double q = qs[j];
            if (!(q >= 0 && q <= 1)) {
                throw new IllegalArgumentException("quantile must be in [0, 1], got " + q);
            }
            if (q == 0 || q == 1) {
                out[j] = q == 0 ? min : max;
                continue;
            }
            double target = q * total;
            long cumulative = 0;
            out[j] = max;
            for (Integer i : order) {
                cumulative += weights[i];
                if (cumulative >= target) {
                    out[j] = values[i];
                    break;
                }
            }
        }
        return out;
    }

    /** The retained values of each level (level h weighs 2^h), for saving. */
    public List<double[]> levels() {
        List<double[]> copy = new ArrayList<>();
        for (int h = 0; h < levels.size(); h++) {
            copy.add(Arrays.copyOf(levels.get(h), sizes[h]));
        }
        return copy;
    }

    private int capacity(int height) {
        int depth = levels.size() - height - 1;
        return (int) Math.ceil(Math.pow(SHRINK, depth) * k) + 1;
    }

    private void grow() {
        levels.add(new double[16]);
        sizes = Arrays.copyOf(sizes, levels.size());
        capacityTotal = 0;
        for (int h = 0; h < levels.size(); h++) {
            capacityTotal += capacity(h);
        }
    }

    private void push(int height, double value) {
        double[] level = levels.get(height);
        if (sizes[height] == level.length) {
            level = Arrays.copyOf(level, level.length * 2);
            levels.set(height, level);
        }
        level[sizes[height]++] = value;
        retained++;
    }

    /** Compacts the lowest full level into the one above it, halving its items. */
    private void compress() {
        for (int h = 0; h < levels.size(); h++) {
            if (sizes[h] >= capacity(h)) {
                if (h + 1 >= levels.size()) {
                    grow();
                }
                double[] level = levels.get(h);
                int n = sizes[h];
                Arrays.sort(level, 0, n);
                int keepOdd = coin.nextBoolean() ? 1 : 0;
                int pairs = n / 2;
                int leftover = n - 2 * pairs;
                for (int p = 0; p < pairs; p++) {
                    push(h + 1, level[leftover + 2 * p + keepOdd]);
                }
                retained -= 2 * pairs;
                sizes[h] = leftover;
                return;
            }
        }
    }
}
