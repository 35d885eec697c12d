package dev.kiln.nn.optim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.kiln.nn.tensor.Tensor;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * RMSProp on f(θ) = Σθ²/2 (gradient θ) from θ₀ = [1, −2, 0.5], against PyTorch 1.13's
 * {@code torch.optim.RMSprop}; the expected parameters after each of three steps were printed by
 *
 * <pre>{@code
 * import torch
 * def run(**kw):
 *     p = torch.nn.Parameter(torch.tensor([1.0, -2.0, 0.5]))
 *     opt = torch.optim.RMSprop([p], **kw)
 *     out = []
 *     for _ in range(3):
 *         opt.zero_grad()
 *         (p * p).sum().mul(0.5).backward()
 *         opt.step()
 *         out.append(", ".join("%.8gf" % v for v in p.detach().tolist()))
 *     return out
 * print(run(lr=0.01))
 * print(run(lr=0.01, momentum=0.9, weight_decay=0.1))
 * print(run(lr=0.01, alpha=0.9, centered=True, momentum=0.5))
 * }</pre>
 */
class RmsPropTest {

    private static float[][] run(RmsProp.Params params) {
        Tensor theta = Tensor.of(new float[] {1f, -2f, 0.5f}, 3).requireGrad();
        RmsProp rms = new RmsProp(List.of(theta), params);
        float[][] after = new float[3][];
        for (int step = 0; step < 3; step++) {
            rms.zeroGrad();
            theta.square().sum().mul(0.5f).backward();
            rms.step();
            after[step] = theta.data().clone();
        }
        return after;
    }

    private static void assertSteps(float[][] actual, float[]... expected) {
        for (int s = 0; s < expected.length; s++) {
            for (int i = 0; i < expected[s].length; i++) {
                assertThat(actual[s][i]).as("step %d, element %d", s + 1, i).isCloseTo(expected[s][i], within(2e-6f));
            }
        }
    }

    @Test
    void theFirstStepMovesEachCoordinateByTenLearningRates() {
        // v = (1 − α)g² = g²/100, so g/(√v + ε) = 10·sign(g) up to ε.
        float[][] r = run(RmsProp.Params.of(0.01));
        assertThat(r[0]).containsExactly(new float[] {0.9f, -1.9f, 0.4f}, within(1e-6f));
    }

    @Test
    void plainMatchesPyTorch() {
        assertSteps(run(RmsProp.Params.of(0.01)),
                new float[] {0.90000004f, -1.9f, 0.40000004f},
                new float[] {0.83291799f, -1.8309433f, 0.33733919f},
                new float[] {0.77998227f, -1.7753495f, 0.29043323f});
    }

    @Test
    void momentumAndWeightDecayMatchPyTorch() {
        assertSteps(run(RmsProp.Params.of(0.01).withMomentum(0.9).withWeightDecay(0.1)),
                new float[] {0.89999998f, -1.9f, 0.40000004f},
                new float[] {0.74291795f, -1.7409433f, 0.24733923f},
                new float[] {0.55291492f, -1.54413f, 0.073657386f});
    }

    @Test
    void centeredWithMomentumMatchesPyTorch() {
        assertSteps(run(RmsProp.Params.of(0.01).withAlpha(0.9).withCentered(true).withMomentum(0.5)),
                new float[] {0.96666664f, -1.9666667f, 0.46666667f},
                new float[] {0.92492342f, -1.9247135f, 0.42536169f},
                new float[] {0.88241833f, -1.8816602f, 0.38402966f});
    }

    @Test
    void badSettingsAreRefused() {
        assertThat(RmsProp.Params.of(0.01)).isEqualTo(new RmsProp.Params(0.01, 0.99, 1e-8, 0, 0, false));
        assertThatThrownBy(() -> RmsProp.Params.of(0.01).withAlpha(1)).hasMessage("alpha must be in [0, 1), got 1.0");
        assertThatThrownBy(() -> RmsProp.Params.of(0.01).withEpsilon(0)).hasMessage("epsilon must be a finite number > 0, got 0.0");
        assertThatThrownBy(() -> RmsProp.Params.of(0.01).withMomentum(-0.5)).hasMessage("momentum must be in [0, 1), got -0.5");
        assertThatThrownBy(() -> RmsProp.Params.of(0.01).withWeightDecay(Double.POSITIVE_INFINITY))
                .hasMessage("weight decay must be a finite number >= 0, got Infinity");
        assertThatThrownBy(() -> new RmsProp(List.of(Tensor.zeros(1).requireGrad()), RmsProp.Params.of(Double.NaN)))
                .hasMessage("learning rate must be a finite number >= 0, got NaN");
    }
}
