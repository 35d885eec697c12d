package dev.kiln.nn.recurrent;

import dev.kiln.core.random.Rng;
import dev.kiln.nn.tensor.Tensor;
import java.util.List;

/**
 * Gated recurrent units (Cho et al., EMNLP 2014), exactly as PyTorch's
 * {@code nn.GRU(batch_first=True)}: r, z = σ(x·W_ihᵀ + b_ih + h·W_hhᵀ + b_hh), n = tanh(x·W_inᵀ
 * + b_in + r⊙(h·W_hnᵀ + b_hn)), h' = (1 − z)⊙n + z⊙h, gates stacked in the order r, z, n.
 */
public final class Gru extends Recurrent {
    /**
     * @param inputSize     features per step of the input, ≥ 1
     * @param hiddenSize    units per layer and direction, ≥ 1
     * @param numLayers     stacked layers, ≥ 1
     * @param bidirectional whether each layer also reads the sequences backwards
     */
    public record Config(int inputSize, int hiddenSize, int numLayers, boolean bidirectional) {
        public Config {
            checkSizes("GRU", inputSize, hiddenSize, numLayers);
        }

        /** One forward layer. */
        public Config(int inputSize, int hiddenSize) {
            this(inputSize, hiddenSize, 1, false);
        }
    }

    private final Config config;

    public Gru(Config config, Rng rng) {
        super("GRU", 3, config.inputSize(), config.hiddenSize(), config.numLayers(), config.bidirectional(), rng);
        this.config = config;
    }

    public Config config() {
        return config;
    }

    /**
     * Runs sequences [batch, time, inputSize] from the given states.
     *
     * @param lengths each sequence's length, in [1, time], or null when all are full
     * @param h0      the initial hidden states [layers·directions, batch, hidden], or null for zeros
     */
    public RecurrentOutput forward(Tensor input, int[] lengths, Tensor h0) {
        return run(input, lengths, new Tensor[] {h0});
    }

    @Override
    Sweep sweep(Schedule schedule, Tensor x, List<Tensor> weights, Tensor[] initial, int initialOffset) {
        return new GruSweep(schedule, x, weights, initial, initialOffset);
    }

    @Override
    int stateCount() {
        return 1;
    }
}
