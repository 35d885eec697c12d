package dev.kiln.core.frame;

import java.util.BitSet;

/** A column of booleans with a separate record of missing rows. */
public final class BooleanColumn implements Column {
    private final String name;
    private final BitSet values;
    private final BitSet missing;
    private final int size;

    private BooleanColumn(String name, BitSet values, BitSet missing, int size) {
        this.name = Column.checkName(name);
        this.values = values;
        this.missing = missing;
        this.size = size;
    }

    /** A column of the given values, none missing. */
    public static BooleanColumn of(String name, boolean... values) {
        Builder b = builder(name);
        for (boolean v : values) {
            b.add(v);
        }
        return b.build();
    }

    public static Builder builder(String name) {
        return new Builder(name);
    }

    /**
     * The value in {@code row}.
     *
     * @throws IllegalStateException where the row is missing
     */
    public boolean get(int row) {
        if (isMissing(row)) {
            throw new IllegalStateException("row " + row + " of column '" + name + "' is missing");
        }
        return values.get(row);
    }

    /** How many rows are true. */
    public int trueCount() {
        return values.cardinality();
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public ColumnType type() {
        return ColumnType.BOOLEAN;
    }

    @Override
    public int size() {
        return size;
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
        return isMissing(row) ? Double.NaN : values.get(row) ? 1.0 : 0.0;
    }

    @Override
    public String text(int row) {
        return isMissing(row) ? null : Boolean.toString(values.get(row));
    }

    @Override
    public BooleanColumn take(int[] rows) {
        BitSet v = new BitSet();
        BitSet m = new BitSet();
        for (int i = 0; i < rows.length; i++) {
            if (isMissing(rows[i])) {
                m.set(i);
            } else if (values.get(rows[i])) {
                v.set(i);
            }
        }
        return new BooleanColumn(name, v, m, rows.length);
    }

    @Override
    public BooleanColumn rename(String newName) {
        return new BooleanColumn(newName, values, missing, size);
    }

    @Override
    public String toString() {
        return "BooleanColumn '" + name + "' (" + size + " rows, " + missingCount() + " missing)";
    }

    /** Appends values one by one. */
    public static final class Builder {
        private final String name;
        private final BitSet values = new BitSet();
        private final BitSet missing = new BitSet();
        private int size;

        private Builder(String name) {
            this.name = Column.checkName(name);
        }

        public Builder add(boolean value) {
            if (value) {
                values.set(size);
            }
            size++;
            return this;
        }

        public Builder addMissing() {
            missing.set(size++);
            return this;
        }

        public int size() {
            return size;
        }

        public BooleanColumn build() {
            return new BooleanColumn(name, (BitSet) values.clone(), (BitSet) missing.clone(), size);
        }
    }
}
