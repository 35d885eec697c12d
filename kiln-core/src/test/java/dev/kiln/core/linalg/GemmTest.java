package dev.kiln.core.linalg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kiln.core.random.Rng;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * GEMM against a plain triple loop (the textbook definition of the product), over random
 * shapes that hit every edge of the blocking: sizes below, at and above the micro-tile, the
 * cache blocks, transposes, offsets, leading dimensions larger than the width, and alpha/beta.
 */
class GemmTest {
    private static final List<Kernels> KERNELS = List.of(
            new ScalarKernels(), SimdKernels.withTileRows(4), SimdKernels.withTileRows(6));

    @Test
    void doubleProductsMatchTheDefinitionForRandomShapes() {
        Rng rng = Rng.seeded(20261121);
        for (int trial = 0; trial < 120; trial++) {
            int m = size(rng);
            int n = size(rng);
            int k = size(rng);
            boolean ta = rng.nextBoolean();
            boolean tb = rng.nextBoolean();
            double alpha = trial % 4 == 0 ? 1.0 : rng.nextDouble() * 4 - 2;
            double beta = trial % 3 == 0 ? 0.0 : trial % 3 == 1 ? 1.0 : rng.nextDouble() * 2 - 1;
            Operands o = Operands.random(rng, ta, tb, m, n, k);
            double[] expected = o.c.clone();
            reference(ta, tb, m, n, k, alpha, o, beta, expected);
            for (Kernels kernels : KERNELS) {
                for (int threads : new int[] {1, 3}) {
                    double[] c = o.c.clone();
                    DoubleGemm.gemm(kernels, ta, tb, m, n, k, alpha, o.a, o.ao, o.lda, o.b, o.bo, o.ldb, beta, c, o.co, o.ldc, threads);
                    double tolerance = 1e-12 * Math.max(1, k);
                    for (int i = 0; i < c.length; i++) {
                        assertThat(c[i]).as("trial %d %s m=%d n=%d k=%d ta=%s tb=%s threads=%d element %d",
                                trial, kernels.description(), m, n, k, ta, tb, threads, i)
                                .isCloseTo(expected[i], org.assertj.core.data.Offset.offset(tolerance));
                    }
                }
            }
        }
    }

    @Test
    void floatProductsMatchTheDefinitionForRandomShapes() {
        Rng rng = Rng.seeded(7);
        for (int trial = 0; trial < 60; trial++) {
            int m = size(rng);
            int n = size(rng);
            int k = size(rng);
            boolean ta = rng.nextBoolean();
            boolean tb = rng.nextBoolean();
            float alpha = trial % 2 == 0 ? 1f : 0.5f;
            float beta = trial % 3 == 0 ? 0f : 1f;
            int aRows = ta ? k : m;
            int aCols = ta ? m : k;
            int bRows = tb ? n : k;
            int bCols = tb ? k : n;
            float[] a = randomFloats(rng, aRows * aCols);
            float[] b = randomFloats(rng, bRows * bCols);
            float[] c0 = randomFloats(rng, m * n);
            for (Kernels kernels : KERNELS) {
                float[] c = c0.clone();
                FloatGemm.gemm(kernels, ta, tb, m, n, k, alpha, a, 0, aCols, b, 0, bCols, beta, c, 0, n, 2);
                for (int i = 0; i < m; i++) {
                    for (int j = 0; j < n; j++) {
                        double s = 0;
                        for (int p = 0; p < k; p++) {
                            double av = ta ? a[p * aCols + i] : a[i * aCols + p];
                            double bv = tb ? b[j * bCols + p] : b[p * bCols + j];
                            s += av * bv;
                        }
                        double want = alpha * s + beta * c0[i * n + j];
                        assertThat((double) c[i * n + j]).as("%s trial %d (%d,%d)", kernels.description(), trial, i, j)
                                .isCloseTo(want, org.assertj.core.data.Offset.offset(2e-5 * Math.max(1, k)));
                    }
                }
            }
        }
    }

    @Test
    void resultsAreBitIdenticalForAnyThreadCount() {
        Rng rng = Rng.seeded(99);
        int m = 301;
        int n = 517;
        int k = 263;
        double[] a = Matrix.gaussian(m, k, rng).storage();
        double[] b = Matrix.gaussian(k, n, rng).storage();
        double[] one = new double[m * n];
        Blas.dgemm(false, false, m, n, k, 1.0, a, 0, k, b, 0, n, 0.0, one, 0, n, 1);
        for (int threads = 2; threads <= 5; threads++) {
            double[] many = new double[m * n];
            Blas.dgemm(false, false, m, n, k, 1.0, a, 0, k, b, 0, n, 0.0, many, 0, n, threads);
            assertThat(many).as("%d threads", threads).isEqualTo(one);
        }
        // Tall and thin splits by rows instead of columns.
        double[] tall = Matrix.gaussian(4000, 40, rng).storage();
        double[] small = Matrix.gaussian(40, 8, rng).storage();
        double[] c1 = new double[4000 * 8];
        double[] c2 = new double[4000 * 8];
        Blas.dgemm(false, false, 4000, 8, 40, 1.0, tall, 0, 40, small, 0, 8, 0.0, c1, 0, 8, 1);
        Blas.dgemm(false, false, 4000, 8, 40, 1.0, tall, 0, 40, small, 0, 8, 0.0, c2, 0, 8, 2);
        assertThat(c2).isEqualTo(c1);
    }

    @Test
    void betaZeroOverwritesWhateverWasInC() {
        double[] a = {1, 2, 3, 4};
        double[] b = {5, 6, 7, 8};
        double[] c = {Double.NaN, Double.POSITIVE_INFINITY, Double.NaN, Double.NaN};
        Blas.dgemm(false, false, 2, 2, 2, 1.0, a, 0, 2, b, 0, 2, 0.0, c, 0, 2);
        // [1 2; 3 4] [5 6; 7 8] = [19 22; 43 50]
        assertThat(c).containsExactly(19, 22, 43, 50);
    }

    @Test
    void emptyDimensionsOnlyScaleC() {
        double[] c = {1, 2, 3, 4};
        Blas.dgemm(false, false, 2, 2, 0, 1.0, new double[0], 0, 1, new double[0], 0, 2, 3.0, c, 0, 2);
        assertThat(c).containsExactly(3, 6, 9, 12);
        Blas.dgemm(false, false, 0, 2, 5, 1.0, new double[0], 0, 5, new double[10], 0, 2, 0.0, new double[0], 0, 2);
    }

    @Test
    void badArgumentsNameTheOperandAndTheSizes() {
        assertThatThrownBy(() -> Blas.dgemm(false, false, 3, 3, 3, 1, new double[8], 0, 3, new double[9], 0, 3, 0, new double[9], 0, 3))
                .isInstanceOf(IndexOutOfBoundsException.class)
                .hasMessageContaining("A: a 3x3 matrix").hasMessageContaining("needs 9 elements, the array has 8");
        assertThatThrownBy(() -> Blas.dgemm(false, true, 2, 2, 2, 1, new double[4], 0, 1, new double[4], 0, 2, 0, new double[4], 0, 2))
                .hasMessageContaining("A: leading dimension 1 is less than its 2 columns");
        assertThatThrownBy(() -> Blas.dgemm(false, false, -1, 2, 2, 1, new double[4], 0, 2, new double[4], 0, 2, 0, new double[4], 0, 2))
                .hasMessageContaining("m=-1");
    }

    private static int size(Rng rng) {
        int pick = rng.nextInt(10);
        return switch (pick) {
            case 0 -> 1 + rng.nextInt(3);
            case 1 -> 5 + rng.nextInt(3);
            case 2 -> 23 + rng.nextInt(3);
            case 3 -> 47 + rng.nextInt(3);
            case 4 -> 190 + rng.nextInt(6);
            case 5 -> 250 + rng.nextInt(12);
            default -> 1 + rng.nextInt(80);
        };
    }

    private static float[] randomFloats(Rng rng, int n) {
        float[] x = new float[n];
        for (int i = 0; i < n; i++) {
            x[i] = rng.nextFloat() * 2 - 1;
        }
        return x;
    }

    private static void reference(boolean ta, boolean tb, int m, int n, int k, double alpha, Operands o, double beta, double[] c) {
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                double s = 0;
                for (int p = 0; p < k; p++) {
                    double av = ta ? o.a[o.ao + p * o.lda + i] : o.a[o.ao + i * o.lda + p];
                    double bv = tb ? o.b[o.bo + j * o.ldb + p] : o.b[o.bo + p * o.ldb + j];
                    s += av * bv;
                }
                int idx = o.co + i * o.ldc + j;
                c[idx] = alpha * s + (beta == 0 ? 0 : beta * c[idx]);
            }
        }
    }

    /** Operands embedded in larger arrays at random offsets with padded leading dimensions. */
    private record Operands(double[] a, int ao, int lda, double[] b, int bo, int ldb, double[] c, int co, int ldc) {
        static Operands random(Rng rng, boolean ta, boolean tb, int m, int n, int k) {
            int aRows = ta ? k : m;
            int aCols = ta ? m : k;
            int bRows = tb ? n : k;
            int bCols = tb ? k : n;
            int lda = aCols + rng.nextInt(3);
            int ldb = bCols + rng.nextInt(3);
            int ldc = n + rng.nextInt(3);
            int ao = rng.nextInt(4);
            int bo = rng.nextInt(4);
            int co = rng.nextInt(4);
            return new Operands(fill(rng, ao + aRows * lda), ao, lda, fill(rng, bo + bRows * ldb), bo, ldb,
                    fill(rng, co + m * ldc), co, ldc);
        }

        private static double[] fill(Rng rng, int n) {
            double[] x = new double[n];
            for (int i = 0; i < n; i++) {
                x[i] = rng.nextGaussian();
            }
            return x;
        }
    }
}
