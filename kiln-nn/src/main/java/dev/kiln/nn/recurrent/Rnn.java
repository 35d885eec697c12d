package dev.kiln.nn.recurrent;

import dev.kiln.core.random.Rng;
import dev.kiln.nn.tensor.Tensor;
import java.util.List;

/**
 * The simple recurrent network of Elman (Cognitive Science 1990), exactly as PyTorch's
 * {@code nn.RNN(batch_first=True)}: h' = φ(x·W_ihᵀ + b_ih + h·W_hhᵀ + b_hh) with φ = tanh or ReLU.
 */
public final class Rnn extends Recurrent {
    /** The non-linearity φ. */
    public enum Nonlinearity {
        TANH, RELU
    }

    /**
     * @param inputSize     features per step of the input, ≥ 1
     * @param hiddenSize    units per layer and direction, ≥ 1
     * @param numLayers     stacked layers, ≥ 1
     * @param bidirectional whether each layer also reads the sequences backwards
     * @param nonlinearity  φ (PyTorch's default: tanh)
     */
    public record Config(int inputSize, int hiddenSize, int numLayers, boolean bidirectional, Nonlinearity nonlinearity) {
        public Config {
            checkSizes("RNN", inputSize, hiddenSize, numLayers);
            if (nonlinearity == null) {
                throw new IllegalArgumentException("RNN: nonlinearity must be TANH or RELU, got null");
            }
        }

        /** One forward tanh layer. */
        public Config(int inputSize, int hiddenSize) {
            this(inputSize, hiddenSize, 1, false, Nonlinearity.TANH);
        }
    }

    private final Config config;

    public Rnn(Config config, Rng rng) {
        super("RNN", 1, config.inputSize(), config.hiddenSize(), config.numLayers(), config.bidirectional(), rng);
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
        return new RnnSweep(schedule, x, weights, initial, initialOffset, config.nonlinearity() == Nonlinearity.RELU);
    }

    @Override
    int stateCount() {
        return 1;
    }
}
