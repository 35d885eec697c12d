package dev.kiln.learn.svm;

import dev.kiln.core.linalg.Blas;
import dev.kiln.core.parallel.Parallelism;

/**
 * The training rows a solver's kernel matrix is made of, with their squared norms: computes
 * runs of one row's kernel values against the others, and follows the solver when it swaps two
 * variables. The rows are stored feature by feature (the transpose), so a run of dot products
 * x_i · x_j is a sum of d SIMD axpys over contiguous memory rather than many short dot
 * products, each ending in a horizontal sum. Not thread-safe (one solver uses it at a time).
 */
final class KernelRows {
    /** Multiply-adds worth handing to another thread. */
    private static final long PART_WORK = 1 << 19;

    private final double[] columns;
    private final int rows;
    private final int dims;
    private final double[] norms;
    private final KernelFunction kernel;
    private final double[] row;

    /** Over the {@code rows x dims} row-major {@code x}, which it does not keep. */
    KernelRows(double[] x, int rows, int dims, KernelFunction kernel) {
        this.rows = rows;
        this.dims = dims;
        this.kernel = kernel;
        this.columns = new double[rows * dims];
        Blas.transpose(rows, dims, x, 0, dims, columns, 0, Math.max(1, rows));
        this.norms = new double[rows];
        if (kernel.needsNorms()) {
            for (int i = 0; i < rows; i++) {
                norms[i] = Blas.dot(dims, x, i * dims, x, i * dims);
            }
        }
        this.row = new double[dims];
    }

    /**
     * k(x_i, x_j) for j in [from, to), into {@code out[0 .. to − from)}. Long runs are split among
     * threads; every value is computed the same way wherever the split falls.
     */
    void values(int i, int from, int to, double[] out) {
        if (to <= from) {
            return;
        }
        load(i);
        int len = to - from;
        int parts = (int) Math.max(1, Math.min(Parallelism.threads(), (long) len * dims / PART_WORK));
        Parallelism.forEachPart(parts, part -> {
            int a = (int) ((long) part * len / parts);
            int b = (int) ((long) (part + 1) * len / parts);
            Blas.dgemv(true, dims, b - a, 1.0, columns, from + a, rows, row, 0, 0.0, out, a);
            kernel.apply(out, a, b - a, norms[i], norms, from + a);
        });
    }

    /** k(x_i, x_i). */
    double self(int i) {
        load(i);
        return kernel.value(Blas.dot(dims, row, 0, row, 0), norms[i], norms[i]);
    }

    void swap(int i, int j) {
        for (int f = 0, o = 0; f < dims; f++, o += rows) {
            double t = columns[o + i];
            columns[o + i] = columns[o + j];
            columns[o + j] = t;
        }
        double t = norms[i];
        norms[i] = norms[j];
        norms[j] = t;
    }

    private void load(int i) {
        for (int f = 0, o = i; f < dims; f++, o += rows) {
            row[f] = columns[o];
        }
    }
}
