package dev.kiln.monitor.drift;

import dev.kiln.core.frame.Column;
import dev.kiln.core.frame.ColumnType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One column's non-missing values in the reference and in the current data: numbers, or labels
 * coded into the union of both sets' levels. Missing values (and infinities, which Evidently
 * drops with them) are counted, not tested.
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

    /** The reference's non-missing values (level codes for a categorical column); do not modify. */
    double[] reference() {
        return reference;
    }

    /** The current data's non-missing values (level codes for a categorical column); do not modify. */
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
        return valueCounts().labels().size();
    }

    /** How many distinct values the reference holds. */
    int referenceUniqueCount() {
        return (int) Arrays.stream(reference).distinct().count();
    }

    /**
     * The counts of each distinct value in either set: numbers in increasing order, labels sorted
     * as strings.
     */
    public ValueCounts valueCounts() {
        TreeMap<Double, long[]> counts = new TreeMap<>();
        for (double v : reference) {
            counts.computeIfAbsent(v, k -> new long[2])[0]++;
        }
        for (double v : current) {
            counts.computeIfAbsent(v, k -> new long[2])[1]++;
        }
        List<Map.Entry<String, long[]>> entries = new ArrayList<>();
        counts.forEach((v, c) -> entries.add(Map.entry(label(v), c)));
        if (kind == ColumnKind.CATEGORICAL) {
            entries.sort(Map.Entry.comparingByKey());
        }
        List<String> labels = new ArrayList<>();
        long[] ref = new long[entries.size()];
        long[] cur = new long[entries.size()];
        for (int i = 0; i < entries.size(); i++) {
            labels.add(entries.get(i).getKey());
            ref[i] = entries.get(i).getValue()[0];
            cur[i] = entries.get(i).getValue()[1];
        }
        return new ValueCounts(List.copyOf(labels), ref, cur);
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
