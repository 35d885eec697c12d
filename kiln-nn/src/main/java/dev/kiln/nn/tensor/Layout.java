package dev.kiln.nn.tensor;

/** Reading and writing a strided view of a float array in row-major order. */
final class Layout {
    private Layout() {
    }

    /** Whether elements one apart in row-major order are one apart in storage (dimensions of size 1 do not count). */
    static boolean rowMajor(int[] shape, int[] strides) {
        int expected = 1;
        for (int d = shape.length - 1; d >= 0; d--) {
            if (shape[d] != 1 && strides[d] != expected) {
                return false;
            }
            expected *= shape[d];
        }
        return true;
    }

    /** The view's elements copied out in row-major order. */
    static float[] gather(float[] storage, int offset, int[] strides, int[] shape) {
        int n = Shape.size(shape);
        float[] out = new float[n];
        if (n == 0) {
            return out;
        }
        if (rowMajor(shape, strides)) {
            System.arraycopy(storage, offset, out, 0, n);
            return out;
        }
        int last = shape.length - 1;
        int len = shape[last];
        int step = strides[last];
        int[] counter = new int[shape.length];
        int at = offset;
        for (int i = 0; i < n; i += len) {
            for (int j = 0, p = at; j < len; j++, p += step) {
                out[i + j] = storage[p];
            }
            at = advance(counter, shape, strides, at, last - 1);
        }
        return out;
    }

    /** Adds {@code g} (row-major over {@code shape}) into the view of {@code into} at {@code offset} with {@code strides}. */
    static void scatterAdd(float[] g, float[] into, int offset, int[] strides, int[] shape) {
        int n = g.length;
        if (n == 0) {
            return;
        }
        if (shape.length == 0) {
            into[offset] += g[0];
            return;
        }
        int last = shape.length - 1;
        int len = shape[last];
        int step = strides[last];
        int[] counter = new int[shape.length];
        int at = offset;
        for (int i = 0; i < n; i += len) {
            for (int j = 0, p = at; j < len; j++, p += step) {
                into[p] += g[i + j];
            }
            at = advance(counter, shape, strides, at, last - 1);
        }
    }

    /** Moves a row-major counter over dimensions 0..top one step, returning the new storage position. */
    private static int advance(int[] counter, int[] shape, int[] strides, int at, int top) {
        for (int d = top; d >= 0; d--) {
            counter[d]++;
            at += strides[d];
            if (counter[d] < shape[d]) {
                return at;
            }
            at -= strides[d] * counter[d];
            counter[d] = 0;
        }
        return at;
    }

    /** {@code a} without element {@code d}. */
    static int[] without(int[] a, int d) {
        int[] r = new int[a.length - 1];
        System.arraycopy(a, 0, r, 0, d);
        System.arraycopy(a, d + 1, r, d, a.length - d - 1);
        return r;
    }
}
