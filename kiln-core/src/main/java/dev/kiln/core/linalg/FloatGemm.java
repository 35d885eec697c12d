package dev.kiln.core.linalg;

import dev.kiln.core.parallel.Parallelism;
import java.util.Arrays;

/**
 * Blocked, packed GEMM for floats: {@code C = alpha * op(A) * op(B) + beta * C}, row-major.
 * Goto's layering (Goto and van de Geijn, "Anatomy of High-Performance Matrix Multiplication",
 * ACM TOMS 2008): a {@code KC x NC} block of B is packed once and reused for every
 * {@code MC x KC} block of A; the micro-kernel then streams A panels past a B panel held in L1.
 * Parallel runs give each thread its own columns (or rows) of C, so every element of C is
 * summed in the same order whatever the number of threads: results are bit-identical.
 *
 * <p>This is {@link DoubleGemm} with the element type changed; keep the two in step.
 */
final class FloatGemm {
    static final int KC = 256;
    static final int MC = 192;
    static final int NC = 4080;
    /** Below this many multiply-adds the packing costs more than it saves. */
    private static final long SMALL = 24 * 24 * 24;
    /** Work per extra thread before a second thread pays for its start. */
    private static final long PER_THREAD = 64 * 64 * 64;

    private static final ThreadLocal<float[][]> BUFFERS = ThreadLocal.withInitial(() -> new float[3][0]);

    private FloatGemm() {
    }

    static void gemm(Kernels kernels, boolean ta, boolean tb, int m, int n, int k, float alpha,
                     float[] a, int ao, int lda, float[] b, int bo, int ldb,
                     float beta, float[] c, int co, int ldc, int threads) {
        if (m == 0 || n == 0) {
            return;
        }
        if (beta != 1.0f) {
            for (int i = 0; i < m; i++) {
                int r = co + i * ldc;
                if (beta == 0.0f) {
                    Arrays.fill(c, r, r + n, 0.0f);
                } else {
                    for (int j = 0; j < n; j++) {
                        c[r + j] *= beta;
                    }
                }
            }
        }
        if (k == 0 || alpha == 0.0f) {
            return;
        }
        long work = (long) m * n * k;
        if (work <= SMALL) {
            small(ta, tb, m, n, k, alpha, a, ao, lda, b, bo, ldb, c, co, ldc);
            return;
        }
        int mr = kernels.floatMr();
        int nr = kernels.floatNr();
        int parts = (int) Math.max(1, Math.min(threads, work / PER_THREAD));
        int colTiles = (n + nr - 1) / nr;
        int rowTiles = (m + mr - 1) / mr;
        if (parts == 1) {
            blocked(kernels, ta, tb, 0, m, 0, n, k, alpha, a, ao, lda, b, bo, ldb, c, co, ldc);
        } else if (rowTiles < 4 * parts && colTiles >= rowTiles) {
            int p = Math.min(parts, colTiles);
            Parallelism.forEachPart(p, part -> {
                int from = split(colTiles, p, part) * nr;
                int to = Math.min(n, split(colTiles, p, part + 1) * nr);
                blocked(kernels, ta, tb, 0, m, from, to, k, alpha, a, ao, lda, b, bo, ldb, c, co, ldc);
            });
        } else {
            int p = Math.min(parts, rowTiles);
            Parallelism.forEachPart(p, part -> {
                int from = split(rowTiles, p, part) * mr;
                int to = Math.min(m, split(rowTiles, p, part + 1) * mr);
                blocked(kernels, ta, tb, from, to, 0, n, k, alpha, a, ao, lda, b, bo, ldb, c, co, ldc);
            });
        }
    }

    /** The first of {@code total} items in part {@code part} of {@code parts} near-equal parts. */
    private static int split(int total, int parts, int part) {
        return (int) ((long) total * part / parts);
    }

    private static void blocked(Kernels kernels, boolean ta, boolean tb, int m0, int m1, int n0, int n1, int k,
                                float alpha, float[] a, int ao, int lda, float[] b, int bo, int ldb,
                                float[] c, int co, int ldc) {
        int mr = kernels.floatMr();
        int nr = kernels.floatNr();
        int mcMax = MC / mr * mr;
        int ncMax = NC / nr * nr;
        int kcMax = Math.min(KC, k);
        float[][] buffers = BUFFERS.get();
        float[] ap = buffer(buffers, 0, kcMax * roundUp(Math.min(mcMax, m1 - m0), mr));
        float[] bp = buffer(buffers, 1, kcMax * roundUp(Math.min(ncMax, n1 - n0), nr));
        float[] tile = buffer(buffers, 2, mr * nr);
        for (int jc = n0; jc < n1; jc += ncMax) {
            int nc = Math.min(ncMax, n1 - jc);
            for (int pc = 0; pc < k; pc += kcMax) {
                int kc = Math.min(kcMax, k - pc);
                packB(tb, b, bo, ldb, pc, kc, jc, nc, nr, bp);
                for (int ic = m0; ic < m1; ic += mcMax) {
                    int mc = Math.min(mcMax, m1 - ic);
                    packA(ta, a, ao, lda, ic, mc, pc, kc, mr, ap);
                    for (int jr = 0; jr < nc; jr += nr) {
                        int nw = Math.min(nr, nc - jr);
                        for (int ir = 0; ir < mc; ir += mr) {
                            int mh = Math.min(mr, mc - ir);
                            int cOff = co + (ic + ir) * ldc + jc + jr;
                            if (mh == mr && nw == nr) {
                                kernels.floatKernel(kc, ap, ir * kc, bp, jr * kc, alpha, c, cOff, ldc);
                            } else {
                                // The same single rounding as a full tile: tile = A·B exactly, then one fma.
                                Arrays.fill(tile, 0.0f);
                                kernels.floatKernel(kc, ap, ir * kc, bp, jr * kc, 1.0f, tile, 0, nr);
                                for (int i = 0; i < mh; i++) {
                                    for (int j = 0; j < nw; j++) {
                                        int at = cOff + i * ldc + j;
                                        c[at] = Math.fma(tile[i * nr + j], alpha, c[at]);
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    /** Packs op(A)[ic:ic+mc, pc:pc+kc] as panels of mr rows, column by column, zero-padded. */
    private static void packA(boolean ta, float[] a, int ao, int lda, int ic, int mc, int pc, int kc, int mr, float[] ap) {
        for (int ir = 0; ir < mc; ir += mr) {
            int rows = Math.min(mr, mc - ir);
            int dst = ir * kc;
            if (ta) {
                for (int p = 0; p < kc; p++) {
                    int src = ao + (pc + p) * lda + ic + ir;
                    int d = dst + p * mr;
                    System.arraycopy(a, src, ap, d, rows);
                    for (int i = rows; i < mr; i++) {
                        ap[d + i] = 0.0f;
                    }
                }
            } else {
                for (int i = 0; i < rows; i++) {
                    int src = ao + (ic + ir + i) * lda + pc;
                    for (int p = 0; p < kc; p++) {
                        ap[dst + p * mr + i] = a[src + p];
                    }
                }
                for (int i = rows; i < mr; i++) {
                    for (int p = 0; p < kc; p++) {
                        ap[dst + p * mr + i] = 0.0f;
                    }
                }
            }
        }
    }

    /** Packs op(B)[pc:pc+kc, jc:jc+nc] as panels of nr columns, row by row, zero-padded. */
    private static void packB(boolean tb, float[] b, int bo, int ldb, int pc, int kc, int jc, int nc, int nr, float[] bp) {
        for (int jr = 0; jr < nc; jr += nr) {
            int cols = Math.min(nr, nc - jr);
            int dst = jr * kc;
            if (tb) {
                for (int j = 0; j < cols; j++) {
                    int src = bo + (jc + jr + j) * ldb + pc;
                    for (int p = 0; p < kc; p++) {
                        bp[dst + p * nr + j] = b[src + p];
                    }
                }
                if (cols < nr) {
                    for (int p = 0; p < kc; p++) {
                        Arrays.fill(bp, dst + p * nr + cols, dst + (p + 1) * nr, 0.0f);
                    }
                }
            } else {
                for (int p = 0; p < kc; p++) {
                    int d = dst + p * nr;
                    System.arraycopy(b, bo + (pc + p) * ldb + jc + jr, bp, d, cols);
                    if (cols < nr) {
                        Arrays.fill(bp, d + cols, d + nr, 0.0f);
                    }
                }
            }
        }
    }

    private static void small(boolean ta, boolean tb, int m, int n, int k, float alpha,
                              float[] a, int ao, int lda, float[] b, int bo, int ldb, float[] c, int co, int ldc) {
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                float s = 0.0f;
                for (int p = 0; p < k; p++) {
                    float av = ta ? a[ao + p * lda + i] : a[ao + i * lda + p];
                    float bv = tb ? b[bo + j * ldb + p] : b[bo + p * ldb + j];
                    s += av * bv;
                }
                c[co + i * ldc + j] += alpha * s;
            }
        }
    }

    private static float[] buffer(float[][] buffers, int which, int size) {
        if (buffers[which].length < size) {
            buffers[which] = new float[size];
        }
        return buffers[which];
    }

    private static int roundUp(int x, int multiple) {
        return (x + multiple - 1) / multiple * multiple;
    }
}
