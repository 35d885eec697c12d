package dev.kiln.core.frame;

import java.util.Arrays;
import java.util.BitSet;

/** A column of 64-bit integers with a separate record of missing rows. */
public final class LongColumn implements Column {
    private final String name;
    private final long[] values;
    private final BitSet missing;

    private LongColumn(String name, long[] values, BitSet missing) {
        this.name = Column.checkName(name);
        this.values = values;
        this.missing = missing;
    }

    /** A column holding a copy of {@code values}, none missing. */
    public static LongColumn of(String name, long... values) {
        return new LongColumn(name, values.clone(), new BitSet());
    }

    public static Builder builder(String name) {
        return new Builder(name);
    }

    /**
     * The value in {@code row}.
     *
     * @throws IllegalStateException where the row is missing
     */
    public long get(int row) {
        if (isMissing(row)) {
            throw new IllegalStateException("row " + row + " of column '" + name + "' is missing");
        }
        return values[row];
    }

    /** The values themselves (0 where missing), for code in this package that only reads them. */
    long[] array() {
        return values;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public ColumnType type() {
        return ColumnType.LONG;
    }

    @Override
    public int size() {
        return values.length;
    }

    @Override
    public boolean isMissing(int row) {
        Column.checkRow(this, row);
        return missing.get(row);
    }

    @Override
    public int missingCount() {
        return missing.cardinality();
    }

    @Override
    public double getDouble(int row) {
        return isMissing(row) ? Double.NaN : values[row];
    }

    @Override
    public String text(int row) {
        return isMissing(row) ? null : Long.toString(values[row]);
    }

    @Override
    public LongColumn take(int[] rows) {
        long[] out = new long[rows.length];
        BitSet m = new BitSet();
        for (int i = 0; i < rows.length; i++) {
            if (isMissing(rows[i])) {
                m.set(i);
            } else {
                out[i] = values[rows[i]];
            }
        }
        return new LongColumn(name, out, m);
    }

    @Override
    public LongColumn rename(String newName) {
        return new LongColumn(newName, values, missing);
    }

    @Override
    public String toString() {
        return "LongColumn '" + name + "' (" + values.length + " rows, " + missingCount() + " missing)";
    }

    /** Appends values one by one. */
    public static final class Builder {
        private final String name;
        private long[] values = new long[16];
        private final BitSet missing = new BitSet();
        private int size;

        private Builder(String name) {
            this.name = Column.checkName(name);
        }

        public Builder add(long value) {
            if (size == values.length) {
                values = Arrays.copyOf(values, values.length * 2);
            }
            values[size++] = value;
            return this;
        }

        public Builder addMissing() {
            missing.set(size);
            return add(0);
        }

        public int size() {
            return size;
        }

        public LongColumn build() {
            return new LongColumn(name, Arrays.copyOf(values, size), (BitSet) missing.clone());
        }
    }
}
