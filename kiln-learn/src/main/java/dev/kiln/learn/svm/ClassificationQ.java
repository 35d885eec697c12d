package dev.kiln.learn.svm;

/**
 * Q of the C-SVC dual: Q_ij = y_i y_j k(x_i, x_j), with a kernel cache, libsvm's {@code SVC_Q}.
 * Swapping variables swaps the training rows themselves, so the entries of the active variables
 * are one contiguous run.
 */
final class ClassificationQ implements QMatrix {
    private final KernelRows rows;
    private final byte[] y;
    private final KernelCache cache;
    private final double[] diagonal;
    private final double[] buffer;

    /** Over the row-major {@code x} with labels {@code y} = ±1. */
    ClassificationQ(double[] x, int dims, byte[] y, KernelFunction kernel, double cacheMegabytes) {
        int l = y.length;
        this.rows = new KernelRows(x, l, dims, kernel);
        this.y = y.clone();
        this.cache = new KernelCache(l, cacheMegabytes);
        this.diagonal = new double[l];
        for (int i = 0; i < l; i++) {
            diagonal[i] = rows.self(i);
        }
        this.buffer = new double[l];
    }

    @Override
    public float[] column(int i, int len) {
        return cache.column(i, len, this::fill);
    }

    private void fill(int i, float[] column, int from, int to) {
        rows.values(i, from, to, buffer);
        for (int j = from; j < to; j++) {
            column[j] = (float) (y[i] * y[j] * buffer[j - from]);
        }
    }

    @Override
    public double[] diagonal() {
        return diagonal;
    }

    @Override
    public void swap(int i, int j) {
        cache.swap(i, j);
        rows.swap(i, j);
        byte t = y[i];
        y[i] = y[j];
        y[j] = t;
        double d = diagonal[i];
        diagonal[i] = diagonal[j];
        diagonal[j] = d;
    }
}
