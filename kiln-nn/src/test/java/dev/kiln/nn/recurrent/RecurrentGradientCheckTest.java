package dev.kiln.nn.recurrent;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kiln.core.random.Rng;
import dev.kiln.nn.tensor.Tensor;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * Back-propagation through time against central finite differences, for the input, every
 * parameter and the initial states, as GradientCheckTest checks the tensor operations: L = Σ of
 * each result (output, h_n, c_n, last) ⊙ a fixed random tensor, each element nudged by ±h, and
 * analytic and numeric gradients agreeing to 10⁻² absolute plus 10⁻² relative (float32, h = 10⁻²).
 */
class RecurrentGradientCheckTest {
    private static final float H = 1e-2f;
    private final Rng rng = Rng.seeded(2026);

    /**
     * Checks d/d(every tensor in {@code wrt}) of Σ f(…) ⊙ R; f reads the tensors in {@code wrt}
     * itself, so they must be the very tensors (parameters, or inputs made with requireGrad) it uses.
     */
    private static void check(String name, Supplier<RecurrentOutput> f, List<Tensor> wrt) {
        RecurrentOutput first = f.get();
        Rng weights = Rng.seeded(7);
        List<Tensor> r = new ArrayList<>();
        for (Tensor t : results(first)) {
            r.add(Tensor.randn(weights, t.shape()));
        }
        Function<RecurrentOutput, Tensor> loss = out -> {
            List<Tensor> parts = results(out);
            Tensor total = parts.get(0).mul(r.get(0)).sum();
            for (int i = 1; i < parts.size(); i++) {
                total = total.add(parts.get(i).mul(r.get(i)).sum());
            }
            return total;
        };
        for (Tensor t : wrt) {
            t.zeroGrad();
        }
        loss.apply(f.get()).backward();
        for (int k = 0; k < wrt.size(); k++) {
            float[] x = wrt.get(k).data();
            float[] analytic = wrt.get(k).hasGrad() ? wrt.get(k).gradientBuffer() : new float[x.length];
            for (int i = 0; i < x.length; i++) {
                float keep = x[i];
                double up;
                double down;
                try (var scope = Tensor.noGrad()) {
                    x[i] = keep + H;
                    up = loss.apply(f.get()).item();
                    x[i] = keep - H;
                    down = loss.apply(f.get()).item();
                }
                x[i] = keep;
                double numeric = (up - down) / (2 * H);
                assertThat(Math.abs(analytic[i] - numeric))
                        .as("%s: d/d tensor %d element %d: analytic %s, numeric %s", name, k, i, analytic[i], numeric)
                        .isLessThanOrEqualTo(1e-2 + 1e-2 * Math.abs(numeric));
            }
        }
    }

    private static List<Tensor> results(RecurrentOutput out) {
        List<Tensor> parts = new ArrayList<>(List.of(out.output(), out.hidden(), out.last()));
        if (out.cell() != null) {
            parts.add(out.cell());
        }
        return parts;
    }

    private Tensor input(int batch, int steps, int features) {
        return Tensor.randn(rng, batch, steps, features).requireGrad();
    }

    private Tensor state(int layers, boolean bidirectional, int batch, int hidden) {
        return Tensor.randn(rng, layers * (bidirectional ? 2 : 1), batch, hidden).mul(0.5f).detach().requireGrad();
    }

    private static List<Tensor> with(List<Tensor> parameters, Tensor... more) {
        List<Tensor> all = new ArrayList<>(List.of(more));
        all.addAll(parameters);
        return all;
    }

    @Test
    void lstmOneLayerFullLength() {
        Lstm lstm = new Lstm(new Lstm.Config(3, 2), Rng.seeded(1));
        Tensor x = input(2, 3, 3);
        check("lstm", () -> lstm.forward(x, null), with(lstm.parameters(), x));
    }

    @Test
    void lstmTwoBidirectionalLayersWithLengthsAndInitialStates() {
        Lstm lstm = new Lstm(new Lstm.Config(2, 3, 2, true), Rng.seeded(2));
        Tensor x = input(3, 4, 2);
        Tensor h0 = state(2, true, 3, 3);
        Tensor c0 = state(2, true, 3, 3);
        int[] lengths = {2, 4, 3};
        check("bidirectional lstm", () -> lstm.forward(x, lengths, h0, c0), with(lstm.parameters(), x, h0, c0));
    }

    @Test
    void gruOneLayerFullLength() {
        Gru gru = new Gru(new Gru.Config(3, 2), Rng.seeded(3));
        Tensor x = input(2, 3, 3);
        check("gru", () -> gru.forward(x, null), with(gru.parameters(), x));
    }

    @Test
    void gruTwoBidirectionalLayersWithLengthsAndInitialState() {
        Gru gru = new Gru(new Gru.Config(2, 3, 2, true), Rng.seeded(4));
        Tensor x = input(3, 4, 2);
        Tensor h0 = state(2, true, 3, 3);
        int[] lengths = {1, 4, 2};
        check("bidirectional gru", () -> gru.forward(x, lengths, h0), with(gru.parameters(), x, h0));
    }

    @Test
    void tanhRnnTwoBidirectionalLayersWithLengths() {
        Rnn rnn = new Rnn(new Rnn.Config(2, 3, 2, true, Rnn.Nonlinearity.TANH), Rng.seeded(5));
        Tensor x = input(3, 4, 2);
        Tensor h0 = state(2, true, 3, 3);
        int[] lengths = {3, 1, 4};
        check("bidirectional tanh rnn", () -> rnn.forward(x, lengths, h0), with(rnn.parameters(), x, h0));
    }

    /** With these seeds no pre-activation lies within the ±h nudge of ReLU's kink (seed 6 puts one there). */
    @Test
    void reluRnnOneLayer() {
        Rnn rnn = new Rnn(new Rnn.Config(3, 4, 1, false, Rnn.Nonlinearity.RELU), Rng.seeded(7));
        Tensor x = input(2, 3, 3);
        check("relu rnn", () -> rnn.forward(x, new int[] {3, 2}), with(rnn.parameters(), x));
    }
}
