package dev.kiln.core.frame;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A column of strings drawn from a set of levels, stored as integer codes into that set
 * (code −1 marks a missing value). Levels keep the order in which they first appeared.
 */
public final class CategoricalColumn implements Column {
    private final String name;
    private final int[] codes;
    private final List<String> levels;
    private final int missing;

    private CategoricalColumn(String name, int[] codes, List<String> levels) {
        this.name = Column.checkName(name);
        this.codes = codes;
        this.levels = levels;
        int m = 0;
        for (int c : codes) {
            if (c < 0) {
                m++;
            }
        }
        this.missing = m;
    }

    /** A column of the given values; null marks a missing value. */
    public static CategoricalColumn of(String name, String... values) {
        Builder b = builder(name);
        for (String v : values) {
            b.add(v);
        }
        return b.build();
    }

    /**
     * A column from codes into {@code levels}; code −1 marks a missing value.
     *
     * @throws IllegalArgumentException for a code outside [−1, levels) or repeated levels
     */
    public static CategoricalColumn ofCodes(String name, int[] codes, List<String> levels) {
        List<String> lv = List.copyOf(levels);
        if (new java.util.HashSet<>(lv).size() != lv.size()) {
            throw new IllegalArgumentException("column '" + name + "': levels must be distinct, got " + lv);
        }
        for (int i = 0; i < codes.length; i++) {
            if (codes[i] < -1 || codes[i] >= lv.size()) {
                throw new IllegalArgumentException("column '" + name + "', row " + i + ": code " + codes[i]
                        + " is outside [-1, " + lv.size() + ")");
            }
        }
        return new CategoricalColumn(name, codes.clone(), lv);
    }

    public static Builder builder(String name) {
        return new Builder(name);
    }

    /** The value in {@code row}, or null where missing. */
    public String get(int row) {
        int c = code(row);
        return c < 0 ? null : levels.get(c);
    }

    /** The level index of {@code row}, or −1 where missing. */
    public int code(int row) {
        Column.checkRow(this, row);
        return codes[row];
    }

    /** The codes of all rows, as a new array. */
    public int[] codes() {
        return codes.clone();
    }

    /** The distinct values, in order of first appearance. */
    public List<String> levels() {
        return levels;
    }

    /** How many rows hold each level, indexed like {@link #levels()}. */
    public int[] levelCounts() {
        int[] counts = new int[levels.size()];
        for (int c : codes) {
            if (c >= 0) {
                counts[c]++;
            }
        }
        return counts;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public ColumnType type() {
        return ColumnType.CATEGORICAL;
    }

    @Override
    public int size() {
        return codes.length;
    }

    @Override
    public boolean isMissing(int row) {
        return code(row) < 0;
    }

    @Override
    public int missingCount() {
        return missing;
    }

    @Override
    public double getDouble(int row) {
        throw new IllegalStateException("column '" + name + "' is categorical; encode it (one-hot or ordinal) to use it as a number");
    }

    @Override
    public String text(int row) {
        return get(row);
    }

    @Override
    public CategoricalColumn take(int[] rows) {
        int[] out = new int[rows.length];
        for (int i = 0; i < rows.length; i++) {
            out[i] = code(rows[i]);
        }
        return new CategoricalColumn(name, out, levels);
    }

    @Override
    public CategoricalColumn rename(String newName) {
        return new CategoricalColumn(newName, codes, levels);
    }

    @Override
    public String toString() {
        return "CategoricalColumn '" + name + "' (" + codes.length + " rows, " + levels.size() + " levels, "
                + missing + " missing)";
    }

    /** Appends values one by one, assigning codes to new levels as they appear. */
    public static final class Builder {
        private final String name;
        private final Map<String, Integer> index = new HashMap<>();
        private final List<String> levels = new ArrayList<>();
        private int[] codes = new int[16];
        private int size;

        private Builder(String name) {
            this.name = Column.checkName(name);
        }

        /** Appends a value; null appends a missing value. */
        public Builder add(String value) {
            if (size == codes.length) {
                codes = Arrays.copyOf(codes, codes.length * 2);
            }
            if (value == null) {
                codes[size++] = -1;
            } else {
                Integer code = index.get(value);
                if (code == null) {
                    code = levels.size();
                    index.put(value, code);
                    levels.add(value);
                }
                codes[size++] = code;
            }
            return this;
        }

        public Builder addMissing() {
            return add(null);
        }

        public int size() {
            return size;
        }

        public CategoricalColumn build() {
            return new CategoricalColumn(name, Arrays.copyOf(codes, size), List.copyOf(levels));
        }
    }
}
