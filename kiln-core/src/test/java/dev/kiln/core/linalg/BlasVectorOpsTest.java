package dev.kiln.core.linalg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.kiln.core.random.Rng;
import org.junit.jupiter.api.Test;

/** dot, axpy, GEMV and transpose against their definitions, for every length around the vector width. */
class BlasVectorOpsTest {

    @Test
    void dotAndAxpyMatchScalarLoopsAtEveryLengthAndOffset() {
        Rng rng = Rng.seeded(1);
        Kernels[] impls = {new ScalarKernels(), SimdKernels.withTileRows(6), Kernels.active()};
        for (int n = 0; n <= 70; n++) {
            int xo = rng.nextInt(5);
            int yo = rng.nextInt(5);
            double[] x = gaussian(rng, xo + n + 3);
            double[] y = gaussian(rng, yo + n + 3);
            double want = 0;
            for (int i = 0; i < n; i++) {
                want += x[xo + i] * y[yo + i];
            }
            for (Kernels k : impls) {
                assertThat(k.dot(n, x, xo, y, yo)).as("%s n=%d", k.description(), n).isCloseTo(want, within(1e-12));
                double[] yy = y.clone();
                k.axpy(n, 0.75, x, xo, yy, yo);
                for (int i = 0; i < yy.length; i++) {
                    boolean inside = i >= yo && i < yo + n;
                    double expected = inside ? y[i] + 0.75 * x[xo + i - yo] : y[i];
                    assertThat(yy[i]).as("%s n=%d i=%d", k.description(), n, i).isCloseTo(expected, within(1e-15));
                }
                float[] xf = toFloats(x);
                float[] yf = toFloats(y);
                assertThat((double) k.dot(n, xf, xo, yf, yo)).isCloseTo(want, within(1e-4 * Math.max(1, n)));
            }
        }
    }

    @Test
    void simdDotSumsInOneFixedOrderBeforeAndAfterCompilation() {
        // Four accumulators of l lanes over blocks of 4l, then accumulator 0 over blocks of l, combined as
        // (s0 + s1) + (s2 + s3) lane by lane, the lanes summed from lane 0, then the tail by fused multiply-adds.
        // Called often enough for the JIT to compile it, it must give these bits every time; terms of very
        // different sizes make any other order show.
        Rng rng = Rng.seeded(5);
        SimdKernels k = SimdKernels.withTileRows(6);
        int l = SimdKernels.DS.length();
        for (int n : new int[] {l + 1, 3 * l + 5, 4 * l + 3, 9 * l + 2}) {
            double[] x = gaussian(rng, n);
            double[] y = gaussian(rng, n);
            for (int i = 0; i < n; i++) {
                y[i] *= Math.pow(10, rng.nextInt(8));
            }
            double want = orderedDot(n, l, x, y);
            for (int call = 0; call < 20_000; call++) {
                assertThat(k.dot(n, x, 0, y, 0)).as("n=%d, call %d", n, call).isEqualTo(want);
            }
        }
    }

    private static double orderedDot(int n, int l, double[] x, double[] y) {
        double[][] acc = new double[4][l];
        int i = 0;
        for (; i + 4 * l <= n; i += 4 * l) {
            for (int b = 0; b < 4; b++) {
                for (int t = 0; t < l; t++) {
                    acc[b][t] = Math.fma(x[i + b * l + t], y[i + b * l + t], acc[b][t]);
                }
            }
        }
        for (; i + l <= n; i += l) {
            for (int t = 0; t < l; t++) {
                acc[0][t] = Math.fma(x[i + t], y[i + t], acc[0][t]);
            }
        }
        double sum = 0;
        for (int t = 0; t < l; t++) {
            sum += (acc[0][t] + acc[1][t]) + (acc[2][t] + acc[3][t]);
        }
        for (; i < n; i++) {
            sum = Math.fma(x[i], y[i], sum);
        }
        return sum;
    }

    @Test
    void gemvMatchesTheDefinitionBothWays() {
        Rng rng = Rng.seeded(2);
        Matrix a = Matrix.gaussian(37, 53, rng);
        double[] x = gaussian(rng, 53);
        double[] y = gaussian(rng, 37);
        double[] out = y.clone();
        Blas.dgemv(false, 37, 53, 2.0, a.storage(), 0, 53, x, 0, 0.5, out, 0);
        for (int i = 0; i < 37; i++) {
            double s = 0;
            for (int j = 0; j < 53; j++) {
                s += a.get(i, j) * x[j];
            }
            assertThat(out[i]).isCloseTo(2 * s + 0.5 * y[i], within(1e-12));
        }
        double[] xt = gaussian(rng, 37);
        double[] outT = new double[53];
        Blas.dgemv(true, 37, 53, 1.0, a.storage(), 0, 53, xt, 0, 0.0, outT, 0);
        for (int j = 0; j < 53; j++) {
            double s = 0;
            for (int i = 0; i < 37; i++) {
                s += a.get(i, j) * xt[i];
            }
            assertThat(outT[j]).isCloseTo(s, within(1e-12));
        }
    }

    @Test
    void transposeMovesEveryElement() {
        Rng rng = Rng.seeded(3);
        Matrix a = Matrix.gaussian(70, 33, rng);
        Matrix t = a.transpose();
        assertThat(t.rows()).isEqualTo(33);
        for (int i = 0; i < 70; i++) {
            for (int j = 0; j < 33; j++) {
                assertThat(t.get(j, i)).isEqualTo(a.get(i, j));
            }
        }
    }

    @Test
    void rangesOutsideTheArrayAreRejected() {
        assertThatThrownBy(() -> Blas.dot(5, new double[4], 0, new double[5], 0))
                .isInstanceOf(IndexOutOfBoundsException.class).hasMessageContaining("x: 5 elements at offset 0 exceed an array of 4");
        assertThatThrownBy(() -> Blas.axpy(2, 1.0, new double[3], 2, new double[3], 0))
                .hasMessageContaining("x: 2 elements at offset 2");
    }

    private static double[] gaussian(Rng rng, int n) {
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = rng.nextGaussian();
        }
        return x;
    }

    private static float[] toFloats(double[] x) {
        float[] f = new float[x.length];
        for (int i = 0; i < x.length; i++) {
            f[i] = (float) x[i];
        }
        return f;
    }
}
