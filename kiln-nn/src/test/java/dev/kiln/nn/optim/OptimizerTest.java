package dev.kiln.nn.optim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.kiln.nn.tensor.Tensor;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Updates against their closed forms on f(θ) = Σθ²/2, whose gradient is θ itself, worked by hand
 * from the update rules PyTorch documents for torch.optim.SGD, Adam and AdamW.
 */
class OptimizerTest {

    private static void gradientStep(Tensor theta) {
        theta.square().sum().mul(0.5f).backward();
    }

    @Test
    void sgdWithMomentum() {
        Tensor theta = Tensor.of(new float[] {1f, -2f}, 2).requireGrad();
        Sgd sgd = new Sgd(List.of(theta), Sgd.Params.of(0.1).withMomentum(0.9));
        gradientStep(theta);
        sgd.step();
        // b = g = θ0; θ1 = θ0 − 0.1·θ0 = 0.9·θ0
        assertThat(theta.data()).containsExactly(0.9f, -1.8f);
        sgd.zeroGrad();
        gradientStep(theta);
        sgd.step();
        // b = 0.9·θ0 + 0.9·θ0 = 1.8·θ0; θ2 = 0.9·θ0 − 0.18·θ0 = 0.72·θ0
        assertThat(theta.data()[0]).isCloseTo(0.72f, within(1e-6f));
        assertThat(theta.data()[1]).isCloseTo(-1.44f, within(1e-6f));
    }

    @Test
    void sgdWithNesterovAndWeightDecay() {
        Tensor theta = Tensor.of(new float[] {1f}, 1).requireGrad();
        Sgd sgd = new Sgd(List.of(theta), Sgd.Params.of(0.1).withMomentum(0.5).withNesterov(true).withWeightDecay(0.2));
        gradientStep(theta);
        sgd.step();
        // g = θ + 0.2θ = 1.2; b = 1.2; g ← g + 0.5·b = 1.8; θ = 1 − 0.18
        assertThat(theta.item()).isCloseTo(0.82f, within(1e-6f));
    }

    @Test
    void adamFirstStepMovesEachCoordinateByTheLearningRate() {
        Tensor theta = Tensor.of(new float[] {3f, -0.5f}, 2).requireGrad();
        Adam adam = new Adam(List.of(theta), Adam.Params.adam(0.01));
        gradientStep(theta);
        adam.step();
        // m̂ = g, v̂ = g², so θ1 = θ0 − η·g/(|g| + ε)
        assertThat(theta.data()[0]).isCloseTo((float) (3 - 0.01 * 3 / (3 + 1e-8)), within(1e-6f));
        assertThat(theta.data()[1]).isCloseTo((float) (-0.5 + 0.01 * 0.5 / (0.5 + 1e-8)), within(1e-6f));
    }

    @Test
    void adamSecondStepMatchesTheBiasCorrectedMoments() {
        Tensor theta = Tensor.of(new float[] {2f}, 1).requireGrad();
        Adam adam = new Adam(List.of(theta), Adam.Params.adam(0.1));
        gradientStep(theta);
        adam.step();
        adam.zeroGrad();
        gradientStep(theta);
        adam.step();
        double t1 = 2 - 0.1;
        double m = 0.9 * 0.1 * 2 + 0.1 * t1;
        double v = 0.999 * 0.001 * 4 + 0.001 * t1 * t1;
        double expected = t1 - 0.1 * (m / (1 - 0.81)) / (Math.sqrt(v / (1 - 0.999 * 0.999)) + 1e-8);
        assertThat(theta.item()).isCloseTo((float) expected, within(1e-5f));
    }

    @Test
    void adamWDecaysTheWeightsBeforeTheAdamStep() {
        Tensor theta = Tensor.of(new float[] {2f}, 1).requireGrad();
        Adam adamW = new Adam(List.of(theta), Adam.Params.adamW(0.1).withWeightDecay(0.5));
        gradientStep(theta);
        adamW.step();
        // θ ← θ(1 − 0.1·0.5) = 1.9, then − 0.1·g/|g|
        assertThat(theta.item()).isCloseTo(1.8f, within(1e-6f));
    }

    @Test
    void clippingRescalesToTheLimit() {
        Tensor a = Tensor.of(new float[] {3f}, 1).requireGrad();
        Tensor b = Tensor.of(new float[] {4f}, 1).requireGrad();
        a.add(b).sum().backward();
        a.zeroGrad();
        b.zeroGrad();
        a.mul(3f).add(b.mul(4f)).sum().backward();
        double norm = GradientClipping.byNorm(List.of(a, b), 1.0);
        assertThat(norm).isCloseTo(5.0, within(1e-6));
        assertThat(a.grad().item()).isCloseTo(0.6f, within(1e-5f));
        assertThat(b.grad().item()).isCloseTo(0.8f, within(1e-5f));
    }

    @Test
    void badSettingsAreRefused() {
        Tensor constant = Tensor.zeros(1);
        assertThatThrownBy(() -> new Sgd(List.of(constant), Sgd.Params.of(0.1))).hasMessageContaining("does not require gradients");
        assertThatThrownBy(() -> Sgd.Params.of(0.1).withMomentum(1.0)).hasMessage("momentum must be in [0, 1), got 1.0");
        assertThatThrownBy(() -> new Adam(List.of(constant.requireGrad()), Adam.Params.adam(-1)))
                .hasMessage("learning rate must be a finite number >= 0, got -1.0");
    }
}
