package dev.kiln.nn.tensor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class TensorTest {

    @Test
    void broadcastingFollowsNumpy() {
        Tensor a = Tensor.of(new float[] {1, 2, 3, 4, 5, 6}, 2, 3);
        Tensor row = Tensor.of(new float[] {10, 20, 30}, 3);
        Tensor col = Tensor.of(new float[] {100, 200}, 2, 1);
        assertThat(a.add(row).data()).containsExactly(11, 22, 33, 14, 25, 36);
        assertThat(a.add(col).data()).containsExactly(101, 102, 103, 204, 205, 206);
        assertThat(col.add(row).shape()).containsExactly(2, 3);
        assertThat(col.add(row).data()).containsExactly(110, 120, 130, 210, 220, 230);
    }

    @Test
    void reductionsAlongADimensionDropIt() {
        Tensor a = Tensor.of(new float[] {1, 2, 3, 4, 5, 6}, 2, 3);
        assertThat(a.sum(0).shape()).containsExactly(3);
        assertThat(a.sum(0).data()).containsExactly(5, 7, 9);
        assertThat(a.sum(1).data()).containsExactly(6, 15);
        assertThat(a.mean(-1).data()).containsExactly(2, 5);
        assertThat(Tensor.of(new float[] {1, 2, 3, 4, 5, 6, 7, 8}, 2, 2, 2).mean(1).data()).containsExactly(2, 3, 6, 7);
        assertThatThrownBy(() -> a.sum(2)).hasMessage("sum: dimension 2 does not exist in shape [2, 3]");
    }

    @Test
    void gradientsOfABroadcastOperandAreSummedOverTheBroadcastDimensions() {
        Tensor a = Tensor.of(new float[] {1, 2, 3, 4, 5, 6}, 2, 3).requireGrad();
        Tensor b = Tensor.of(new float[] {1, 1, 1}, 3).requireGrad();
        a.mul(b).sum().backward();
        // d/db_j Σ_i a_ij b_j = Σ_i a_ij
        assertThat(b.grad().data()).containsExactly(5, 7, 9);
        assertThat(a.grad().data()).containsExactly(1, 1, 1, 1, 1, 1);
    }

    @Test
    void gradientsAccumulateUntilZeroed() {
        Tensor x = Tensor.of(new float[] {3}, 1).requireGrad();
        x.square().sum().backward();
        x.square().sum().backward();
        assertThat(x.grad().item()).isEqualTo(12f);
        x.zeroGrad();
        assertThat(x.grad().item()).isZero();
    }

    @Test
    void aTensorUsedTwiceGetsBothShares() {
        Tensor x = Tensor.of(new float[] {2}, 1).requireGrad();
        Tensor y = x.mul(x).add(x.mul(3f)).sum();
        y.backward();
        assertThat(x.grad().item()).isEqualTo(2 * 2 + 3f);
    }

    @Test
    void noGradRecordsNothing() {
        Tensor x = Tensor.of(new float[] {1, 2}, 2).requireGrad();
        Tensor y;
        try (var scope = Tensor.noGrad()) {
            y = x.mul(2f).sum();
        }
        assertThat(y.requiresGrad()).isFalse();
        assertThat(x.mul(2f).sum().requiresGrad()).isTrue();
        assertThatThrownBy(y::backward).hasMessageContaining("does not depend on any tensor that requires gradients");
    }

    @Test
    void geluUsesTheExactNormalCdf() {
        // GELU(x) = x·Φ(x); Φ(1) = 0.8413447460685429, Φ(-0.5) = 0.3085375387259869 (scipy.stats.norm.cdf).
        Tensor y = Tensor.of(new float[] {1f, -0.5f, 0f}, 3).gelu();
        assertThat(y.get(0)).isCloseTo(0.8413447f, within(1e-6f));
        assertThat(y.get(1)).isCloseTo(-0.5f * 0.30853754f, within(1e-6f));
        assertThat(y.get(2)).isZero();
    }

    @Test
    void softmaxRowsSumToOneAndSurviveLargeLogits() {
        Tensor p = Tensor.of(new float[] {1000, 1001, 1002, -5, 0, 5}, 2, 3).softmax();
        assertThat(p.get(0, 0) + p.get(0, 1) + p.get(0, 2)).isCloseTo(1f, within(1e-6f));
        // e^0 / (e^-2 + e^-1 + e^0) for the first row
        assertThat(p.get(0, 2)).isCloseTo((float) (1 / (Math.exp(-2) + Math.exp(-1) + 1)), within(1e-6f));
        Tensor logP = Tensor.of(new float[] {1000, 1001, 1002}, 1, 3).logSoftmax();
        // x − shift near 1002 keeps float32's spacing there, 6e-5.
        assertThat(logP.get(0, 2)).isCloseTo((float) -Math.log(1 + Math.exp(-1) + Math.exp(-2)), within(1e-4f));
    }

    @Test
    void matmulMatchesTheDefinition() {
        Tensor a = Tensor.of(new float[] {1, 2, 3, 4, 5, 6}, 2, 3);
        Tensor b = Tensor.of(new float[] {7, 8, 9, 10, 11, 12}, 3, 2);
        assertThat(a.matmul(b).data()).containsExactly(58, 64, 139, 154);
        assertThat(a.transpose().shape()).containsExactly(3, 2);
        assertThat(a.transpose().data()).containsExactly(1, 4, 2, 5, 3, 6);
    }

    @Test
    void reshapeSharesStorageAndInfersOneDimension() {
        Tensor a = Tensor.of(new float[] {1, 2, 3, 4, 5, 6}, 2, 3);
        Tensor r = a.reshape(3, -1);
        assertThat(r.shape()).containsExactly(3, 2);
        assertThat(r.data()).isSameAs(a.data());
        assertThatThrownBy(() -> a.reshape(4, -1)).hasMessage("reshape: shape [2, 3] (6 elements) cannot be seen as [4, -1]");
        assertThatThrownBy(() -> a.reshape(7)).hasMessage("reshape: shape [2, 3] (6 elements) cannot be seen as [7]");
    }

    @Test
    void shapeMismatchesNameTheOperationAndBothShapes() {
        Tensor a = Tensor.zeros(2, 3);
        assertThatThrownBy(() -> a.add(Tensor.zeros(4)))
                .hasMessage("add: shapes [2, 3] and [4] do not broadcast (dimension 1 of the result: 3 against 4)");
        assertThatThrownBy(() -> a.matmul(Tensor.zeros(2, 3)))
                .hasMessage("matmul: shapes [2, 3] and [2, 3] do not multiply (needs [m, k] and [k, n])");
        assertThatThrownBy(() -> a.linear(Tensor.zeros(5, 4), null))
                .hasMessage("linear: input [2, 3] and weight [5, 4] do not fit (needs [n, in] and [out, in])");
        assertThatThrownBy(() -> Tensor.of(new float[5], 2, 3)).hasMessageContaining("5 values do not fill shape [2, 3]");
        assertThatThrownBy(() -> a.backward()).hasMessageContaining("backward() starts from a scalar, but this tensor has shape [2, 3]");
    }
}
