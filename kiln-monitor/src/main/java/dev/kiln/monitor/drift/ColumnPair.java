package dev.kiln.monitor.drift;

import dev.kiln.core.frame.CategoricalColumn;
import dev.kiln.core.frame.Column;
import dev.kiln.core.frame.ColumnType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One column's non-missing values in the reference and in the current data, each set sorted:
 * numbers, or labels coded into the union of both sets' levels. Missing values (and infinities,
 * which Evidently drops with them) are counted, not tested.
 */
public final class ColumnPair {
    private final String name;
    private final ColumnKind kind;
    private final double[] reference;
    private final double[] current;
    private final List<String> levels;
    private final int missingReference;
    private final int missingCurrent;

    private ColumnPair(String name, ColumnKind kind, double[] reference, double[] current, List<String> levels,
                       int missingReference, int missingCurrent) {
        if (reference.length == 0 || current.length == 0) {
            throw new IllegalArgumentException("column '" + name + "' has no non-missing values in the "
                    + (reference.length == 0 ? "reference" : "current") + " data; a drift test needs some");
        }
        Arrays.sort(reference);
        Arrays.sort(current);
        this.name = name;
        this.kind = kind;
        this.reference = reference;
        this.current = current;
        this.levels = levels;
        this.missingReference = missingReference;
        this.missingCurrent = missingCurrent;
    }

    /** Numeric samples (NaN and infinities count as missing). */
    public static ColumnPair numerical(String name, double[] reference, double[] current) {
        double[] r = finite(reference);
        double[] c = finite(current);
        return new ColumnPair(name, ColumnKind.NUMERICAL, r, c, List.of(),
                reference.length - r.length, current.length - c.length);
    }

    /** Label samples (null counts as missing). */
    public static ColumnPair categorical(String name, String[] reference, String[] current) {
        Map<String, Integer> codes = new HashMap<>();
        List<String> levels = new ArrayList<>();
        double[] r = codes(reference, codes, levels);
        double[] c = codes(current, codes, levels);
        return new ColumnPair(name, ColumnKind.CATEGORICAL, r, c, List.copyOf(levels),
                reference.length - r.length, current.length - c.length);
    }

    /**
     * The same column of both frames. Longs and doubles compare as numbers, categorical and text
     * columns as labels; any other pair of types is an error naming both.
     */
    public static ColumnPair of(Column reference, Column current) {
        ColumnType rt = reference.type();
        ColumnType ct = current.type();
        ColumnKind kind = ColumnKind.of(rt);
        boolean bothNumbers = isNumber(rt) && isNumber(ct);
        if (rt != ct && !bothNumbers && (kind != ColumnKind.CATEGORICAL || ColumnKind.of(ct) != ColumnKind.CATEGORICAL)) {
            throw new IllegalArgumentException("column '" + reference.name() + "' is " + rt.label()
                    + " in the reference data but " + ct.label() + " in the current data");
        }
        if (kind == ColumnKind.NUMERICAL) {
            return numerical(reference.name(), reference.toDoubles(), current.toDoubles());
        }
        return categorical(reference.name(), labels(reference), labels(current));
    }


    private static boolean isNumber(ColumnType t) {
        return t == ColumnType.DOUBLE || t == ColumnType.LONG;
    }

    private static String[] labels(Column column) {
        String[] out = new String[column.size()];
        if (column instanceof CategoricalColumn c) {
            List<String> levels = c.levels();
            int[] codes = c.codes();
            for (int i = 0; i < out.length; i++) {
                out[i] = codes[i] < 0 ? null : levels.get(codes[i]);
            }
            return out;
        }
        for (int i = 0; i < out.length; i++) {
            out[i] = column.text(i);
        }
        return out;
    }

    private static double[] finite(double[] values) {
        return Arrays.stream(values).filter(Double::isFinite).toArray();
    }

    private static double[] codes(String[] values, Map<String, Integer> codes, List<String> levels) {
        double[] out = new double[values.length];
        int n = 0;
        for (String v : values) {
            if (v != null) {
                out[n++] = codes.computeIfAbsent(v, k -> {
                    levels.add(k);
                    return levels.size() - 1;
                });
            }
        }
        return Arrays.copyOf(out, n);
    }

    public String name() {
        return name;
    }

    public ColumnKind kind() {
        return kind;
    }

    /** The reference's non-missing values, sorted (level codes for a categorical column); do not modify. */
    double[] reference() {
        return reference;
    }

    /** The current data's non-missing values, sorted (level codes for a categorical column); do not modify. */
    double[] current() {
        return current;
    }

    public int referenceSize() {
        return reference.length;
    }

    public int currentSize() {
        return current.length;
    }

    public int missingReference() {
        return missingReference;
    }

    public int missingCurrent() {
        return missingCurrent;
    }

    /** How many distinct values the two sets hold together. */
    public int uniqueCount() {
        int count = 0;
        int i = 0;
        int j = 0;
        while (i < reference.length || j < current.length) {
            double v = i < reference.length && (j >= current.length || reference[i] <= current[j]) ? reference[i] : current[j];
            i = skip(reference, i, v);
            j = skip(current, j, v);
            count++;
        }
        return count;
    }

    /** How many distinct values the reference holds. */
    int referenceUniqueCount() {
        int count = 0;
        for (int i = 0; i < reference.length; i = skip(reference, i, reference[i])) {
            count++;
        }
        return count;
    }

    private static int skip(double[] sorted, int from, double v) {
        int i = from;
        while (i < sorted.length && sorted[i] == v) {
            i++;
        }
        return i;
    }

    /**
     * The counts of each distinct value in either set: numbers in increasing order, labels sorted
     * as strings.
     */
    public ValueCounts valueCounts() {
        int k = uniqueCount();
        String[] labels = new String[k];
        long[] ref = new long[k];
        long[] cur = new long[k];
        int i = 0;
        int j = 0;
        for (int slot = 0; slot < k; slot++) {
            double v = i < reference.length && (j >= current.length || reference[i] <= current[j]) ? reference[i] : current[j];
            int ni = skip(reference, i, v);
            int nj = skip(current, j, v);
            labels[slot] = label(v);
            ref[slot] = ni - i;
            cur[slot] = nj - j;
            i = ni;
            j = nj;
        }
        if (kind == ColumnKind.CATEGORICAL) {
            Integer[] order = new Integer[k];
            for (int s = 0; s < k; s++) {
                order[s] = s;
            }
            Arrays.sort(order, (a, b) -> labels[a].compareTo(labels[b]));
            String[] l = new String[k];
            long[] r = new long[k];
            long[] c = new long[k];
            for (int s = 0; s < k; s++) {
                l[s] = labels[order[s]];
                r[s] = ref[order[s]];
                c[s] = cur[order[s]];
            }
            return new ValueCounts(List.of(l), r, c);
        }
        return new ValueCounts(List.of(labels), ref, cur);
    }

    private String label(double v) {
        if (kind == ColumnKind.CATEGORICAL) {
            return levels.get((int) v);
        }
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }

    /** How often each distinct value occurs in the reference and in the current data. */
    public record ValueCounts(List<String> labels, long[] reference, long[] current) {
        public long referenceTotal() {
            return Arrays.stream(reference).sum();
        }

        public long currentTotal() {
            return Arrays.stream(current).sum();
        }
    }
}
