package dev.kiln.core.linalg;

import java.util.random.RandomGenerator;

/**
 * A dense, row-major matrix of doubles. Element (i, j) lives at
 * {@code storage()[offset() + i * rowStride() + j]}; views ({@link #view}, {@link #row},
 * {@link #column}) share that storage without copying. Products run on the SIMD kernels of
 * {@link Blas}.
 */
public final class Matrix {
    private final double[] data;
    private final int offset;
    private final int rows;
    private final int cols;
    private final int stride;

    Matrix(double[] data, int offset, int rows, int cols, int stride) {
        if (rows < 0 || cols < 0) {
            throw new IllegalArgumentException("matrix dimensions must be >= 0, got " + rows + "x" + cols);
        }
        if (stride < cols) {
            throw new IllegalArgumentException("row stride " + stride + " < columns " + cols);
        }
        if (rows > 0 && cols > 0 && (offset < 0 || offset + (long) (rows - 1) * stride + cols > data.length)) {
            throw new IndexOutOfBoundsException("a " + rows + "x" + cols + " view at offset " + offset
                    + " with row stride " + stride + " exceeds storage of " + data.length);
        }
        this.data = data;
        this.offset = offset;
        this.rows = rows;
        this.cols = cols;
        this.stride = stride;
    }

    /** A new matrix of zeros. */
    public static Matrix zeros(int rows, int cols) {
        if ((long) rows * cols > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("a " + rows + "x" + cols + " matrix exceeds the largest Java array");
        }
        return new Matrix(new double[rows * cols], 0, rows, cols, cols);
    }

    /** The n-by-n identity. */
    public static Matrix identity(int n) {
        Matrix m = zeros(n, n);
        for (int i = 0; i < n; i++) {
            m.data[i * n + i] = 1;
        }
        return m;
    }

    /** A matrix over row-major {@code data} without copying it. */
    public static Matrix wrap(int rows, int cols, double[] data) {
        if ((long) rows * cols != data.length) {
            throw new IllegalArgumentException("a " + rows + "x" + cols + " matrix needs " + (long) rows * cols
                    + " values, got " + data.length);
        }
        return new Matrix(data, 0, rows, cols, cols);
    }

    /** A copy of a rectangular array of rows. */
    public static Matrix of(double[][] values) {
        int r = values.length;
        int c = r == 0 ? 0 : values[0].length;
        Matrix m = zeros(r, c);
        for (int i = 0; i < r; i++) {
            if (values[i].length != c) {
                throw new IllegalArgumentException("row " + i + " has " + values[i].length + " values, row 0 has " + c);
            }
            System.arraycopy(values[i], 0, m.data, i * c, c);
        }
        return m;
    }

    /** A matrix whose (i, j) element is {@code f(i, j)}. */
    public static Matrix from(int rows, int cols, ElementFunction f) {
        Matrix m = zeros(rows, cols);
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                m.data[i * cols + j] = f.apply(i, j);
            }
        }
        return m;
    }

    /** A square matrix with {@code d} on its diagonal. */
    public static Matrix diagonal(double... d) {
        Matrix m = zeros(d.length, d.length);
        for (int i = 0; i < d.length; i++) {
            m.data[i * d.length + i] = d[i];
        }
        return m;
    }

    /** A matrix of independent standard normal draws. */
    public static Matrix gaussian(int rows, int cols, RandomGenerator random) {
        Matrix m = zeros(rows, cols);
        for (int i = 0; i < m.data.length; i++) {
            m.data[i] = random.nextGaussian();
        }
        return m;
    }

    /** The value of element (i, j) of a matrix being built. */
    @FunctionalInterface
    public interface ElementFunction {
        double apply(int i, int j);
    }

    public int rows() {
        return rows;
    }

    public int cols() {
        return cols;
    }

    public boolean isSquare() {
        return rows == cols;
    }

    public double get(int i, int j) {
        return data[index(i, j)];
    }

    public void set(int i, int j, double value) {
        data[index(i, j)] = value;
    }

    /** The backing array; see the class comment for the layout. */
    public double[] storage() {
        return data;
    }

    public int offset() {
        return offset;
    }

    public int rowStride() {
        return stride;
    }

    /** Whether the rows follow each other without gaps, so the elements form one run. */
    public boolean isCompact() {
        return stride == cols || rows <= 1;
    }

    /** A view of the {@code rows x cols} block whose top-left element is (row, col). */
    public Matrix view(int row, int col, int rows, int cols) {
        if (row < 0 || col < 0 || rows < 0 || cols < 0 || row + rows > this.rows || col + cols > this.cols) {
            throw new IndexOutOfBoundsException("block [" + row + "+" + rows + ", " + col + "+" + cols
                    + "] of a " + this.rows + "x" + this.cols + " matrix");
        }
        return new Matrix(data, offset + row * stride + col, rows, cols, stride);
    }

    /** A view of rows {@code [from, to)}. */
    public Matrix rowRange(int from, int to) {
        return view(from, 0, to - from, cols);
    }

    /** A view of row i. */
    public Vector row(int i) {
        checkRow(i);
        return new Vector(data, offset + i * stride, cols, 1);
    }

    /** A view of column j. */
    public Vector column(int j) {
        if (j < 0 || j >= cols) {
            throw new IndexOutOfBoundsException("column " + j + " of a matrix with " + cols + " columns");
        }
        return new Vector(data, offset + j, rows, stride);
    }

    /** A compact copy. */
    public Matrix copy() {
        Matrix m = zeros(rows, cols);
        for (int i = 0; i < rows; i++) {
            System.arraycopy(data, offset + i * stride, m.data, i * cols, cols);
        }
        return m;
    }

    /** The rows as a new array of arrays. */
    public double[][] toArray() {
        double[][] out = new double[rows][];
        for (int i = 0; i < rows; i++) {
            out[i] = java.util.Arrays.copyOfRange(data, offset + i * stride, offset + i * stride + cols);
        }
        return out;
    }

    /** The elements in row-major order, as a new array. */
    public double[] toRowMajorArray() {
        return isCompact() && offset == 0 && data.length == rows * cols ? data.clone() : copy().data;
    }

    /** A new matrix holding the transpose. */
    public Matrix transpose() {
        Matrix t = zeros(cols, rows);
        Blas.transpose(rows, cols, data, offset, stride, t.data, 0, rows);
        return t;
    }

    /** The product {@code this * b}. */
    public Matrix times(Matrix b) {
        return multiply(this, false, b, false);
    }

    /** The product {@code thisᵀ * b}, without forming the transpose. */
    public Matrix transposeTimes(Matrix b) {
        return multiply(this, true, b, false);
    }

    /** The product {@code this * bᵀ}, without forming the transpose. */
    public Matrix timesTranspose(Matrix b) {
        return multiply(this, false, b, true);
    }

    /** The product {@code op(a) * op(b)}, where op transposes when asked. */
    public static Matrix multiply(Matrix a, boolean transposeA, Matrix b, boolean transposeB) {
        int m = transposeA ? a.cols : a.rows;
        int k = transposeA ? a.rows : a.cols;
        int kb = transposeB ? b.cols : b.rows;
        int n = transposeB ? b.rows : b.cols;
        if (k != kb) {
            throw new IllegalArgumentException("cannot multiply " + shape(a, transposeA) + " by " + shape(b, transposeB)
                    + ": inner dimensions " + k + " and " + kb + " differ");
        }
        Matrix c = zeros(m, n);
        Blas.dgemm(transposeA, transposeB, m, n, k, 1.0, a.data, a.offset, a.stride,
                b.data, b.offset, b.stride, 0.0, c.data, 0, n);
        return c;
    }

    /** The product {@code this * x}. */
    public Vector times(Vector x) {
        if (x.size() != cols) {
            throw new IllegalArgumentException("cannot multiply a " + rows + "x" + cols + " matrix by a vector of size " + x.size());
        }
        double[] y = new double[rows];
        double[] xs = x.isContiguous() ? x.storage() : x.toArray();
        int xo = x.isContiguous() ? x.offset() : 0;
        Blas.dgemv(false, rows, cols, 1.0, data, offset, stride, xs, xo, 0.0, y, 0);
        return Vector.wrap(y);
    }

    /** The product {@code thisᵀ * x}. */
    public Vector transposeTimes(Vector x) {
        if (x.size() != rows) {
            throw new IllegalArgumentException("cannot multiply the transpose of a " + rows + "x" + cols
                    + " matrix by a vector of size " + x.size());
        }
        double[] y = new double[cols];
        double[] xs = x.isContiguous() ? x.storage() : x.toArray();
        int xo = x.isContiguous() ? x.offset() : 0;
        Blas.dgemv(true, rows, cols, 1.0, data, offset, stride, xs, xo, 0.0, y, 0);
        return Vector.wrap(y);
    }

    public Matrix plus(Matrix other) {
        return combine(other, 1.0, "plus");
    }

    public Matrix minus(Matrix other) {
        return combine(other, -1.0, "minus");
    }

    /** A new matrix, every element multiplied by {@code alpha}. */
    public Matrix times(double alpha) {
        Matrix m = copy();
        for (int i = 0; i < m.data.length; i++) {
            m.data[i] *= alpha;
        }
        return m;
    }

    /** The diagonal as a new vector. */
    public Vector diagonal() {
        int n = Math.min(rows, cols);
        double[] d = new double[n];
        for (int i = 0; i < n; i++) {
            d[i] = data[offset + i * stride + i];
        }
        return Vector.wrap(d);
    }

    public double trace() {
        return diagonal().sum();
    }

    /** The Frobenius norm, the square root of the sum of squared elements. */
    public double frobeniusNorm() {
        return isCompact() ? EuclideanNorm.of(data, offset, rows * cols, 1) : copy().frobeniusNorm();
    }

    /** The largest absolute difference to a matrix of the same shape. */
    public double maxAbsDifference(Matrix other) {
        requireSameShape(other, "maxAbsDifference");
        double max = 0;
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                max = Math.max(max, Math.abs(get(i, j) - other.get(i, j)));
            }
        }
        return max;
    }

    /** Whether the matrix equals its transpose to within {@code tolerance} per element. */
    public boolean isSymmetric(double tolerance) {
        if (rows != cols) {
            return false;
        }
        for (int i = 0; i < rows; i++) {
            for (int j = i + 1; j < cols; j++) {
                if (Math.abs(get(i, j) - get(j, i)) > tolerance) {
                    return false;
                }
            }
        }
        return true;
    }

    /** The shape as "rows x cols". */
    public String shape() {
        return rows + "x" + cols;
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("Matrix ").append(shape());
        int shownRows = Math.min(rows, 8);
        int shownCols = Math.min(cols, 8);
        for (int i = 0; i < shownRows; i++) {
            sb.append("\n  ");
            for (int j = 0; j < shownCols; j++) {
                sb.append(String.format("%12.5g", get(i, j)));
            }
            if (shownCols < cols) {
                sb.append("  …");
            }
        }
        if (shownRows < rows) {
            sb.append("\n  …");
        }
        return sb.toString();
    }

    private Matrix combine(Matrix other, double sign, String op) {
        requireSameShape(other, op);
        Matrix m = copy();
        for (int i = 0; i < rows; i++) {
            Blas.axpy(cols, sign, other.data, other.offset + i * other.stride, m.data, i * cols);
        }
        return m;
    }

    private void requireSameShape(Matrix other, String op) {
        if (other.rows != rows || other.cols != cols) {
            throw new IllegalArgumentException(op + ": shapes differ, " + shape() + " vs " + other.shape());
        }
    }

    private static String shape(Matrix m, boolean transposed) {
        return transposed ? m.cols + "x" + m.rows + " (transposed)" : m.shape();
    }

    private void checkRow(int i) {
        if (i < 0 || i >= rows) {
            throw new IndexOutOfBoundsException("row " + i + " of a matrix with " + rows + " rows");
        }
    }

    private int index(int i, int j) {
        if (i < 0 || i >= rows || j < 0 || j >= cols) {
            throw new IndexOutOfBoundsException("element (" + i + ", " + j + ") of a " + shape() + " matrix");
        }
        return offset + i * stride + j;
    }
}
