package dev.kiln.nn.recurrent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.kiln.core.random.Rng;
import dev.kiln.nn.tensor.Tensor;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Masking of padded batches, parameter layout, configs and errors of Rnn, Lstm and Gru. */
class RecurrentTest {
    private static final int[] LENGTHS = {5, 2, 4, 1, 5};
    /** All shorter than the padded time, so some steps have no sequence at all. */
    private static final int[] SHORT_LENGTHS = {3, 1, 2};
    private static final int STEPS = 5;
    private static final int FEATURES = 3;
    private static final int HIDDEN = 4;

    private static List<Recurrent> bidirectionalTwoLayerNets() {
        return List.of(
                new Lstm(new Lstm.Config(FEATURES, HIDDEN, 2, true), Rng.seeded(1)),
                new Gru(new Gru.Config(FEATURES, HIDDEN, 2, true), Rng.seeded(2)),
                new Rnn(new Rnn.Config(FEATURES, HIDDEN, 2, true, Rnn.Nonlinearity.TANH), Rng.seeded(3)));
    }

    /** Sequence b of a padded batch [batch, STEPS, FEATURES], cut to its length: [1, length, FEATURES]. */
    private static Tensor alone(Tensor padded, int b, int length) {
        float[] v = new float[length * FEATURES];
        System.arraycopy(padded.data(), b * STEPS * FEATURES, v, 0, v.length);
        return Tensor.of(v, 1, length, FEATURES);
    }

    /**
     * A padded batch with lengths gives, for each sequence, what that sequence gives alone: the
     * same outputs at its steps (zero after), final states and summary; the padding (random
     * here, not zero) has no effect on anything and gets no gradient.
     */
    @Test
    void aPaddedBatchWithLengthsRunsEachSequenceAsIfAlone() {
        runsEachSequenceAsIfAlone(LENGTHS);
        runsEachSequenceAsIfAlone(SHORT_LENGTHS);
    }

    private static void runsEachSequenceAsIfAlone(int[] lengths) {
        Tensor x = Tensor.randn(Rng.seeded(4), lengths.length, STEPS, FEATURES).requireGrad();
        for (Recurrent net : bidirectionalTwoLayerNets()) {
            RecurrentOutput batch = net.forward(x, lengths);
            int width = 2 * HIDDEN;
            for (int b = 0; b < lengths.length; b++) {
                RecurrentOutput one = net.forward(alone(x, b, lengths[b]), null);
                String name = net.getClass().getSimpleName() + " sequence " + b;
                for (int t = 0; t < STEPS; t++) {
                    for (int j = 0; j < width; j++) {
                        float expected = t < lengths[b] ? one.output().get(0, t, j) : 0f;
                        assertThat(batch.output().get(b, t, j)).as("%s output (%d, %d)", name, t, j).isCloseTo(expected, within(1e-6f));
                    }
                }
                for (int k = 0; k < 4; k++) {
                    for (int j = 0; j < HIDDEN; j++) {
                        assertThat(batch.hidden().get(k, b, j)).as("%s h_n[%d]", name, k).isCloseTo(one.hidden().get(k, 0, j), within(1e-6f));
                        if (batch.cell() != null) {
                            assertThat(batch.cell().get(k, b, j)).as("%s c_n[%d]", name, k).isCloseTo(one.cell().get(k, 0, j), within(1e-6f));
                        }
                    }
                }
                for (int j = 0; j < width; j++) {
                    assertThat(batch.last().get(b, j)).as("%s last", name).isCloseTo(one.last().get(0, j), within(1e-6f));
                }
            }
            x.zeroGrad();
            batch.output().sum().add(batch.hidden().sum()).backward();
            for (int b = 0; b < lengths.length; b++) {
                for (int t = lengths[b]; t < STEPS; t++) {
                    for (int f = 0; f < FEATURES; f++) {
                        assertThat(x.grad().get(b, t, f)).as("gradient at padding (%d, %d)", b, t).isZero();
                    }
                }
            }
        }
    }

    @Test
    void withoutLengthsEverySequenceRunsFullLength() {
        Tensor x = Tensor.randn(Rng.seeded(5), 3, STEPS, FEATURES);
        for (Recurrent net : bidirectionalTwoLayerNets()) {
            int[] full = {STEPS, STEPS, STEPS};
            assertThat(net.forward(x).data()).containsExactly(net.forward(x, full).output().data());
            assertThat(net.forward(x, null).hidden().data()).containsExactly(net.forward(x, full).hidden().data());
        }
    }

    @Test
    void lastJoinsTheTopLayersFinalForwardAndReverseStates() {
        Lstm lstm = new Lstm(new Lstm.Config(FEATURES, HIDDEN, 2, true), Rng.seeded(6));
        RecurrentOutput out = lstm.forward(Tensor.randn(Rng.seeded(7), 2, STEPS, FEATURES), new int[] {3, 5});
        for (int b = 0; b < 2; b++) {
            for (int j = 0; j < HIDDEN; j++) {
                assertThat(out.last().get(b, j)).isEqualTo(out.hidden().get(2, b, j));
                assertThat(out.last().get(b, HIDDEN + j)).isEqualTo(out.hidden().get(3, b, j));
                assertThat(out.last().get(b, HIDDEN + j)).as("the reverse direction ends at step 0").isEqualTo(out.output().get(b, 0, HIDDEN + j));
            }
        }
    }

    @Test
    void parametersFollowPyTorchsNamesShapesAndInitialisation() {
        Lstm lstm = new Lstm(new Lstm.Config(3, 5, 2, true), Rng.seeded(8));
        assertThat(lstm.parameterNames()).containsExactly(
                "weight_ih_l0", "weight_hh_l0", "bias_ih_l0", "bias_hh_l0",
                "weight_ih_l0_reverse", "weight_hh_l0_reverse", "bias_ih_l0_reverse", "bias_hh_l0_reverse",
                "weight_ih_l1", "weight_hh_l1", "bias_ih_l1", "bias_hh_l1",
                "weight_ih_l1_reverse", "weight_hh_l1_reverse", "bias_ih_l1_reverse", "bias_hh_l1_reverse");
        assertThat(lstm.parameter("weight_ih_l0").shape()).containsExactly(20, 3);
        assertThat(lstm.parameter("weight_hh_l0_reverse").shape()).containsExactly(20, 5);
        assertThat(lstm.parameter("weight_ih_l1").shape()).containsExactly(20, 10);
        assertThat(lstm.parameter("bias_hh_l1_reverse").shape()).containsExactly(20);
        assertThat(new Gru(new Gru.Config(3, 5), Rng.seeded(9)).parameter("weight_hh_l0").shape()).containsExactly(15, 5);
        assertThat(new Rnn(new Rnn.Config(3, 5), Rng.seeded(9)).parameter("weight_ih_l0").shape()).containsExactly(5, 3);
        float bound = (float) (1 / Math.sqrt(5));
        for (Tensor p : lstm.parameters()) {
            assertThat(p.requiresGrad()).isTrue();
            for (float v : p.data()) {
                assertThat(v).isBetween(-bound, bound);
            }
        }
        assertThatThrownBy(() -> lstm.parameter("weight_ih_l2")).hasMessageContaining("no parameter weight_ih_l2");
    }

    @Test
    void configsAreValidatedAndKept() {
        assertThatThrownBy(() -> new Lstm.Config(0, 4)).hasMessageContaining("LSTM").hasMessageContaining("inputSize");
        assertThatThrownBy(() -> new Gru.Config(3, 0, 1, false)).hasMessageContaining("GRU");
        assertThatThrownBy(() -> new Rnn.Config(3, 4, 0, false, Rnn.Nonlinearity.RELU)).hasMessageContaining("RNN");
        assertThatThrownBy(() -> new Rnn.Config(3, 4, 1, false, null)).hasMessageContaining("nonlinearity");
        Lstm.Config config = new Lstm.Config(3, 4, 2, true);
        assertThat(new Lstm(config, Rng.seeded(10)).config()).isEqualTo(config);
        assertThat(new Rnn.Config(3, 4)).isEqualTo(new Rnn.Config(3, 4, 1, false, Rnn.Nonlinearity.TANH));
    }

    @Test
    void errorsNameTheLayerAndTheShapes() {
        Lstm lstm = new Lstm(new Lstm.Config(3, 4, 2, true), Rng.seeded(11));
        assertThatThrownBy(() -> lstm.forward(Tensor.zeros(2, 5, 7)))
                .hasMessageContaining("LSTM").hasMessageContaining("[batch, time, 3]").hasMessageContaining("[2, 5, 7]");
        assertThatThrownBy(() -> new Gru(new Gru.Config(3, 4), Rng.seeded(12)).forward(Tensor.zeros(5, 3)))
                .hasMessageContaining("GRU").hasMessageContaining("[batch, time, 3]").hasMessageContaining("[5, 3]");
        assertThatThrownBy(() -> lstm.forward(Tensor.zeros(2, 5, 3), new int[] {5, 6}))
                .hasMessageContaining("sequence 1 has length 6, outside [1, 5]");
        assertThatThrownBy(() -> lstm.forward(Tensor.zeros(2, 5, 3), new int[] {5}))
                .hasMessageContaining("1 lengths for a batch of 2");
        assertThatThrownBy(() -> lstm.forward(Tensor.zeros(2, 5, 3), null, Tensor.zeros(4, 2, 4), Tensor.zeros(2, 2, 4)))
                .hasMessageContaining("initial cell state must be [4, 2, 4]").hasMessageContaining("[2, 2, 4]");
    }

    /** Initial states are used: the first step of a one-layer RNN with W_ih = 0 is tanh(W_hh·h0 + b). */
    @Test
    void initialStatesFeedTheFirstStep() {
        Rnn rnn = new Rnn(new Rnn.Config(1, 2), Rng.seeded(13));
        java.util.Arrays.fill(rnn.parameter("weight_ih_l0").data(), 0f);
        float[] whh = rnn.parameter("weight_hh_l0").data();
        float[] b = rnn.parameter("bias_ih_l0").data();
        float[] c = rnn.parameter("bias_hh_l0").data();
        Tensor h0 = Tensor.of(new float[] {0.5f, -1f}, 1, 1, 2);
        RecurrentOutput out = rnn.forward(Tensor.zeros(1, 1, 1), null, h0);
        for (int j = 0; j < 2; j++) {
            double expected = Math.tanh(whh[2 * j] * 0.5 - whh[2 * j + 1] + b[j] + c[j]);
            assertThat(out.output().get(0, 0, j)).isCloseTo((float) expected, within(1e-6f));
        }
    }
}
