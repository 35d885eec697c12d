package dev.kiln.core.modelfile;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * An n-dimensional array as stored in safetensors: element type, shape, and the
 * little-endian bytes of its elements in row-major order. Immutable.
 */
public final class Tensor {
    private final DType dtype;
    private final long[] shape;
    private final byte[] data;

    private Tensor(DType dtype, long[] shape, byte[] data) {
        this.dtype = dtype;
        this.shape = shape.clone();
        long count = elementCount(this.shape);
        if (count * dtype.bytes() != data.length) {
            throw new IllegalArgumentException("shape " + Arrays.toString(shape) + " of " + dtype + " needs "
                    + count * dtype.bytes() + " bytes, got " + data.length);
        }
        this.data = data;
    }

    /** A tensor over bytes already in safetensors layout (not copied). */
    static Tensor ofBytes(DType dtype, long[] shape, byte[] data) {
        return new Tensor(dtype, shape, data);
    }

    /** A tensor of doubles; with no shape given, one dimension of the values' length. */
    public static Tensor of(double[] values, long... shape) {
        ByteBuffer b = buffer(values.length * 8L);
        b.asDoubleBuffer().put(values);
        return new Tensor(DType.F64, shapeOr(shape, values.length), b.array());
    }

    public static Tensor of(float[] values, long... shape) {
        ByteBuffer b = buffer(values.length * 4L);
        b.asFloatBuffer().put(values);
        return new Tensor(DType.F32, shapeOr(shape, values.length), b.array());
    }

    public static Tensor of(long[] values, long... shape) {
        ByteBuffer b = buffer(values.length * 8L);
        b.asLongBuffer().put(values);
        return new Tensor(DType.I64, shapeOr(shape, values.length), b.array());
    }

    public static Tensor of(int[] values, long... shape) {
        ByteBuffer b = buffer(values.length * 4L);
        b.asIntBuffer().put(values);
        return new Tensor(DType.I32, shapeOr(shape, values.length), b.array());
    }

    /** Unsigned bytes. */
    public static Tensor ofUnsignedBytes(byte[] values, long... shape) {
        return new Tensor(DType.U8, shapeOr(shape, values.length), values.clone());
    }

    public DType dtype() {
        return dtype;
    }

    public long[] shape() {
        return shape.clone();
    }

    /** The number of elements, the product of the shape (1 for a scalar). */
    public long elementCount() {
        return elementCount(shape);
    }

    /** The size of the data in bytes. */
    public int byteSize() {
        return data.length;
    }

    public double[] toDoubleArray() {
        require(DType.F64);
        double[] out = new double[(int) elementCount()];
        view().asDoubleBuffer().get(out);
        return out;
    }

    public float[] toFloatArray() {
        require(DType.F32);
        float[] out = new float[(int) elementCount()];
        view().asFloatBuffer().get(out);
        return out;
    }

    public long[] toLongArray() {
        require(DType.I64);
        long[] out = new long[(int) elementCount()];
        view().asLongBuffer().get(out);
        return out;
    }

    public int[] toIntArray() {
        require(DType.I32);
        int[] out = new int[(int) elementCount()];
        view().asIntBuffer().get(out);
        return out;
    }

    /** The raw bytes, whatever the element type. */
    public byte[] toByteArray() {
        return data.clone();
    }

    private ByteBuffer view() {
        return ByteBuffer.wrap(data).order(ByteOrder.LITTLE_ENDIAN);
    }

    byte[] bytes() {
        return data;
    }

    @Override
    public String toString() {
        return dtype + Arrays.toString(shape);
    }

    private void require(DType wanted) {
        if (dtype != wanted) {
            throw new IllegalStateException("tensor holds " + dtype + ", not " + wanted);
        }
    }

    private static ByteBuffer buffer(long bytes) {
        if (bytes > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("a tensor of " + bytes + " bytes is too large for one array");
        }
        return ByteBuffer.allocate((int) bytes).order(ByteOrder.LITTLE_ENDIAN);
    }

    private static long[] shapeOr(long[] shape, int length) {
        return shape.length == 0 ? new long[] {length} : shape;
    }

    static long elementCount(long[] shape) {
        long n = 1;
        for (long d : shape) {
            if (d < 0) {
                throw new IllegalArgumentException("negative dimension in shape " + Arrays.toString(shape));
            }
            n = Math.multiplyExact(n, d);
        }
        return n;
    }
}
