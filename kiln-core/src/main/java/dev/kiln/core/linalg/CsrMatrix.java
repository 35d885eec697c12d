package dev.kiln.core.linalg;

import dev.kiln.core.parallel.Parallelism;
import java.util.Arrays;

/**
 * An immutable sparse matrix in compressed sparse row form (CSR, as scipy.sparse.csr_matrix):
 * row i's non-zeros are {@code values[rowStart[i] .. rowStart[i + 1])} in the strictly
 * increasing columns {@code columns[…]}. Products with dense vectors and matrices touch only the
 * stored entries, so text features with tens of thousands of columns train without densifying.
 */
public final class CsrMatrix {
    /** Below this many stored entries, products run on the calling thread. */
    private static final int PARALLEL_NON_ZEROS = 1 << 15;

    private final int rows;
    private final int cols;
    private final int[] rowStart;
    private final int[] columns;
    private final double[] values;

    /**
     * Wraps the three CSR arrays (not copied) after checking them: {@code rowStart} has
     * {@code rows + 1} non-decreasing entries from 0 to the number of stored values, and each
     * row's columns are strictly increasing and within [0, cols).
     */
    public CsrMatrix(int rows, int cols, int[] rowStart, int[] columns, double[] values) {
        if (rows < 0 || cols < 0) {
            throw new IllegalArgumentException("a sparse matrix needs rows and cols >= 0, got " + rows + " x " + cols);
        }
        if (rowStart.length != rows + 1 || rowStart[0] != 0 || rowStart[rows] != values.length || columns.length != values.length) {
            throw new IllegalArgumentException("CSR arrays do not fit: " + rows + " rows need " + (rows + 1)
                    + " row starts from 0 to the " + values.length + " values (got " + rowStart.length + " starts ending at "
                    + (rowStart.length == 0 ? "nothing" : rowStart[rowStart.length - 1]) + ", " + columns.length + " columns)");
        }
        for (int i = 0; i < rows; i++) {
            if (rowStart[i + 1] < rowStart[i]) {
                throw new IllegalArgumentException("CSR row starts decrease at row " + i + " (" + rowStart[i] + " then "
                        + rowStart[i + 1] + ")");
            }
        }
        for (int i = 0; i < rows; i++) {
            for (int at = rowStart[i]; at < rowStart[i + 1]; at++) {
                int c = columns[at];
                if (c < 0 || c >= cols || (at > rowStart[i] && c <= columns[at - 1])) {
                    throw new IllegalArgumentException("row " + i + " of the CSR matrix has column " + c + " at position "
                            + (at - rowStart[i]) + "; columns must be strictly increasing and in [0, " + cols + ")");
                }
            }
        }
        this.rows = rows;
        this.cols = cols;
        this.rowStart = rowStart;
        this.columns = columns;
        this.values = values;
    }

    /** The sparse form of a dense matrix, keeping its non-zero entries. */
    public static CsrMatrix of(Matrix dense) {
        Builder b = new Builder(dense.cols());
        for (int i = 0; i < dense.rows(); i++) {
            for (int j = 0; j < dense.cols(); j++) {
                double v = dense.get(i, j);
                if (v != 0) {
                    b.add(j, v);
                }
            }
            b.endRow();
        }
        return b.build();
    }

    public int rows() {
        return rows;
    }

    public int cols() {
        return cols;
    }

    /** How many entries are stored. */
    public int nonZeros() {
        return values.length;
    }

    public double get(int i, int j) {
        checkRow(i);
        if (j < 0 || j >= cols) {
            throw new IndexOutOfBoundsException("column " + j + " is outside a matrix of " + cols + " columns");
        }
        int at = Arrays.binarySearch(columns, rowStart[i], rowStart[i + 1], j);
        return at >= 0 ? values[at] : 0;
    }

    /** The first stored position of row i; its entries run to {@link #rowEnd(int)}. */
    public int rowStart(int i) {
        checkRow(i);
        return rowStart[i];
    }

    public int rowEnd(int i) {
        checkRow(i);
        return rowStart[i + 1];
    }

    /** The column of stored entry {@code at}. */
    public int column(int at) {
        return columns[at];
    }

    /** The value of stored entry {@code at}. */
    public double value(int at) {
        return values[at];
    }

    /** The given rows, in the given order (repeats allowed), as a new matrix. */
    public CsrMatrix rows(int[] which) {
        int[] start = new int[which.length + 1];
        for (int r = 0; r < which.length; r++) {
            checkRow(which[r]);
            start[r + 1] = start[r] + rowStart[which[r] + 1] - rowStart[which[r]];
        }
        int[] c = new int[start[which.length]];
        double[] v = new double[c.length];
        for (int r = 0; r < which.length; r++) {
            int from = rowStart[which[r]];
            int len = start[r + 1] - start[r];
            System.arraycopy(columns, from, c, start[r], len);
            System.arraycopy(values, from, v, start[r], len);
        }
        return new CsrMatrix(which.length, cols, start, c, v);
    }

    public Matrix toDense() {
        Matrix m = Matrix.zeros(rows, cols);
        for (int i = 0; i < rows; i++) {
            for (int at = rowStart[i]; at < rowStart[i + 1]; at++) {
                m.set(i, columns[at], values[at]);
            }
        }
        return m;
    }

    /**
     * {@code z += X·Wᵀ}: for each row i and each of the k rows of the row-major k × cols matrix
     * W, adds the dot product to {@code z[i·k + r]} (z is rows × k, row-major).
     */
    public void addTimesTransposed(double[] w, int k, double[] z) {
        if (w.length < (long) k * cols || z.length < (long) rows * k) {
            throw new IllegalArgumentException("addTimesTransposed: W needs " + k + " x " + cols + " and z " + rows + " x " + k
                    + " values, got " + w.length + " and " + z.length);
        }
        Parallelism.forEachRange(rows, values.length < PARALLEL_NON_ZEROS ? rows : 64, (from, to) -> {
            for (int i = from; i < to; i++) {
                int end = rowStart[i + 1];
                for (int r = 0; r < k; r++) {
                    int base = r * cols;
                    double s = 0;
                    for (int at = rowStart[i]; at < end; at++) {
                        s += values[at] * w[base + columns[at]];
                    }
                    z[i * k + r] += s;
                }
            }
        });
    }

    /**
     * {@code g = Rᵀ·X}: the k × cols row-major product of the transpose of the rows × k
     * row-major matrix R with this one, overwriting g.
     */
    public void transposedTimes(double[] r, int k, double[] g) {
        if (r.length < (long) rows * k || g.length < (long) k * cols) {
            throw new IllegalArgumentException("transposedTimes: R needs " + rows + " x " + k + " and g " + k + " x " + cols
                    + " values, got " + r.length + " and " + g.length);
        }
        int kc = k * cols;
        int parts = values.length < PARALLEL_NON_ZEROS ? 1 : Math.min(Parallelism.threads(), Math.max(1, rows / 64));
        double[][] partial = new double[parts][];
        Parallelism.forEachPart(parts, part -> {
            double[] into = part == 0 ? g : new double[kc];
            if (part == 0) {
                Arrays.fill(g, 0, kc, 0);
            }
            int from = (int) ((long) rows * part / parts);
            int to = (int) ((long) rows * (part + 1) / parts);
            for (int i = from; i < to; i++) {
                int end = rowStart[i + 1];
                for (int q = 0; q < k; q++) {
                    double ri = r[i * k + q];
                    if (ri == 0) {
                        continue;
                    }
                    int base = q * cols;
                    for (int at = rowStart[i]; at < end; at++) {
                        into[base + columns[at]] += ri * values[at];
                    }
                }
            }
            partial[part] = into;
        });
        for (int part = 1; part < parts; part++) {
            double[] p = partial[part];
            for (int j = 0; j < kc; j++) {
                g[j] += p[j];
            }
        }
    }

    private void checkRow(int i) {
        if (i < 0 || i >= rows) {
            throw new IndexOutOfBoundsException("row " + i + " is outside a matrix of " + rows + " rows");
        }
    }

    @Override
    public String toString() {
        return "CsrMatrix[" + rows + " x " + cols + ", " + values.length + " stored]";
    }

    /** Builds a CSR matrix row by row: {@link #add} a row's entries in increasing column order, then {@link #endRow()}. */
    public static final class Builder {
        private final int cols;
        private int[] rowStart = new int[16];
        private int[] columns = new int[64];
        private double[] values = new double[64];
        private int rows;
        private int size;

        public Builder(int cols) {
            if (cols < 0) {
                throw new IllegalArgumentException("cols must be >= 0, got " + cols);
            }
            this.cols = cols;
        }

        /** Appends entry (current row, column) = value; columns must increase within a row. */
        public Builder add(int column, double value) {
            if (column < 0 || column >= cols) {
                throw new IllegalArgumentException("column " + column + " is outside [0, " + cols + ")");
            }
            if (size > rowStart[rows] && columns[size - 1] >= column) {
                throw new IllegalArgumentException("row " + rows + ": column " + column + " after column " + columns[size - 1]
                        + "; add a row's entries in increasing column order");
            }
            if (size == columns.length) {
                columns = Arrays.copyOf(columns, size * 2);
                values = Arrays.copyOf(values, size * 2);
            }
            columns[size] = column;
            values[size++] = value;
            return this;
        }

        /** Finishes the current row (which may be empty). */
        public Builder endRow() {
            if (rows + 2 > rowStart.length) {
                rowStart = Arrays.copyOf(rowStart, rowStart.length * 2);
            }
            rowStart[++rows] = size;
            return this;
        }

        public CsrMatrix build() {
            return new CsrMatrix(rows, cols, Arrays.copyOf(rowStart, rows + 1), Arrays.copyOf(columns, size), Arrays.copyOf(values, size));
        }
    }
}
