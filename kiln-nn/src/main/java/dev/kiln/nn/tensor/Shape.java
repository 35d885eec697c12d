package dev.kiln.nn.tensor;

import java.util.Arrays;

/** Shape arithmetic for row-major tensors: sizes, strides and NumPy's broadcasting rule. */
final class Shape {
    private Shape() {
    }

    static int size(int[] shape) {
        long n = 1;
        for (int d : shape) {
            if (d < 0) {
                throw new IllegalArgumentException("a tensor dimension must be >= 0, got shape " + Arrays.toString(shape));
            }
            n *= d;
            if (n > Integer.MAX_VALUE) {
                throw new IllegalArgumentException("shape " + Arrays.toString(shape) + " has more than 2^31 - 1 elements");
            }
        }
        return (int) n;
    }

    static int[] strides(int[] shape) {
        int[] s = new int[shape.length];
        int stride = 1;
        for (int d = shape.length - 1; d >= 0; d--) {
            s[d] = stride;
            stride *= shape[d];
        }
        return s;
    }

    /**
     * The broadcast shape of a and b (dimensions aligned from the right; each pair equal or one
     * of them 1), or an error naming the operation and both shapes.
     */
    static int[] broadcast(String op, int[] a, int[] b) {
        int rank = Math.max(a.length, b.length);
        int[] out = new int[rank];
        for (int i = 0; i < rank; i++) {
            int da = i < rank - a.length ? 1 : a[i - (rank - a.length)];
            int db = i < rank - b.length ? 1 : b[i - (rank - b.length)];
            if (da != db && da != 1 && db != 1) {
                throw new IllegalArgumentException(op + ": shapes " + Arrays.toString(a) + " and " + Arrays.toString(b)
                        + " do not broadcast (dimension " + i + " of the result: " + da + " against " + db + ")");
            }
            out[i] = da == 1 ? db : da;
        }
        return out;
    }

    /**
     * For each element of {@code out} (row-major), the index of the element of a tensor of shape
     * {@code in} that broadcasts to it.
     */
    static int[] broadcastIndex(int[] in, int[] out) {
        int n = size(out);
        int[] index = new int[n];
        int rank = out.length;
        int[] inStrides = new int[rank];
        int[] strides = strides(in);
        for (int d = 0; d < rank; d++) {
            int id = d - (rank - in.length);
            inStrides[d] = id < 0 || in[id] == 1 ? 0 : strides[id];
        }
        int[] counter = new int[rank];
        int at = 0;
        for (int i = 0; i < n; i++) {
            index[i] = at;
            for (int d = rank - 1; d >= 0; d--) {
                counter[d]++;
                at += inStrides[d];
                if (counter[d] < out[d]) {
                    break;
                }
                at -= inStrides[d] * counter[d];
                counter[d] = 0;
            }
        }
        return index;
    }

    /** {@code dim} of {@code shape} counted from the front (a negative one from the back), or an error naming {@code op}. */
    static int axis(String op, int dim, int[] shape) {
        int d = dim < 0 ? shape.length + dim : dim;
        if (d < 0 || d >= shape.length) {
            throw new IllegalArgumentException(op + ": dimension " + dim + " does not exist in shape " + Arrays.toString(shape));
        }
        return d;
    }

    /** The number of elements in the dimensions before {@code d}. */
    static int before(int[] shape, int d) {
        return size(Arrays.copyOf(shape, d));
    }

    /** The number of elements in the dimensions after {@code d}. */
    static int after(int[] shape, int d) {
        return size(Arrays.copyOfRange(shape, d + 1, shape.length));
    }
}
