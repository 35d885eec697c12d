package dev.kiln.core.frame;

import java.util.Arrays;

/** A column of free text; null marks a missing value. */
public final class TextColumn implements Column {
    private final String name;
    private final String[] values;
    private final int missing;

    private TextColumn(String name, String[] values) {
        this.name = Column.checkName(name);
        this.values = values;
        int m = 0;
        for (String v : values) {
            if (v == null) {
                m++;
            }
        }
        this.missing = m;
    }

    /** A column holding a copy of {@code values}; null marks a missing value. */
    public static TextColumn of(String name, String... values) {
        return new TextColumn(name, values.clone());
    }

    public static Builder builder(String name) {
        return new Builder(name);
    }

    /** The text in {@code row}, or null where missing. */
    public String get(int row) {
        Column.checkRow(this, row);
        return values[row];
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public ColumnType type() {
        return ColumnType.TEXT;
    }

    @Override
    public int size() {
        return values.length;
    }

    @Override
    public boolean isMissing(int row) {
        return get(row) == null;
    }

    @Override
    public int missingCount() {
        return missing;
    }

    @Override
    public double getDouble(int row) {
        throw new IllegalStateException("column '" + name + "' is text; vectorize it (e.g. TF-IDF) to use it as numbers");
    }

    @Override
    public String text(int row) {
        return get(row);
    }

    @Override
    public TextColumn take(int[] rows) {
        String[] out = new String[rows.length];
        for (int i = 0; i < rows.length; i++) {
            out[i] = get(rows[i]);
        }
        return new TextColumn(name, out);
    }

    @Override
    public TextColumn rename(String newName) {
        return new TextColumn(newName, values);
    }

    @Override
    public String toString() {
        return "TextColumn '" + name + "' (" + values.length + " rows, " + missing + " missing)";
    }

    /** Appends values one by one. */
    public static final class Builder {
        private final String name;
        private String[] values = new String[16];
        private int size;

        private Builder(String name) {
            this.name = Column.checkName(name);
        }

        /** Appends a value; null appends a missing value. */
        public Builder add(String value) {
            if (size == values.length) {
                values = Arrays.copyOf(values, values.length * 2);
            }
            values[size++] = value;
            return this;
        }

        public Builder addMissing() {
            return add(null);
        }

        public int size() {
            return size;
        }

        public TextColumn build() {
            return new TextColumn(name, Arrays.copyOf(values, size));
        }
    }
}
