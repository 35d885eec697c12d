package dev.kiln.core.frame;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Computes the {@link ColumnSummary} of a column. */
final class ColumnStatistics {
    private static final int TOP = 5;

    private ColumnStatistics() {
    }

    static ColumnSummary summarize(Column c) {
        int missing = c.missingCount();
        int count = c.size() - missing;
        if (c.type() == ColumnType.DOUBLE || c.type() == ColumnType.LONG) {
            double[] v = present(c, count);
            Arrays.sort(v);
            double mean = mean(v);
            double min = count == 0 ? Double.NaN : v[0];
            double max = count == 0 ? Double.NaN : v[count - 1];
            return new ColumnSummary(c.name(), c.type(), count, missing, mean, std(v, mean),
                    min, quantile(v, 0.25), quantile(v, 0.5), quantile(v, 0.75), max,
                    null, null, null, List.of());
        }
        List<ColumnSummary.ValueCount> byCount = frequencies(c);
        ColumnSummary.ValueCount top = byCount.isEmpty() ? null : byCount.get(0);
        return new ColumnSummary(c.name(), c.type(), count, missing, null, null, null, null, null, null, null,
                byCount.size(), top == null ? null : top.value(), top == null ? 0 : top.count(),
                byCount.subList(0, Math.min(TOP, byCount.size())));
    }

    private static double[] present(Column c, int count) {
        double[] v = new double[count];
        int k = 0;
        for (int i = 0; i < c.size(); i++) {
            if (!c.isMissing(i)) {
                v[k++] = c.getDouble(i);
            }
        }
        return v;
    }

    /** The mean, summed with Neumaier's compensation. */
    static double mean(double[] v) {
        if (v.length == 0) {
            return Double.NaN;
        }
        double sum = 0;
        double compensation = 0;
        for (double x : v) {
            double t = sum + x;
            compensation += Math.abs(sum) >= Math.abs(x) ? (sum - t) + x : (x - t) + sum;
            sum = t;
        }
        double total = sum + compensation;
        return (Double.isFinite(sum) ? total : sum) / v.length;
    }

    /** The sample standard deviation by the corrected two-pass formula (Chan, Golub and LeVeque). */
    static double std(double[] v, double mean) {
        int n = v.length;
        if (n < 2) {
            return Double.NaN;
        }
        double sum = 0;
        double squares = 0;
        for (double x : v) {
            double d = x - mean;
            sum += d;
            squares += d * d;
        }
        return Math.sqrt(Math.max(0, (squares - sum * sum / n) / (n - 1)));
    }

    /** The {@code q} quantile of sorted values, interpolated linearly as numpy's default method does. */
    static double quantile(double[] sorted, double q) {
        int n = sorted.length;
        if (n == 0) {
            return Double.NaN;
        }
        double h = (n - 1) * q;
        int lo = (int) Math.floor(h);
        int hi = Math.min(lo + 1, n - 1);
        double t = h - lo;
        double a = sorted[lo];
        double b = sorted[hi];
        double diff = b - a;
        return t >= 0.5 ? b - diff * (1 - t) : a + diff * t;
    }

    /** Each present value with its count, most frequent first, ties in order of first appearance. */
    private static List<ColumnSummary.ValueCount> frequencies(Column c) {
        Map<String, int[]> counts = new LinkedHashMap<>();
        for (int i = 0; i < c.size(); i++) {
            String t = c.text(i);
            if (t != null) {
                counts.computeIfAbsent(t, k -> new int[1])[0]++;
            }
        }
        List<ColumnSummary.ValueCount> out = new ArrayList<>(counts.size());
        counts.forEach((value, n) -> out.add(new ColumnSummary.ValueCount(value, n[0])));
        out.sort(Comparator.comparingInt(ColumnSummary.ValueCount::count).reversed());
        return out;
    }
}
