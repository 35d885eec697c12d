package dev.kiln.nn.recurrent;

import dev.kiln.core.random.Rng;
import dev.kiln.nn.tensor.Tensor;
import java.util.List;

/**
 * Long short-term memory (Hochreiter and Schmidhuber, Neural Computation 1997) with a forget
 * gate (Gers, Schmidhuber and Cummins, Neural Computation 2000), exactly as PyTorch's
 * {@code nn.LSTM(batch_first=True)}: i, f, o = σ(·), g = tanh(·) of x·W_ihᵀ + b_ih + h·W_hhᵀ +
 * b_hh (gates stacked in the order i, f, g, o), c' = f⊙c + i⊙g, h' = o⊙tanh(c').
 */
public final class Lstm extends Recurrent {
    /**
     * @param inputSize     features per step of the input, ≥ 1
     * @param hiddenSize    units per layer and direction, ≥ 1
     * @param numLayers     stacked layers, ≥ 1
     * @param bidirectional whether each layer also reads the sequences backwards
     */
    public record Config(int inputSize, int hiddenSize, int numLayers, boolean bidirectional) {
        public Config {
            checkSizes("LSTM", inputSize, hiddenSize, numLayers);
        }

        /** One forward layer. */
        public Config(int inputSize, int hiddenSize) {
            this(inputSize, hiddenSize, 1, false);
        }
    }

    private final Config config;

    public Lstm(Config config, Rng rng) {
        super("LSTM", 4, config.inputSize(), config.hiddenSize(), config.numLayers(), config.bidirectional(), rng);
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
     * @param c0      the initial cell states, the same shape, or null for zeros
     */
    public RecurrentOutput forward(Tensor input, int[] lengths, Tensor h0, Tensor c0) {
        return run(input, lengths, new Tensor[] {h0, c0});
    }

    @Override
    Sweep sweep(Schedule schedule, Tensor x, List<Tensor> weights, Tensor[] initial, int initialOffset) {
        return new LstmSweep(schedule, x, weights, initial, initialOffset);
    }

    @Override
    int stateCount() {
        return 2;
    }
}
