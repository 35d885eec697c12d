package dev.kiln.core.frame;

import java.util.Arrays;

/** A column of doubles; NaN marks a missing value. */
public final class DoubleColumn implements Column {
    private final String name;
    private final double[] values;
    private final int missing;

    private DoubleColumn(String name, double[] values) {
        this.name = Column.checkName(name);
        this.values = values;
        int m = 0;
        for (double v : values) {
            if (Double.isNaN(v)) {
                m++;
            }
        }
        this.missing = m;
    }

    /** A column holding a copy of {@code values}. */
    public static DoubleColumn of(String name, double... values) {
        return new DoubleColumn(name, values.clone());
    }

    public static Builder builder(String name) {
        return new Builder(name);
    }

    public double get(int row) {
        Column.checkRow(this, row);
        return values[row];
    }

    /** The values themselves, for code in this package that only reads them. */
    double[] array() {
        return values;
    }

    /** The values as a new array (NaN where missing). */
    public double[] toArray() {
        return values.clone();
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public ColumnType type() {
        return ColumnType.DOUBLE;
    }

    @Override
    public int size() {
        return values.length;
    }

    @Override
    public boolean isMissing(int row) {
        return Double.isNaN(get(row));
    }

    @Override
    public int missingCount() {
        return missing;
    }

    @Override
    public double getDouble(int row) {
        return get(row);
    }

    @Override
    public String text(int row) {
        double v = get(row);
        return Double.isNaN(v) ? null : format(v);
    }

    /** Doubles as Java writes them, except integral values below 2^53 lose the ".0" ("3", not "3.0"). */
    static String format(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 0x1p53) {
            return Long.toString((long) v);
        }
        return Double.toString(v);
    }

    @Override
    public DoubleColumn take(int[] rows) {
        double[] out = new double[rows.length];
        for (int i = 0; i < rows.length; i++) {
            out[i] = get(rows[i]);
        }
        return new DoubleColumn(name, out);
    }

    @Override
    public DoubleColumn rename(String newName) {
        return new DoubleColumn(newName, values);
    }

    @Override
    public String toString() {
        return "DoubleColumn '" + name + "' (" + values.length + " rows, " + missing + " missing)";
    }

    /** Appends values one by one; {@link #build()} hands the array over without copying it again. */
    public static final class Builder {
        private final String name;
        private double[] values = new double[16];
        private int size;

        private Builder(String name) {
            this.name = Column.checkName(name);
        }

        public Builder add(double value) {
            if (size == values.length) {
                values = Arrays.copyOf(values, values.length * 2);
            }
            values[size++] = value;
            return this;
        }

        public Builder addMissing() {
            return add(Double.NaN);
        }

        public int size() {
            return size;
        }

        public DoubleColumn build() {
            return new DoubleColumn(name, Arrays.copyOf(values, size));
        }
    }
}
