package dev.kiln.core.frame;

import dev.kiln.core.linalg.Matrix;
import dev.kiln.core.random.Rng;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.IntPredicate;

/**
 * A table of named, typed columns of equal length — the data every Kiln estimator reads.
 * Frames are immutable: selecting, filtering and splitting return new frames (columns are
 * shared, never copied, where their rows do not change).
 */
public final class Frame {
    private final List<Column> columns;
    private final Map<String, Integer> index;
    private final int rows;

    private Frame(List<Column> columns) {
        this.columns = List.copyOf(columns);
        this.index = new HashMap<>();
        int n = this.columns.isEmpty() ? 0 : this.columns.get(0).size();
        for (int i = 0; i < this.columns.size(); i++) {
            Column c = this.columns.get(i);
            if (index.put(c.name(), i) != null) {
                throw new IllegalArgumentException("two columns are named '" + c.name() + "'");
            }
            if (c.size() != n) {
                throw new IllegalArgumentException("column '" + c.name() + "' has " + c.size() + " rows, but column '"
                        + this.columns.get(0).name() + "' has " + n);
            }
        }
        this.rows = n;
    }

    /** A frame of the given columns, in order. */
    public static Frame of(Column... columns) {
        return new Frame(Arrays.asList(columns));
    }

    /** A frame of the given columns, in order. */
    public static Frame of(List<? extends Column> columns) {
        return new Frame(new ArrayList<>(columns));
    }

    public int rowCount() {
        return rows;
    }

    public int columnCount() {
        return columns.size();
    }

    public List<String> names() {
        return columns.stream().map(Column::name).toList();
    }

    public List<Column> columns() {
        return columns;
    }

    public boolean hasColumn(String name) {
        return index.containsKey(name);
    }

    /**
     * The column called {@code name}.
     *
     * @throws NoSuchColumnException naming the available columns
     */
    public Column column(String name) {
        Integer i = index.get(name);
        if (i == null) {
            throw NoSuchColumnException.of(name, names());
        }
        return columns.get(i);
    }

    public Column column(int i) {
        if (i < 0 || i >= columns.size()) {
            throw new IndexOutOfBoundsException("column " + i + " of a frame with " + columns.size() + " columns");
        }
        return columns.get(i);
    }

    public Schema schema() {
        return Schema.of(this);
    }

    /** The named columns, in the order given. */
    public Frame select(String... names) {
        return select(Arrays.asList(names));
    }

    /** The named columns, in the order given. */
    public Frame select(List<String> names) {
        List<Column> out = new ArrayList<>(names.size());
        for (String n : names) {
            out.add(column(n));
        }
        return new Frame(out);
    }

    /** All columns but the named ones. */
    public Frame drop(String... names) {
        return drop(Arrays.asList(names));
    }

    /** All columns but the named ones. */
    public Frame drop(List<String> names) {
        Set<String> gone = new LinkedHashSet<>(names);
        for (String n : gone) {
            column(n);
        }
        return new Frame(columns.stream().filter(c -> !gone.contains(c.name())).toList());
    }

    /** This frame with {@code column} added at the end, or in place of the column of that name. */
    public Frame withColumn(Column column) {
        List<Column> out = new ArrayList<>(columns);
        Integer i = index.get(column.name());
        if (i == null) {
            out.add(column);
        } else {
            out.set(i, column);
        }
        return new Frame(out);
    }

    /** This frame with one column renamed. */
    public Frame rename(String from, String to) {
        Column c = column(from);
        List<Column> out = new ArrayList<>(columns);
        out.set(index.get(from), c.rename(to));
        return new Frame(out);
    }

    /** The given rows, in that order (rows may repeat). */
    public Frame take(int[] rowIndices) {
        for (int r : rowIndices) {
            if (r < 0 || r >= rows) {
                throw new IndexOutOfBoundsException("row " + r + " of a frame with " + rows + " rows");
            }
        }
        return new Frame(columns.stream().map(c -> c.take(rowIndices)).toList());
    }

    /** Rows {@code [from, to)}. */
    public Frame slice(int from, int to) {
        if (from < 0 || to > rows || from > to) {
            throw new IndexOutOfBoundsException("rows [" + from + ", " + to + ") of a frame with " + rows + " rows");
        }
        if (from == 0 && to == rows) {
            return this;
        }
        return new Frame(columns.stream().map(c -> c.slice(from, to)).toList());
    }

    /** The first {@code n} rows (all of them when there are fewer). */
    public Frame head(int n) {
        return slice(0, Math.min(Math.max(n, 0), rows));
    }

    /** The rows for which {@code keep} is true. */
    public Frame filter(IntPredicate keep) {
        int[] kept = new int[rows];
        int n = 0;
        for (int r = 0; r < rows; r++) {
            if (keep.test(r)) {
                kept[n++] = r;
            }
        }
        return take(Arrays.copyOf(kept, n));
    }

    /** A shuffled split into training and test rows. */
    public record Split(Frame train, Frame test) {
    }

    /**
     * Shuffles the rows with {@code seed} and puts {@code round(testFraction * rows)} of them in
     * the test frame, the rest in the training frame (each in shuffled order).
     */
    public Split split(double testFraction, long seed) {
        if (!(testFraction > 0 && testFraction < 1)) {
            throw new IllegalArgumentException("test fraction must be in (0, 1), got " + testFraction);
        }
        int test = (int) Math.round(testFraction * rows);
        if (test == 0 || test == rows) {
            throw new IllegalArgumentException("a test fraction of " + testFraction + " of " + rows
                    + " rows leaves an empty training or test set");
        }
        int[] order = Rng.seeded(seed).permutation(rows);
        return new Split(take(Arrays.copyOfRange(order, test, rows)), take(Arrays.copyOfRange(order, 0, test)));
    }

    /**
     * All columns as a numeric matrix, one row per row: numbers as they are, booleans as 1 and 0,
     * NaN where missing.
     *
     * @throws IllegalArgumentException naming any categorical or text columns
     */
    public Matrix toMatrix() {
        List<String> nonNumeric = columns.stream().filter(c -> !c.type().isNumeric()).map(Column::name).toList();
        if (!nonNumeric.isEmpty()) {
            throw new IllegalArgumentException("cannot make a numeric matrix: column"
                    + (nonNumeric.size() > 1 ? "s " : " ") + String.join(", ", nonNumeric.stream().map(n -> "'" + n + "'").toList())
                    + (nonNumeric.size() > 1 ? " are" : " is") + " not numeric; encode or drop "
                    + (nonNumeric.size() > 1 ? "them" : "it") + " first");
        }
        int p = columns.size();
        Matrix m = Matrix.zeros(rows, p);
        double[] out = m.storage();
        double[][] doubles = new double[p][];
        long[][] longs = new long[p][];
        for (int j = 0; j < p; j++) {
            Column c = columns.get(j);
            if (c instanceof DoubleColumn d) {
                doubles[j] = d.array();
            } else if (c instanceof LongColumn l && l.missingCount() == 0) {
                longs[j] = l.array();
            } else {
                doubles[j] = c.toDoubles();
            }
        }
        final int block = 256;
        for (int i0 = 0; i0 < rows; i0 += block) {
            int i1 = Math.min(rows, i0 + block);
            for (int j = 0; j < p; j++) {
                if (doubles[j] != null) {
                    double[] v = doubles[j];
                    for (int i = i0; i < i1; i++) {
                        out[i * p + j] = v[i];
                    }
                } else {
                    long[] v = longs[j];
                    for (int i = i0; i < i1; i++) {
                        out[i * p + j] = v[i];
                    }
                }
            }
        }
        return m;
    }

    /** The named columns as a numeric matrix; see {@link #toMatrix()}. */
    public Matrix toMatrix(List<String> names) {
        return select(names).toMatrix();
    }

    /**
     * Summary statistics of every column: counts and missing values; for numeric columns mean,
     * sample standard deviation, minimum, quartiles and maximum; for the others the distinct
     * values and the most frequent ones.
     */
    public FrameDescription describe() {
        return FrameDescription.of(this);
    }

    /** The first rows as an aligned text table. */
    @Override
    public String toString() {
        return FrameFormat.table(this, 10);
    }
}
