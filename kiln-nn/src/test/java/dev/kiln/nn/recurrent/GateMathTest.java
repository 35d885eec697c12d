package dev.kiln.nn.recurrent;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kiln.core.math.Exp;
import dev.kiln.core.random.Rng;
import org.junit.jupiter.api.Test;

/**
 * The gate activations agree with {@link Math}'s σ and tanh to within an ulp of float, and with the
 * scalar formula on {@link Exp#of} bit for bit (the SIMD path of {@link Exp} performs the same
 * operations), on random runs of every length and offset, the extremes included.
 */
class GateMathTest {
    private final Rng rng = Rng.seeded(3);

    private float[] random(int n) {
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            v[i] = (float) (rng.nextGaussian() * (rng.nextBoolean() ? 1 : 12));
        }
        return v;
    }

    @Test
    void sigmoidAndTanhAreCorrectlyRoundedAndReproducible() {
        for (int trial = 0; trial < 300; trial++) {
            int n = 1 + rng.nextInt(70);
            int off = rng.nextInt(5);
            float[] x = random(n + off);
            float[] s = x.clone();
            float[] t = x.clone();
            GateMath.sigmoid(s, off, n);
            GateMath.tanh(t, off, n);
            for (int i = 0; i < off; i++) {
                assertThat(s[i]).isEqualTo(x[i]);
            }
            for (int i = off; i < off + n; i++) {
                double xi = x[i];
                float sigmoid = (float) (1 / (1 + Math.exp(-xi)));
                float tanh = (float) Math.tanh(xi);
                assertThat(Math.abs(s[i] - sigmoid)).as("σ(%s)", xi).isLessThanOrEqualTo(Math.ulp(sigmoid));
                assertThat(Math.abs(t[i] - tanh)).as("tanh(%s)", xi).isLessThanOrEqualTo(Math.ulp(tanh));
                double e = Exp.of(-Math.abs(xi));
                assertThat(s[i]).isEqualTo((float) ((xi >= 0 ? 1 : e) / (1 + e)));
                double e2 = Exp.of(-2 * Math.abs(xi));
                assertThat(t[i]).isEqualTo(Math.abs(xi) < 0x1p-13 ? x[i] : (float) Math.copySign((1 - e2) / (1 + e2), xi));
            }
        }
    }

    @Test
    void extremesAndSpecialValues() {
        float[] v = {Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, 0f, -0f, Float.NaN, 1e-30f, -200f, 200f, 1e-5f, -3e-4f, 1.3e-4f};
        float[] s = v.clone();
        float[] t = v.clone();
        GateMath.sigmoid(s, 0, v.length);
        GateMath.tanh(t, 0, v.length);
        assertThat(java.util.Arrays.copyOf(s, 8)).containsExactly(1f, 0f, 0.5f, 0.5f, Float.NaN, 0.5f, 0f, 1f);
        assertThat(java.util.Arrays.copyOf(t, 8)).containsExactly(1f, -1f, 0f, -0f, Float.NaN, 1e-30f, -1f, 1f);
        // Small arguments, on either side of 2^-13: tanh rounds to float as Math.tanh does.
        for (int i = 8; i < v.length; i++) {
            assertThat(t[i]).isEqualTo((float) Math.tanh(v[i]));
        }
    }
}
