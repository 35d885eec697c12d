package dev.kiln.explain.lime;

import dev.kiln.core.random.Rng;

import java.util.Arrays;
import java.util.Locale;

/**
 * One numeric feature cut at its training quartiles, as lime's {@code QuartileDiscretizer}: the
 * distinct 25th, 50th and 75th percentiles (numpy's linear interpolation) bound up to four bins
 * (x ≤ q₁, q₁ < x ≤ q₂, …), and a bin turns back into a value by drawing from a normal with the
 * bin's training mean and standard deviation truncated to the bin's range.
 */
final class QuartileDiscretizer {
    private final String name;
    private final double[] cuts;
    private final double[] means;
    private final double[] stds;
    private final double[] mins;
    private final double[] maxs;
    private final int[] counts;

    /** Cuts {@code values} (missing values, NaN, left out) of feature {@code name}. */
    QuartileDiscretizer(String name, double[] values) {
        this.name = name;
        double[] sorted = Arrays.stream(values).filter(v -> !Double.isNaN(v)).sorted().toArray();
        if (sorted.length == 0) {
            throw new IllegalArgumentException("column '" + name + "' has no values to take quartiles of");
        }
        this.cuts = Arrays.stream(new double[] {percentile(sorted, 25), percentile(sorted, 50), percentile(sorted, 75)})
                .distinct().toArray();
        int bins = cuts.length + 1;
        means = new double[bins];
        stds = new double[bins];
        counts = new int[bins];
        double[] sums = new double[bins];
        for (double v : sorted) {
            int b = bin(v);
            counts[b]++;
            sums[b] += v;
        }
        for (int b = 0; b < bins; b++) {
            means[b] = counts[b] == 0 ? 0 : sums[b] / counts[b];
        }
        for (double v : sorted) {
            int b = bin(v);
            stds[b] += (v - means[b]) * (v - means[b]);
        }
        for (int b = 0; b < bins; b++) {
            stds[b] = (counts[b] == 0 ? 0 : Math.sqrt(stds[b] / counts[b])) + 1e-11;
        }
        mins = new double[bins];
        maxs = new double[bins];
        mins[0] = sorted[0];
        maxs[bins - 1] = sorted[sorted.length - 1];
        for (int b = 1; b < bins; b++) {
            mins[b] = cuts[b - 1];
            maxs[b - 1] = cuts[b - 1];
        }
    }

    /** numpy's default ("linear") percentile of sorted values. */
    static double percentile(double[] sorted, double p) {
        double index = p / 100 * (sorted.length - 1);
        int lo = (int) Math.floor(index);
        int hi = Math.min(lo + 1, sorted.length - 1);
        return sorted[lo] + (index - lo) * (sorted[hi] - sorted[lo]);
    }

    int bins() {
        return cuts.length + 1;
    }

    /** The bin of {@code v}: how many cuts lie strictly below it. */
    int bin(double v) {
        int b = 0;
        while (b < cuts.length && cuts[b] < v) {
            b++;
        }
        return b;
    }

    /** How many training values fell in each bin. */
    int[] counts() {
        return counts.clone();
    }

    /** A value drawn from bin {@code b}'s truncated normal (the bin's value itself when its range is a point). */
    double sample(int b, Rng rng) {
        if (mins[b] == maxs[b]) {
            return mins[b];
        }
        for (int attempt = 0; attempt < 10_000; attempt++) {
            double v = means[b] + stds[b] * rng.nextGaussian();
            if (v >= mins[b] && v <= maxs[b]) {
                return v;
            }
        }
        return Math.min(maxs[b], Math.max(mins[b], means[b]));
    }

    /** What bin {@code b} means, as lime writes it: {@code "x <= 1.00"}, {@code "1.00 < x <= 2.00"}, {@code "x > 2.00"}. */
    String describe(int b) {
        if (b == 0) {
            return String.format(Locale.ROOT, "%s <= %.2f", name, cuts[0]);
        }
        if (b == cuts.length) {
            return String.format(Locale.ROOT, "%s > %.2f", name, cuts[cuts.length - 1]);
        }
        return String.format(Locale.ROOT, "%.2f < %s <= %.2f", cuts[b - 1], name, cuts[b]);
    }
}
