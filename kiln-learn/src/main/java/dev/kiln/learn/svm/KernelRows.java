package dev.kiln.learn.svm;

import dev.kiln.core.linalg.Blas;

/**
 * The training rows a solver's kernel matrix is made of, with their squared norms: computes
 * runs of one row's kernel values against the others (a SIMD matrix-vector product, then the
 * kernel), and follows the solver when it swaps two variables. Not thread-safe.
 */
final class KernelRows {
    private final double[] x;
    private final int dims;
    private final double[] norms;
    private final KernelFunction kernel;
    private final double[] swapBuffer;

    /** Over the {@code rows x dims} row-major {@code x}, which it keeps and reorders. */
    KernelRows(double[] x, int rows, int dims, KernelFunction kernel) {
        this.x = x;
        this.dims = dims;
        this.kernel = kernel;
        this.norms = new double[rows];
        if (kernel.needsNorms()) {
            for (int i = 0; i < rows; i++) {
                norms[i] = Blas.dot(dims, x, i * dims, x, i * dims);
            }
        }
        this.swapBuffer = new double[dims];
    }

    /** k(x_i, x_j) for j in [from, to), into {@code out[0 .. to − from)}. */
    void values(int i, int from, int to, double[] out) {
        if (to <= from) {
            return;
        }
        Blas.dgemv(false, to - from, dims, 1.0, x, from * dims, dims, x, i * dims, 0.0, out, 0);
        kernel.apply(out, 0, to - from, norms[i], norms, from);
    }

    /** k(x_i, x_i). */
    double self(int i) {
        return kernel.value(Blas.dot(dims, x, i * dims, x, i * dims), norms[i], norms[i]);
    }

    void swap(int i, int j) {
        System.arraycopy(x, i * dims, swapBuffer, 0, dims);
        System.arraycopy(x, j * dims, x, i * dims, dims);
        System.arraycopy(swapBuffer, 0, x, j * dims, dims);
        double t = norms[i];
        norms[i] = norms[j];
        norms[j] = t;
    }
}
