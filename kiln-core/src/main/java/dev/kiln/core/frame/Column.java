package dev.kiln.core.frame;

/**
 * One named, typed column of a {@link Frame}. Columns are immutable; every row may be missing.
 */
public sealed interface Column permits DoubleColumn, LongColumn, BooleanColumn, CategoricalColumn, TextColumn {

    String name();

    ColumnType type();

    int size();

    boolean isMissing(int row);

    /** How many rows are missing. */
    int missingCount();

    /**
     * The value as a double: numbers as they are, booleans as 1 or 0, NaN where missing.
     *
     * @throws IllegalStateException for categorical and text columns, which need encoding first
     */
    double getDouble(int row);

    /**
     * Every row as a double, as {@link #getDouble} gives it: a new array.
     *
     * @throws IllegalStateException for categorical and text columns
     */
    default double[] toDoubles() {
        double[] out = new double[size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = getDouble(i);
        }
        return out;
    }

    /** The value as it would be written to a CSV file, or null where missing. */
    String text(int row);

    /** A column of the given rows, in that order (rows may repeat). */
    Column take(int[] rows);

    /** The same values under another name. */
    Column rename(String name);

    /** Rows {@code [from, to)}. */
    default Column slice(int from, int to) {
        if (from < 0 || to > size() || from > to) {
            throw new IndexOutOfBoundsException("rows [" + from + ", " + to + ") of a column of " + size() + " rows");
        }
        int[] rows = new int[to - from];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = from + i;
        }
        return take(rows);
    }

    /** Throws a message naming the column when {@code row} is out of range. */
    static void checkRow(Column c, int row) {
        if (row < 0 || row >= c.size()) {
            throw new IndexOutOfBoundsException("row " + row + " of column '" + c.name() + "' with " + c.size() + " rows");
        }
    }

    /** Throws when a column name is null or blank. */
    static String checkName(String name) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a column name must not be empty");
        }
        return name;
    }
}
