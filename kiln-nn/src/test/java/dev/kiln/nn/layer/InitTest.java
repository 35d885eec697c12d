package dev.kiln.nn.layer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.kiln.core.random.Rng;
import dev.kiln.nn.layer.Init.FanMode;
import dev.kiln.nn.layer.Init.Nonlinearity;
import dev.kiln.nn.tensor.Tensor;
import org.junit.jupiter.api.Test;

/**
 * Initialisers against their closed-form moments. For n independent draws of variance σ², the
 * sample mean has standard deviation σ/√n and the sample variance a relative standard deviation
 * of √(κ/n), κ = Var(x²)/σ⁴: 4/5 for a uniform and 2 for a normal distribution. Both must fall
 * within five standard deviations, with fixed seeds. Gains are PyTorch 1.13's
 * {@code [calculate_gain(n) for n in ["linear", "sigmoid", "tanh", "relu", "leaky_relu", "selu"]]}
 * and {@code calculate_gain("leaky_relu", 0.2)}.
 */
class InitTest {
    private static final double UNIFORM_KAPPA = 0.8;
    private static final double NORMAL_KAPPA = 2;

    private static void assertMoments(Tensor t, double variance, double kappa) {
        float[] v = t.data();
        int n = v.length;
        double sum = 0;
        for (float x : v) {
            sum += x;
        }
        double mean = sum / n;
        double squares = 0;
        for (float x : v) {
            squares += (x - mean) * (x - mean);
        }
        double sampleVariance = squares / (n - 1);
        assertThat(mean).as("mean").isCloseTo(0, within(5 * Math.sqrt(variance / n)));
        assertThat(sampleVariance / variance).as("variance over %s", variance).isCloseTo(1, within(5 * Math.sqrt(kappa / n)));
    }

    private static void assertWithin(Tensor t, double bound) {
        for (float x : t.data()) {
            assertThat(Math.abs(x)).isLessThanOrEqualTo((float) bound);
        }
    }

    @Test
    void fansOfLinearAndConvolutionWeights() {
        assertThat(Init.fans(30, 50)).isEqualTo(new Init.Fans(50, 30));
        assertThat(Init.fans(16, 8, 3, 3)).isEqualTo(new Init.Fans(72, 144));
        assertThatThrownBy(() -> Init.fans(5))
                .hasMessage("Init: fans need a weight of rank 2 or more ([out, in, ...]), got shape [5]");
    }

    @Test
    void gainsAreTorchs() {
        double[] torch = {1, 1, 1.6666666666666667, 1.4142135623730951, 1.4141428569978354, 0.75};
        Nonlinearity[] names = Nonlinearity.values();
        for (int i = 0; i < names.length; i++) {
            assertThat(Init.gain(names[i])).as(names[i].name()).isCloseTo(torch[i], within(1e-15));
        }
        assertThat(Init.leakyReluGain(0.2)).isCloseTo(1.3867504905630728, within(1e-15));
    }

    @Test
    void xavierUniform() {
        Tensor w = Init.xavierUniform(Tensor.zeros(200, 300), 1, Rng.seeded(1));
        assertMoments(w, 2.0 / 500, UNIFORM_KAPPA);
        assertWithin(w, Math.sqrt(6.0 / 500));
    }

    @Test
    void xavierNormalWithTheTanhGain() {
        double gain = Init.gain(Nonlinearity.TANH);
        Tensor w = Init.xavierNormal(Tensor.zeros(200, 300), gain, Rng.seeded(2));
        assertMoments(w, gain * gain * 2 / 500, NORMAL_KAPPA);
    }

    @Test
    void heNormalOverTheFanInOfAConvolution() {
        Tensor w = Init.kaimingNormal(Tensor.zeros(128, 64, 3, 3), FanMode.FAN_IN, Init.gain(Nonlinearity.RELU), Rng.seeded(3));
        assertMoments(w, 2.0 / 576, NORMAL_KAPPA);
    }

    @Test
    void heUniformOverTheFanOut() {
        double gain = Init.leakyReluGain(0.2);
        Tensor w = Init.kaimingUniform(Tensor.zeros(300, 200), FanMode.FAN_OUT, gain, Rng.seeded(4));
        assertMoments(w, gain * gain / 300, UNIFORM_KAPPA);
        assertWithin(w, gain * Math.sqrt(3.0 / 300));
    }

    @Test
    void fillsInPlaceAndRepeatsWithTheSeed() {
        Tensor w = Tensor.zeros(4, 5).requireGrad();
        assertThat(Init.xavierNormal(w, 1, Rng.seeded(5))).isSameAs(w);
        assertThat(Init.xavierNormal(Tensor.zeros(4, 5), 1, Rng.seeded(5)).data()).containsExactly(w.data());
        assertThat(Init.constant(Tensor.zeros(3), 0.5f).data()).containsExactly(0.5f, 0.5f, 0.5f);
        for (float x : Init.uniform(Tensor.zeros(1000), -0.1, 0.2, Rng.seeded(6)).data()) {
            assertThat(x).isBetween(-0.1f, 0.2f);
        }
        assertThatThrownBy(() -> Init.kaimingNormal(w, FanMode.FAN_IN, -1, Rng.seeded(1)))
                .hasMessage("Init: gain must be a finite number > 0, got -1.0");
        assertThatThrownBy(() -> Init.xavierUniform(Tensor.zeros(7), 1, Rng.seeded(1))).hasMessageContaining("got shape [7]");
    }
}
