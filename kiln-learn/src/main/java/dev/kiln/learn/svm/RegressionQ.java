package dev.kiln.learn.svm;

/**
 * Q of the ε-SVR dual over 2l variables (α, α*): Q = [K −K; −K K], libsvm's {@code SVR_Q}. The
 * cache holds full columns of K by training row; a column of Q is assembled from one of them
 * with the variables' signs and current order, into one of two alternating buffers (the solver
 * reads two columns at once).
 */
final class RegressionQ implements QMatrix {
    private final int l;
    private final KernelRows rows;
    private final KernelCache cache;
    private final byte[] sign;
    private final int[] index;
    private final double[] diagonal;
    private final float[][] buffers;
    private final double[] values;
    private int nextBuffer;

    RegressionQ(double[] x, int l, int dims, KernelFunction kernel, double cacheMegabytes) {
        this.l = l;
        this.rows = new KernelRows(x, l, dims, kernel);
        this.cache = new KernelCache(l, cacheMegabytes);
        this.sign = new byte[2 * l];
        this.index = new int[2 * l];
        this.diagonal = new double[2 * l];
        for (int k = 0; k < l; k++) {
            sign[k] = 1;
            sign[k + l] = -1;
            index[k] = k;
            index[k + l] = k;
            diagonal[k] = rows.self(k);
            diagonal[k + l] = diagonal[k];
        }
        this.buffers = new float[2][2 * l];
        this.values = new double[l];
    }

    @Override
    public float[] column(int i, int len) {
        float[] k = cache.column(index[i], l, this::fill);
        float[] out = buffers[nextBuffer];
        nextBuffer = 1 - nextBuffer;
        float si = sign[i];
        for (int j = 0; j < len; j++) {
            out[j] = si * sign[j] * k[index[j]];
        }
        return out;
    }

    private void fill(int r, float[] column, int from, int to) {
        rows.values(r, from, to, values);
        for (int j = from; j < to; j++) {
            column[j] = (float) values[j - from];
        }
    }

    @Override
    public double[] diagonal() {
        return diagonal;
    }

    @Override
    public void swap(int i, int j) {
        byte s = sign[i];
        sign[i] = sign[j];
        sign[j] = s;
        int t = index[i];
        index[i] = index[j];
        index[j] = t;
        double d = diagonal[i];
        diagonal[i] = diagonal[j];
        diagonal[j] = d;
    }
}
