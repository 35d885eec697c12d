package dev.kiln.nn.recurrent;

import dev.kiln.core.random.Rng;
import dev.kiln.nn.layer.Module;
import dev.kiln.nn.tensor.Tensor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * A stack of recurrent layers over batch-first sequences [batch, time, features], each layer
 * optionally bidirectional (Schuster and Paliwal, IEEE Trans. Signal Processing 1997) and each
 * layer-direction one fused operation. Parameters, their layout and their initialisation
 * (uniform on ±1/√hidden) are PyTorch's, in the order of {@link #parameterNames()}, so weights
 * carry over from {@code state_dict()} as they are.
 *
 * <p>Batches of unequal lengths are padded to a common time and given with their lengths: each
 * sequence then runs as if alone, as PyTorch's {@code pack_padded_sequence} makes it, with
 * outputs past its length zero and the reverse direction starting at its own last step.
 */
public abstract sealed class Recurrent implements Module permits Rnn, Lstm, Gru {
    private final String name;
    private final int inputSize;
    private final int hiddenSize;
    private final int numLayers;
    private final int directions;
    private final List<Tensor> parameters;

    Recurrent(String name, int gates, int inputSize, int hiddenSize, int numLayers, boolean bidirectional, Rng rng) {
        this.name = name;
        this.inputSize = inputSize;
        this.hiddenSize = hiddenSize;
        this.numLayers = numLayers;
        this.directions = bidirectional ? 2 : 1;
        float bound = (float) (1 / Math.sqrt(hiddenSize));
        List<Tensor> params = new ArrayList<>();
        for (int layer = 0; layer < numLayers; layer++) {
            int in = layer == 0 ? inputSize : directions * hiddenSize;
            for (int d = 0; d < directions; d++) {
                params.add(Tensor.uniform(rng, -bound, bound, gates * hiddenSize, in).requireGrad());
                params.add(Tensor.uniform(rng, -bound, bound, gates * hiddenSize, hiddenSize).requireGrad());
                params.add(Tensor.uniform(rng, -bound, bound, gates * hiddenSize).requireGrad());
                params.add(Tensor.uniform(rng, -bound, bound, gates * hiddenSize).requireGrad());
            }
        }
        this.parameters = List.copyOf(params);
    }

    static void checkSizes(String name, int inputSize, int hiddenSize, int numLayers) {
        if (inputSize < 1 || hiddenSize < 1 || numLayers < 1) {
            throw new IllegalArgumentException(name + ": inputSize, hiddenSize and numLayers must be >= 1, got "
                    + inputSize + ", " + hiddenSize + " and " + numLayers);
        }
    }

    /** One direction of one layer over {@code x}, with this layer-direction's four {@code weights}. */
    abstract Sweep sweep(Schedule schedule, Tensor x, List<Tensor> weights, Tensor[] initial, int initialOffset);

    /** The states the cell carries: 1 (h), or 2 (h and c). */
    abstract int stateCount();

    /** The outputs [batch, time, directions·hidden] of full-length sequences [batch, time, inputSize] from zero states. */
    @Override
    public Tensor forward(Tensor input) {
        return run(input, null, new Tensor[stateCount()]).output();
    }

    /**
     * Runs sequences [batch, time, inputSize] from zero states.
     *
     * @param lengths each sequence's length, in [1, time], or null when all are full: steps past it are padding
     */
    public RecurrentOutput forward(Tensor input, int[] lengths) {
        return run(input, lengths, new Tensor[stateCount()]);
    }

    final RecurrentOutput run(Tensor input, int[] lengths, Tensor[] initial) {
        if (input.rank() != 3 || input.dim(2) != inputSize) {
            throw new IllegalArgumentException(name + ": input must be [batch, time, " + inputSize + "], got shape "
                    + Arrays.toString(input.shape()));
        }
        int batch = input.dim(0);
        int steps = input.dim(1);
        if (batch < 1 || steps < 1) {
            throw new IllegalArgumentException(name + ": needs at least one sequence of at least one step, got shape "
                    + Arrays.toString(input.shape()));
        }
        checkLengths(lengths, batch, steps);
        int[] stateShape = {numLayers * directions, batch, hiddenSize};
        for (int k = 0; k < initial.length; k++) {
            if (initial[k] != null && !Arrays.equals(initial[k].shape(), stateShape)) {
                throw new IllegalArgumentException(name + ": initial " + (k == 0 ? "hidden" : "cell") + " state must be "
                        + Arrays.toString(stateShape) + " (layers·directions, batch, hidden), got " + Arrays.toString(initial[k].shape()));
            }
        }
        Schedule[] schedules = Schedule.of(lengths, batch, steps);
        String op = name.toLowerCase(Locale.ROOT);
        int block = batch * hiddenSize;
        Tensor x = input;
        Tensor[] all = new Tensor[numLayers * directions];
        for (int layer = 0; layer < numLayers; layer++) {
            Tensor[] sweeps = new Tensor[directions];
            for (int d = 0; d < directions; d++) {
                int k = layer * directions + d;
                sweeps[d] = sweep(schedules[d], x, parameters.subList(4 * k, 4 * k + 4), initial, k * block)
                        .apply(op + "_l" + layer + (d == 1 ? "_reverse" : ""));
                all[k] = sweeps[d];
            }
            x = Interleave.of(op + "_output", new int[] {batch, steps, directions * hiddenSize}, sweeps, 0, batch * steps, hiddenSize);
        }
        int finals = steps * block;
        Tensor hidden = Interleave.of(op + "_hidden", stateShape, all, finals, 1, block);
        Tensor cell = stateCount() == 2 ? Interleave.of(op + "_cell", stateShape, all, finals + block, 1, block) : null;
        Tensor[] top = Arrays.copyOfRange(all, all.length - directions, all.length);
        Tensor last = Interleave.of(op + "_last", new int[] {batch, directions * hiddenSize}, top, finals, batch, hiddenSize);
        return new RecurrentOutput(x, hidden, cell, last);
    }

    private void checkLengths(int[] lengths, int batch, int steps) {
        if (lengths == null) {
            return;
        }
        if (lengths.length != batch) {
            throw new IllegalArgumentException(name + ": " + lengths.length + " lengths for a batch of " + batch + " sequences");
        }
        for (int b = 0; b < batch; b++) {
            if (lengths[b] < 1 || lengths[b] > steps) {
                throw new IllegalArgumentException(name + ": sequence " + b + " has length " + lengths[b] + ", outside [1, " + steps + "]");
            }
        }
    }

    /** PyTorch's names for {@link #parameters()}, in the same order: weight_ih_l0, weight_hh_l0, bias_ih_l0, bias_hh_l0, weight_ih_l0_reverse, …. */
    public List<String> parameterNames() {
        List<String> names = new ArrayList<>();
        for (int layer = 0; layer < numLayers; layer++) {
            for (int d = 0; d < directions; d++) {
                String suffix = "_l" + layer + (d == 1 ? "_reverse" : "");
                for (String kind : new String[] {"weight_ih", "weight_hh", "bias_ih", "bias_hh"}) {
                    names.add(kind + suffix);
                }
            }
        }
        return names;
    }

    /**
     * The trainable tensors in PyTorch's order: per layer, per direction (forward first), W_ih
     * [gates·hidden, in], W_hh [gates·hidden, hidden], b_ih and b_hh [gates·hidden].
     */
    @Override
    public List<Tensor> parameters() {
        return parameters;
    }

    /** The parameter PyTorch calls {@code name} (one of {@link #parameterNames()}). */
    public Tensor parameter(String parameterName) {
        int k = parameterNames().indexOf(parameterName);
        if (k < 0) {
            throw new IllegalArgumentException(name + ": no parameter " + parameterName + "; there are " + parameterNames());
        }
        return parameters.get(k);
    }
}
