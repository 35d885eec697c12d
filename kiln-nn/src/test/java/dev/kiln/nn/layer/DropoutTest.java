package dev.kiln.nn.layer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.kiln.core.random.Rng;
import dev.kiln.nn.tensor.Tensor;
import org.junit.jupiter.api.Test;

/**
 * Inverted dropout's statistics and gradient. Bounds are five standard deviations of the
 * estimate (a two-sided normal tail of 6·10⁻⁷), and the seeds are fixed, so the tests are
 * deterministic and would fail only on a wrong rate or scale.
 */
class DropoutTest {
    private static final double P = 0.3;

    @Test
    void theFractionZeroedIsP() {
        int n = 100_000;
        Tensor x = Tensor.uniform(Rng.seeded(1), 1f, 2f, n);
        float[] y = new Dropout(P, Rng.seeded(2)).forward(x).data();
        int zeros = 0;
        for (float v : y) {
            if (v == 0) {
                zeros++;
            }
        }
        // The count of zeros is Binomial(n, p): standard deviation √(p(1 − p)/n) ≈ 0.0014 of n.
        double sd = Math.sqrt(P * (1 - P) / n);
        assertThat((double) zeros / n).isCloseTo(P, within(5 * sd));
    }

    @Test
    void theExpectedOutputIsTheInput() {
        float[] x = {1f, -2f, 0.5f, 3f, -0.25f, 10f};
        int repeats = 20_000;
        Dropout dropout = new Dropout(P, Rng.seeded(3));
        double[] sum = new double[x.length];
        Tensor input = Tensor.of(x, x.length);
        for (int r = 0; r < repeats; r++) {
            float[] y = dropout.forward(input).data();
            for (int i = 0; i < x.length; i++) {
                sum[i] += y[i];
            }
        }
        // Each output is x·B/(1 − p) with B ~ Bernoulli(1 − p): mean x, variance x²·p/(1 − p).
        for (int i = 0; i < x.length; i++) {
            double sd = Math.abs(x[i]) * Math.sqrt(P / (1 - P) / repeats);
            assertThat(sum[i] / repeats).as("element %d", i).isCloseTo(x[i], within(5 * sd));
        }
    }

    @Test
    void survivorsAreScaledAndTheGradientPassesOnlyThroughThem() {
        Tensor x = Tensor.uniform(Rng.seeded(4), 0.5f, 1.5f, 40, 25).requireGrad();
        Tensor upstream = Tensor.randn(Rng.seeded(5), 40, 25);
        Tensor y = new Dropout(P, Rng.seeded(6)).forward(x);
        y.mul(upstream).sum().backward();
        float scale = (float) (1 / (1 - P));
        float[] g = x.grad().data();
        int kept = 0;
        for (int i = 0; i < g.length; i++) {
            if (y.data()[i] == 0) {
                assertThat(g[i]).as("dropped element %d", i).isZero();
            } else {
                kept++;
                assertThat(y.data()[i]).isEqualTo(x.data()[i] * scale);
                assertThat(g[i]).as("kept element %d", i).isEqualTo(upstream.data()[i] * scale);
            }
        }
        assertThat(kept).isBetween(1, g.length - 1);
    }

    @Test
    void evaluationAndZeroRateAreTheIdentity() {
        Tensor x = Tensor.randn(Rng.seeded(7), 3, 4).requireGrad();
        Dropout dropout = new Dropout(0.5, Rng.seeded(8));
        assertThat(dropout.isTraining()).isTrue();
        dropout.train(false);
        assertThat(dropout.forward(x)).isSameAs(x);
        assertThat(new Dropout(0, Rng.seeded(9)).forward(x)).isSameAs(x);
    }

    @Test
    void theSameSeedGivesTheSameMasks() {
        Tensor x = Tensor.uniform(Rng.seeded(10), 1f, 2f, 64);
        Dropout a = new Dropout(0.5, Rng.seeded(11));
        Dropout b = new Dropout(0.5, Rng.seeded(11));
        Dropout c = new Dropout(0.5, Rng.seeded(12));
        float[] first = a.forward(x).data();
        assertThat(b.forward(x).data()).containsExactly(first);
        assertThat(c.forward(x).data()).isNotEqualTo(first);
        assertThat(a.forward(x).data()).as("the next mask").isNotEqualTo(first);
    }

    @Test
    void pIsValidated() {
        assertThat(new Dropout(0.25, Rng.seeded(1)).config()).isEqualTo(new Dropout.Config(0.25));
        assertThatThrownBy(() -> new Dropout(1, Rng.seeded(1))).hasMessage("Dropout: p must be in [0, 1), got 1.0");
        assertThatThrownBy(() -> new Dropout.Config(-0.1)).hasMessage("Dropout: p must be in [0, 1), got -0.1");
        assertThatThrownBy(() -> new Dropout.Config(Double.NaN)).hasMessage("Dropout: p must be in [0, 1), got NaN");
    }
}
