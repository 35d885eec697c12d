package dev.kiln.core.linalg;

import java.util.Arrays;
import java.util.function.IntToDoubleFunction;

/**
 * A dense vector of doubles. A vector may be a view into a larger array (a matrix row or
 * column): views share storage, so writing through one is seen by the other.
 */
public final class Vector {
    private final double[] data;
    private final int offset;
    private final int length;
    private final int stride;

    Vector(double[] data, int offset, int length, int stride) {
        if (length < 0) {
            throw new IllegalArgumentException("length must be >= 0, got " + length);
        }
        if (length > 0 && (offset < 0 || offset + (long) (length - 1) * stride >= data.length)) {
            throw new IndexOutOfBoundsException("view [offset " + offset + ", length " + length
                    + ", stride " + stride + "] exceeds storage of " + data.length);
        }
        this.data = data;
        this.offset = offset;
        this.length = length;
        this.stride = stride;
    }

    /** A new vector of zeros. */
    public static Vector zeros(int length) {
        return new Vector(new double[length], 0, length, 1);
    }

    /** A vector over {@code values} without copying them. */
    public static Vector wrap(double... values) {
        return new Vector(values, 0, values.length, 1);
    }

    /** A vector holding a copy of {@code values}. */
    public static Vector of(double... values) {
        return wrap(values.clone());
    }

    /** A vector whose i-th element is {@code f(i)}. */
    public static Vector from(int length, IntToDoubleFunction f) {
        double[] v = new double[length];
        for (int i = 0; i < length; i++) {
            v[i] = f.applyAsDouble(i);
        }
        return wrap(v);
    }

    public int size() {
        return length;
    }

    public double get(int i) {
        return data[index(i)];
    }

    public void set(int i, double value) {
        data[index(i)] = value;
    }

    /** The backing array; element i lives at {@code offset() + i * stride()}. */
    public double[] storage() {
        return data;
    }

    public int offset() {
        return offset;
    }

    public int stride() {
        return stride;
    }

    /** Whether the elements are adjacent in the backing array. */
    public boolean isContiguous() {
        return stride == 1;
    }

    /** A view of elements {@code [from, to)}. */
    public Vector view(int from, int to) {
        if (from < 0 || to > length || from > to) {
            throw new IndexOutOfBoundsException("range [" + from + ", " + to + ") of a vector of size " + length);
        }
        return new Vector(data, offset + from * stride, to - from, stride);
    }

    public Vector copy() {
        return wrap(toArray());
    }

    public double[] toArray() {
        if (stride == 1) {
            return Arrays.copyOfRange(data, offset, offset + length);
        }
        double[] out = new double[length];
        for (int i = 0; i < length; i++) {
            out[i] = data[offset + i * stride];
        }
        return out;
    }

    /** The inner product with {@code other}. */
    public double dot(Vector other) {
        requireSameSize(other, "dot");
        if (stride == 1 && other.stride == 1) {
            return Blas.dot(length, data, offset, other.data, other.offset);
        }
        double sum = 0;
        for (int i = 0; i < length; i++) {
            sum += get(i) * other.get(i);
        }
        return sum;
    }

    /** {@code this += alpha * x}, in place; returns this. */
    public Vector addScaled(double alpha, Vector x) {
        requireSameSize(x, "addScaled");
        if (stride == 1 && x.stride == 1) {
            Blas.axpy(length, alpha, x.data, x.offset, data, offset);
        } else {
            for (int i = 0; i < length; i++) {
                data[index(i)] += alpha * x.get(i);
            }
        }
        return this;
    }

    /** {@code this *= alpha}, in place; returns this. */
    public Vector scaleInPlace(double alpha) {
        for (int i = 0; i < length; i++) {
            data[offset + i * stride] *= alpha;
        }
        return this;
    }

    public Vector plus(Vector other) {
        return copy().addScaled(1.0, other);
    }

    public Vector minus(Vector other) {
        return copy().addScaled(-1.0, other);
    }

    public Vector times(double alpha) {
        return copy().scaleInPlace(alpha);
    }

    /** The Euclidean norm, computed without overflow for large elements. */
    public double norm() {
        return EuclideanNorm.of(data, offset, length, stride);
    }

    public double sum() {
        double s = 0;
        for (int i = 0; i < length; i++) {
            s += get(i);
        }
        return s;
    }

    /** The largest absolute difference to {@code other}. */
    public double maxAbsDifference(Vector other) {
        requireSameSize(other, "maxAbsDifference");
        double max = 0;
        for (int i = 0; i < length; i++) {
            max = Math.max(max, Math.abs(get(i) - other.get(i)));
        }
        return max;
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("[");
        int shown = Math.min(length, 10);
        for (int i = 0; i < shown; i++) {
            if (i > 0) {
                sb.append(", ");
            }
            sb.append(get(i));
        }
        if (shown < length) {
            sb.append(", … (").append(length).append(" elements)");
        }
        return sb.append(']').toString();
    }

    private int index(int i) {
        if (i < 0 || i >= length) {
            throw new IndexOutOfBoundsException("index " + i + " of a vector of size " + length);
        }
        return offset + i * stride;
    }

    private void requireSameSize(Vector other, String op) {
        if (other.length != length) {
            throw new IllegalArgumentException(op + ": sizes differ, " + length + " vs " + other.length);
        }
    }
}
