package dev.kiln.monitor.drift;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The binned distributions Evidently compares with PSI and Jensen–Shannon ({@code get_binned_data}
 * in evidently/calculations/stattests/utils.py): a numeric column whose reference holds more than
 * 20 distinct values is cut into equal-width bins over the range of both sets together, as many as
 * NumPy's {@code histogram_bin_edges(..., bins='sturges')} gives (⌈log₂ n⌉ + 1 for n values);
 * any other column is split by its distinct values. Shares are counts over each set's size.
 *
 * @param labels    a label per bin ("[a, b)") or distinct value
 * @param edges     the bin edges (one more than the bins), or empty when split by value
 * @param reference the reference's share in each bin
 * @param current   the current data's share in each bin
 */
public record Histogram(List<String> labels, double[] edges, double[] reference, double[] current) {
    /** Evidently bins a numeric column only when its reference has more than this many distinct values. */
    public static final int BINNED_ABOVE_UNIQUE = 20;

    /** Evidently's split of a column, as described above. */
    public static Histogram of(ColumnPair pair) {
        if (pair.kind() == ColumnKind.NUMERICAL && pair.referenceUniqueCount() > BINNED_ABOVE_UNIQUE) {
            double[] both = concat(pair.reference(), pair.current());
            return binned(sturgesEdges(both), pair.reference(), pair.current());
        }
        return byValue(pair.valueCounts());
    }

    /** Shares per distinct value. */
    public static Histogram byValue(ColumnPair.ValueCounts counts) {
        double nr = counts.referenceTotal();
        double nc = counts.currentTotal();
        double[] r = Arrays.stream(counts.reference()).mapToDouble(c -> c / nr).toArray();
        double[] c = Arrays.stream(counts.current()).mapToDouble(x -> x / nc).toArray();
        return new Histogram(counts.labels(), new double[0], r, c);
    }

    /** Shares of both samples in the bins between {@code edges}. */
    public static Histogram binned(double[] edges, double[] reference, double[] current) {
        double[] r = counts(reference, edges);
        double[] c = counts(current, edges);
        for (int i = 0; i < r.length; i++) {
            r[i] /= reference.length;
            c[i] /= current.length;
        }
        List<String> labels = new ArrayList<>();
        for (int i = 0; i + 1 < edges.length; i++) {
            labels.add("[" + shortNumber(edges[i]) + ", " + shortNumber(edges[i + 1]) + (i + 2 == edges.length ? "]" : ")"));
        }
        return new Histogram(List.copyOf(labels), edges, r, c);
    }

    /** Whether the bins are ranges of numbers (otherwise distinct values). */
    public boolean isBinned() {
        return edges.length > 0;
    }

    /**
     * NumPy's {@code histogram_bin_edges(values, bins='sturges')}: width ptp / (log₂ n + 1),
     * ⌈ptp / width⌉ equal bins from the minimum to the maximum (±0.5 around a single value).
     */
    public static double[] sturgesEdges(double[] values) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (double v : values) {
            lo = Math.min(lo, v);
            hi = Math.max(hi, v);
        }
        double ptp = hi - lo;
        if (lo == hi) {
            lo -= 0.5;
            hi += 0.5;
        }
        double width = ptp / (log2(values.length) + 1.0);
        int bins = width > 0 ? (int) Math.ceil((hi - lo) / width) : 1;
        double[] edges = new double[bins + 1];
        double step = (hi - lo) / bins;
        for (int i = 0; i <= bins; i++) {
            edges[i] = lo + i * step;
        }
        edges[bins] = hi;
        return edges;
    }

    private static double log2(int n) {
        if (Integer.bitCount(n) == 1) {
            return Integer.numberOfTrailingZeros(n);
        }
        return Math.log(n) / Math.log(2);
    }

    /**
     * Counts per bin as NumPy's {@code histogram} places values between equal-width edges: bins
     * are half-open except the last, which includes its upper edge; values outside are dropped.
     */
    static double[] counts(double[] values, double[] edges) {
        int bins = edges.length - 1;
        double first = edges[0];
        double last = edges[bins];
        double norm = bins / (last - first);
        double[] out = new double[bins];
        for (double v : values) {
            if (v < first || v > last) {
                continue;
            }
            int i = (int) ((v - first) * norm);
            if (i == bins) {
                i--;
            }
            if (v < edges[i]) {
                i--;
            } else if (i != bins - 1 && v >= edges[i + 1]) {
                i++;
            }
            out[i]++;
        }
        return out;
    }

    private static double[] concat(double[] a, double[] b) {
        double[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    private static String shortNumber(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : String.format(java.util.Locale.ROOT, "%.4g", v);
    }
}
