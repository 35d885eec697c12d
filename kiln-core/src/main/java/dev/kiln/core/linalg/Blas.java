package dev.kiln.core.linalg;

import dev.kiln.core.parallel.Parallelism;

/**
 * Basic linear-algebra subprograms on row-major arrays, for doubles and floats: dot, axpy,
 * GEMV, GEMM and transpose. Element (i, j) of a matrix argument {@code (a, ao, lda)} lives at
 * {@code a[ao + i * lda + j]}. The kernels are SIMD where the Vector API is available
 * ({@code --add-modules jdk.incubator.vector}) and scalar otherwise; {@link #implementation()}
 * says which. GEMM uses {@link Parallelism#threads()} threads for large products unless told
 * otherwise, and gives bit-identical results for any thread count.
 */
public final class Blas {
    private Blas() {
    }

    /** Which kernels are in use, e.g. "SIMD, 512-bit vectors (8 doubles, 16 floats), GEMM tile 6x24". */
    public static String implementation() {
        return Kernels.active().description();
    }

    public static double dot(int n, double[] x, int xo, double[] y, int yo) {
        checkRange("x", x.length, xo, n);
        checkRange("y", y.length, yo, n);
        return Kernels.active().dot(n, x, xo, y, yo);
    }

    public static float dot(int n, float[] x, int xo, float[] y, int yo) {
        checkRange("x", x.length, xo, n);
        checkRange("y", y.length, yo, n);
        return Kernels.active().dot(n, x, xo, y, yo);
    }

    /** {@code y += alpha * x} over n elements. */
    public static void axpy(int n, double alpha, double[] x, int xo, double[] y, int yo) {
        checkRange("x", x.length, xo, n);
        checkRange("y", y.length, yo, n);
        Kernels.active().axpy(n, alpha, x, xo, y, yo);
    }

    /** {@code y += alpha * x} over n elements. */
    public static void axpy(int n, float alpha, float[] x, int xo, float[] y, int yo) {
        checkRange("x", x.length, xo, n);
        checkRange("y", y.length, yo, n);
        Kernels.active().axpy(n, alpha, x, xo, y, yo);
    }

    /**
     * {@code y = alpha * op(A) * x + beta * y}, where A is {@code m x n} and op transposes it
     * when {@code transA}; x and y are contiguous.
     */
    public static void dgemv(boolean transA, int m, int n, double alpha, double[] a, int ao, int lda,
                             double[] x, int xo, double beta, double[] y, int yo) {
        checkMatrix("A", a.length, ao, m, n, lda);
        int xn = transA ? m : n;
        int yn = transA ? n : m;
        checkRange("x", x.length, xo, xn);
        checkRange("y", y.length, yo, yn);
        Kernels k = Kernels.active();
        if (beta != 1.0) {
            for (int i = 0; i < yn; i++) {
                y[yo + i] = beta == 0.0 ? 0.0 : beta * y[yo + i];
            }
        }
        if (alpha == 0.0) {
            return;
        }
        if (transA) {
            for (int i = 0; i < m; i++) {
                k.axpy(n, alpha * x[xo + i], a, ao + i * lda, y, yo);
            }
        } else {
            for (int i = 0; i < m; i++) {
                y[yo + i] += alpha * k.dot(n, a, ao + i * lda, x, xo);
            }
        }
    }

    /**
     * {@code y = alpha * op(A) * x + beta * y}, where A is {@code m x n} and op transposes it
     * when {@code transA}; x and y are contiguous.
     */
    public static void sgemv(boolean transA, int m, int n, float alpha, float[] a, int ao, int lda,
                             float[] x, int xo, float beta, float[] y, int yo) {
        checkMatrix("A", a.length, ao, m, n, lda);
        int xn = transA ? m : n;
        int yn = transA ? n : m;
        checkRange("x", x.length, xo, xn);
        checkRange("y", y.length, yo, yn);
        Kernels k = Kernels.active();
        if (beta != 1.0f) {
            for (int i = 0; i < yn; i++) {
                y[yo + i] = beta == 0.0f ? 0.0f : beta * y[yo + i];
            }
        }
        if (alpha == 0.0f) {
            return;
        }
        if (transA) {
            for (int i = 0; i < m; i++) {
                k.axpy(n, alpha * x[xo + i], a, ao + i * lda, y, yo);
            }
        } else {
            for (int i = 0; i < m; i++) {
                y[yo + i] += alpha * k.dot(n, a, ao + i * lda, x, xo);
            }
        }
    }

    /**
     * {@code C = alpha * op(A) * op(B) + beta * C} with op(A) {@code m x k}, op(B) {@code k x n},
     * on up to {@link Parallelism#threads()} threads. With {@code beta == 0}, C need not be initialised.
     */
    public static void dgemm(boolean transA, boolean transB, int m, int n, int k, double alpha,
                             double[] a, int ao, int lda, double[] b, int bo, int ldb,
                             double beta, double[] c, int co, int ldc) {
        dgemm(transA, transB, m, n, k, alpha, a, ao, lda, b, bo, ldb, beta, c, co, ldc, Parallelism.threads());
    }

    /** As {@link #dgemm(boolean, boolean, int, int, int, double, double[], int, int, double[], int, int, double, double[], int, int)}, on at most {@code threads} threads. */
    public static void dgemm(boolean transA, boolean transB, int m, int n, int k, double alpha,
                             double[] a, int ao, int lda, double[] b, int bo, int ldb,
                             double beta, double[] c, int co, int ldc, int threads) {
        checkGemm(transA, transB, m, n, k, a.length, ao, lda, b.length, bo, ldb, c.length, co, ldc, threads);
        DoubleGemm.gemm(Kernels.active(), transA, transB, m, n, k, alpha, a, ao, lda, b, bo, ldb, beta, c, co, ldc, threads);
    }

    /**
     * {@code C = alpha * op(A) * op(B) + beta * C} for floats; see
     * {@link #dgemm(boolean, boolean, int, int, int, double, double[], int, int, double[], int, int, double, double[], int, int)}.
     */
    public static void sgemm(boolean transA, boolean transB, int m, int n, int k, float alpha,
                             float[] a, int ao, int lda, float[] b, int bo, int ldb,
                             float beta, float[] c, int co, int ldc) {
        sgemm(transA, transB, m, n, k, alpha, a, ao, lda, b, bo, ldb, beta, c, co, ldc, Parallelism.threads());
    }

    /** As {@link #sgemm(boolean, boolean, int, int, int, float, float[], int, int, float[], int, int, float, float[], int, int)}, on at most {@code threads} threads. */
    public static void sgemm(boolean transA, boolean transB, int m, int n, int k, float alpha,
                             float[] a, int ao, int lda, float[] b, int bo, int ldb,
                             float beta, float[] c, int co, int ldc, int threads) {
        checkGemm(transA, transB, m, n, k, a.length, ao, lda, b.length, bo, ldb, c.length, co, ldc, threads);
        FloatGemm.gemm(Kernels.active(), transA, transB, m, n, k, alpha, a, ao, lda, b, bo, ldb, beta, c, co, ldc, threads);
    }

    /** Writes the transpose of the {@code m x n} matrix A into the {@code n x m} matrix B. */
    public static void transpose(int m, int n, double[] a, int ao, int lda, double[] b, int bo, int ldb) {
        checkMatrix("A", a.length, ao, m, n, lda);
        checkMatrix("B", b.length, bo, n, m, ldb);
        final int block = 32;
        for (int i0 = 0; i0 < m; i0 += block) {
            int i1 = Math.min(m, i0 + block);
            for (int j0 = 0; j0 < n; j0 += block) {
                int j1 = Math.min(n, j0 + block);
                for (int i = i0; i < i1; i++) {
                    int src = ao + i * lda;
                    for (int j = j0; j < j1; j++) {
                        b[bo + j * ldb + i] = a[src + j];
                    }
                }
            }
        }
    }

    /** Writes the transpose of the {@code m x n} matrix A into the {@code n x m} matrix B. */
    public static void transpose(int m, int n, float[] a, int ao, int lda, float[] b, int bo, int ldb) {
        checkMatrix("A", a.length, ao, m, n, lda);
        checkMatrix("B", b.length, bo, n, m, ldb);
        final int block = 32;
        for (int i0 = 0; i0 < m; i0 += block) {
            int i1 = Math.min(m, i0 + block);
            for (int j0 = 0; j0 < n; j0 += block) {
                int j1 = Math.min(n, j0 + block);
                for (int i = i0; i < i1; i++) {
                    int src = ao + i * lda;
                    for (int j = j0; j < j1; j++) {
                        b[bo + j * ldb + i] = a[src + j];
                    }
                }
            }
        }
    }

    private static void checkGemm(boolean ta, boolean tb, int m, int n, int k, int aLen, int ao, int lda,
                                  int bLen, int bo, int ldb, int cLen, int co, int ldc, int threads) {
        if (m < 0 || n < 0 || k < 0) {
            throw new IllegalArgumentException("gemm dimensions must be >= 0, got m=" + m + " n=" + n + " k=" + k);
        }
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1, got " + threads);
        }
        checkMatrix(ta ? "A (transposed)" : "A", aLen, ao, ta ? k : m, ta ? m : k, lda);
        checkMatrix(tb ? "B (transposed)" : "B", bLen, bo, tb ? n : k, tb ? k : n, ldb);
        checkMatrix("C", cLen, co, m, n, ldc);
    }

    private static void checkMatrix(String name, int length, int offset, int rows, int cols, int ld) {
        if (rows < 0 || cols < 0) {
            throw new IllegalArgumentException(name + ": dimensions must be >= 0, got " + rows + "x" + cols);
        }
        if (ld < Math.max(1, cols)) {
            throw new IllegalArgumentException(name + ": leading dimension " + ld + " is less than its " + cols + " columns");
        }
        if (rows == 0 || cols == 0) {
            return;
        }
        long last = offset + (long) (rows - 1) * ld + cols;
        if (offset < 0 || last > length) {
            throw new IndexOutOfBoundsException(name + ": a " + rows + "x" + cols + " matrix at offset " + offset
                    + " with leading dimension " + ld + " needs " + last + " elements, the array has " + length);
        }
    }

    private static void checkRange(String name, int length, int offset, int n) {
        if (n < 0) {
            throw new IllegalArgumentException(name + ": length must be >= 0, got " + n);
        }
        if (offset < 0 || (long) offset + n > length) {
            throw new IndexOutOfBoundsException(name + ": " + n + " elements at offset " + offset
                    + " exceed an array of " + length);
        }
    }
}
