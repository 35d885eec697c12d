package dev.kiln.learn.svm;

import dev.kiln.core.linalg.Blas;
import dev.kiln.core.parallel.Parallelism;

/**
 * Evaluates functions of the form f(x) = Σ_j c_j k(x, s_j) over fixed vectors s_j (the support
 * vectors) for many rows x at once: a block of rows meets all vectors in one GEMM, the kernel is
 * applied to the block, and each row's kernel values are reduced to its outputs. Blocks of rows
 * run in parallel; each row's outputs depend on that row only. Immutable.
 */
final class KernelExpansion {
    private static final int BLOCK = 64;

    /** Reduces one row's kernel values {@code k[offset .. offset + count)} to its outputs {@code out[outOffset ..]}. */
    interface Reduction {
        void reduce(double[] k, int offset, double[] out, int outOffset);
    }

    private final KernelFunction kernel;
    private final double[] vectors;
    private final int count;
    private final int dims;
    private final double[] norms;

    /** Over the {@code count x dims} row-major {@code vectors}, which it keeps. */
    KernelExpansion(KernelFunction kernel, double[] vectors, int count, int dims) {
        this.kernel = kernel;
        this.vectors = vectors;
        this.count = count;
        this.dims = dims;
        this.norms = squaredNorms(vectors, 0, count, dims);
    }

    /** The {@code outputs} values of each of the {@code m} row-major rows {@code x}, as an {@code m x outputs} array. */
    double[] evaluate(double[] x, int m, int outputs, Reduction reduction) {
        double[] out = new double[m * outputs];
        int threads = Parallelism.threads();
        int parts = threads == 1 ? 1 : Math.max(1, Math.min(4 * threads, m / BLOCK));
        Parallelism.forEachPart(parts, part -> {
            int from = (int) ((long) part * m / parts);
            int to = (int) ((long) (part + 1) * m / parts);
            double[] k = new double[BLOCK * Math.max(1, count)];
            for (int r0 = from; r0 < to; r0 += BLOCK) {
                int rows = Math.min(BLOCK, to - r0);
                if (count > 0) {
                    Blas.dgemm(false, true, rows, count, dims, 1.0, x, r0 * dims, dims, vectors, 0, dims, 0.0, k, 0, count, 1);
                }
                double[] rowNorms = kernel.needsNorms() ? squaredNorms(x, r0, r0 + rows, dims) : null;
                for (int r = 0; r < rows; r++) {
                    kernel.apply(k, r * count, count, rowNorms == null ? 0 : rowNorms[r], norms, 0);
                    reduction.reduce(k, r * count, out, (r0 + r) * outputs);
                }
            }
        });
        return out;
    }

    private static double[] squaredNorms(double[] x, int from, int to, int dims) {
        double[] out = new double[to - from];
        for (int i = from; i < to; i++) {
            out[i - from] = Blas.dot(dims, x, i * dims, x, i * dims);
        }
        return out;
    }
}
