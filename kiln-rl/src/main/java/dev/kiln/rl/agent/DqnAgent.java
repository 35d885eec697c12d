package dev.kiln.rl.agent;

import dev.kiln.core.random.Rng;
import dev.kiln.nn.layer.Activation;
import dev.kiln.nn.layer.Linear;
import dev.kiln.nn.layer.Module;
import dev.kiln.nn.layer.Sequential;
import dev.kiln.nn.tensor.Tensor;
import dev.kiln.rl.Evaluation;
import dev.kiln.rl.env.EnvironmentSpec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The greedy policy of a trained deep Q-network (Mnih et al. 2015): a ReLU MLP of the given layer
 * widths mapping an observation to one value per action. Immutable; acting is thread-safe.
 */
public final class DqnAgent implements TrainedAgent {
    private final EnvironmentSpec environment;
    private final int[] widths;
    private final float[][] weights;
    private final Sequential network;

    /**
     * @param widths  layer widths, observation size first and action count last
     * @param weights per Linear layer its weight [out × in] then its bias [out], row-major
     */
    public DqnAgent(EnvironmentSpec environment, int[] widths, float[][] weights) {
        if (widths.length < 2 || weights.length != 2 * (widths.length - 1)) {
            throw new IllegalArgumentException("DQN agent: " + widths.length + " layer widths need " + 2 * Math.max(0, widths.length - 1)
                    + " weight arrays, got " + weights.length);
        }
        this.environment = environment;
        this.widths = widths.clone();
        this.weights = new float[weights.length][];
        List<Module> layers = new ArrayList<>();
        for (int i = 0; i + 1 < widths.length; i++) {
            int in = widths[i];
            int out = widths[i + 1];
            float[] w = weights[2 * i];
            float[] bias = weights[2 * i + 1];
            if (w.length != in * out || bias.length != out) {
                throw new IllegalArgumentException("DQN agent: layer " + i + " needs " + in * out + " weights and " + out + " biases, got "
                        + w.length + " and " + bias.length);
            }
            this.weights[2 * i] = w.clone();
            this.weights[2 * i + 1] = bias.clone();
            layers.add(new Linear(Tensor.of(w, out, in), Tensor.of(bias, out)));
            if (i + 2 < widths.length) {
                layers.add(Activation.RELU);
            }
        }
        this.network = new Sequential(layers);
    }

    @Override
    public EnvironmentSpec environment() {
        return environment;
    }

    @Override
    public String algorithm() {
        return "dqn";
    }

    public int[] widths() {
        return widths.clone();
    }

    /** Weight then bias of each Linear layer, copies. */
    public float[][] weights() {
        float[][] copy = new float[weights.length][];
        for (int i = 0; i < copy.length; i++) {
            copy[i] = weights[i].clone();
        }
        return copy;
    }

    /** Q(observation, ·). */
    public float[] actionValues(float[] observation) {
        if (observation.length != widths[0]) {
            throw new IllegalArgumentException("DQN agent: expected an observation of " + widths[0] + " values, got " + observation.length);
        }
        try (Tensor.NoGrad ignored = Tensor.noGrad()) {
            return network.forward(Tensor.of(observation, 1, observation.length)).data().clone();
        }
    }

    /** The action of largest value (the first among ties). */
    public int act(float[] observation) {
        float[] q = actionValues(observation);
        int best = 0;
        for (int a = 1; a < q.length; a++) {
            if (q[a] > q[best]) {
                best = a;
            }
        }
        return best;
    }

    @Override
    public Evaluation evaluate(int episodes, Rng rng) {
        return Evaluation.run(environment.vector(), this::act, episodes, rng);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DqnAgent d && d.environment.equals(environment) && Arrays.equals(d.widths, widths)
                && Arrays.deepEquals(d.weights, weights);
    }

    @Override
    public int hashCode() {
        return environment.hashCode() * 31 + Arrays.deepHashCode(weights);
    }
}
