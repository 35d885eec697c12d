package dev.kiln.text.vectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.kiln.core.random.Rng;
import org.junit.jupiter.api.Test;

/**
 * The kernels against their definitions evaluated in double precision, for every length from 0
 * to 70 (whole vectors and every remainder, at any vector width up to 16 floats) and offsets.
 */
class VectorKernelsTest {
    private static final Rng RNG = Rng.seeded(42);

    @Test
    void dotMatchesTheDefinition() {
        for (int n = 0; n <= 70; n++) {
            float[] x = random(n + 3);
            float[] y = random(n + 5);
            double expected = 0;
            for (int i = 0; i < n; i++) {
                expected += (double) x[3 + i] * y[5 + i];
            }
            assertThat((double) VectorKernels.dot(x, 3, y, 5, n)).as("n = %d", n).isCloseTo(expected, within(1e-5));
        }
    }

    @Test
    void axpyAndTheNegativeSamplingUpdateMatchTheDefinitions() {
        for (int n = 0; n <= 70; n++) {
            float[] x = random(n + 2);
            float[] y = random(n + 1);
            float[] y0 = y.clone();
            VectorKernels.axpy(0.3f, x, 2, y, 1, n);
            for (int i = 0; i < n; i++) {
                assertThat(y[1 + i]).isCloseTo(y0[1 + i] + 0.3f * x[2 + i], within(1e-6f));
            }
            assertThat(y[0]).isEqualTo(y0[0]);

            float[] out = random(n + 4);
            float[] in = random(n + 1);
            float[] err = random(n);
            float[] out0 = out.clone();
            float[] err0 = err.clone();
            VectorKernels.update(-0.7f, out, 4, in, 1, err, n);
            for (int i = 0; i < n; i++) {
                assertThat(err[i]).isCloseTo(err0[i] - 0.7f * out0[4 + i], within(1e-6f));
                assertThat(out[4 + i]).isCloseTo(out0[4 + i] - 0.7f * in[1 + i], within(1e-6f));
            }
        }
    }

    @Test
    void adaGradStepsWithTheOldValuesAndClips() {
        for (int n = 0; n <= 70; n++) {
            float[] w = random(n + 1);
            float[] c = random(n + 2);
            float[] gw = positive(n + 1);
            float[] gc = positive(n + 2);
            c[2 % Math.max(1, c.length)] = 50f;
            float[] w0 = w.clone();
            float[] c0 = c.clone();
            float[] gw0 = gw.clone();
            float[] gc0 = gc.clone();
            float step = 0.9f;
            float clip = 10f;
            VectorKernels.adaGrad(step, clip, w, 1, gw, c, 2, gc, n);
            for (int i = 0; i < n; i++) {
                double u = Math.max(-clip, Math.min(clip, step * c0[2 + i]));
                double v = Math.max(-clip, Math.min(clip, step * w0[1 + i]));
                assertThat((double) w[1 + i]).isCloseTo(w0[1 + i] - u / Math.sqrt(gw0[1 + i]), within(1e-5));
                assertThat((double) c[2 + i]).isCloseTo(c0[2 + i] - v / Math.sqrt(gc0[2 + i]), within(1e-5));
                assertThat((double) gw[1 + i]).isCloseTo(gw0[1 + i] + u * u, within(1e-4));
                assertThat((double) gc[2 + i]).isCloseTo(gc0[2 + i] + v * v, within(1e-4));
            }
        }
    }

    @Test
    void dotIsReproducibleBitForBit() {
        float[] x = random(100);
        float[] y = random(100);
        float first = VectorKernels.dot(x, 0, y, 0, 100);
        for (int i = 0; i < 20_000; i++) {
            assertThat(VectorKernels.dot(x, 0, y, 0, 100)).isEqualTo(first);
        }
    }

    private static float[] random(int n) {
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            v[i] = (float) RNG.nextGaussian();
        }
        return v;
    }

    private static float[] positive(int n) {
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            v[i] = 1 + (float) RNG.nextDouble() * 3;
        }
        return v;
    }
}
