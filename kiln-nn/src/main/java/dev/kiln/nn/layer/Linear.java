package dev.kiln.nn.layer;

import dev.kiln.core.random.Rng;
import dev.kiln.nn.tensor.Tensor;
import java.util.List;

/**
 * A fully connected layer, y = x·Wᵀ + b, with W [out, in] as PyTorch lays it out. Initialised as
 * PyTorch's {@code nn.Linear}: W and b uniform on ±1/√in (He et al.'s "Kaiming uniform" with
 * a = √5, ICCV 2015).
 */
public final class Linear implements Module {
    private final Tensor weight;
    private final Tensor bias;

    public Linear(int in, int out, boolean withBias, Rng rng) {
        if (in < 1 || out < 1) {
            throw new IllegalArgumentException("Linear: in and out must be >= 1, got in = " + in + ", out = " + out);
        }
        float bound = (float) (1 / Math.sqrt(in));
        this.weight = Tensor.uniform(rng, -bound, bound, out, in).requireGrad();
        this.bias = withBias ? Tensor.uniform(rng, -bound, bound, out).requireGrad() : null;
    }

    public Linear(int in, int out, Rng rng) {
        this(in, out, true, rng);
    }

    /** A layer with the given weights [out, in] and bias [out] (or null), which become its parameters. */
    public Linear(Tensor weight, Tensor bias) {
        if (weight.rank() != 2 || (bias != null && (bias.rank() != 1 || bias.dim(0) != weight.dim(0)))) {
            throw new IllegalArgumentException("Linear: weight must be [out, in] and bias [out]; got "
                    + java.util.Arrays.toString(weight.shape()) + " and " + (bias == null ? "none" : java.util.Arrays.toString(bias.shape())));
        }
        this.weight = weight.requiresGrad() ? weight : weight.requireGrad();
        this.bias = bias == null ? null : bias.requiresGrad() ? bias : bias.requireGrad();
    }

    @Override
    public Tensor forward(Tensor input) {
        return input.linear(weight, bias);
    }

    @Override
    public List<Tensor> parameters() {
        return bias == null ? List.of(weight) : List.of(weight, bias);
    }

    public Tensor weight() {
        return weight;
    }

    /** The bias, or null. */
    public Tensor bias() {
        return bias;
    }

    public int inFeatures() {
        return weight.dim(1);
    }

    public int outFeatures() {
        return weight.dim(0);
    }
}
