package dev.kiln.nn.layer;

import dev.kiln.core.random.Rng;
import dev.kiln.nn.tensor.Convolution;
import dev.kiln.nn.tensor.Tensor;
import java.util.List;

/**
 * A 2-D convolution layer over NCHW batches (LeCun et al., "Gradient-Based Learning Applied to
 * Document Recognition", 1998), computed by {@link Convolution#conv2d}. Weights [out, in, k, k]
 * and bias [out] are initialised as PyTorch's {@code nn.Conv2d}: uniform on ±1/√(in·k·k).
 */
public final class Conv2d implements Module {
    /** The layer's shape: channels in and out, a square kernel, stride and zero padding. */
    public record Config(int inChannels, int outChannels, int kernel, int stride, int padding) {
        public Config {
            if (inChannels < 1 || outChannels < 1) {
                throw new IllegalArgumentException("Conv2d: channels must be >= 1, got in = " + inChannels + ", out = " + outChannels);
            }
            if (kernel < 1 || stride < 1 || padding < 0) {
                throw new IllegalArgumentException("Conv2d: needs kernel >= 1, stride >= 1, padding >= 0; got kernel = " + kernel
                        + ", stride = " + stride + ", padding = " + padding);
            }
        }

        /** The spatial size of the output for an input of size {@code in} along one axis. */
        public int outSize(int in) {
            return in + 2 * padding < kernel ? 0 : (in + 2 * padding - kernel) / stride + 1;
        }
    }

    private final Config config;
    private final Tensor weight;
    private final Tensor bias;

    public Conv2d(Config config, Rng rng) {
        this.config = config;
        int fanIn = config.inChannels() * config.kernel() * config.kernel();
        float bound = (float) (1 / Math.sqrt(fanIn));
        this.weight = Tensor.uniform(rng, -bound, bound, config.outChannels(), config.inChannels(), config.kernel(), config.kernel())
                .requireGrad();
        this.bias = Tensor.uniform(rng, -bound, bound, config.outChannels()).requireGrad();
    }

    /** A layer with the given weights [out, in, k, k] and bias [out], which become its parameters. */
    public Conv2d(Config config, Tensor weight, Tensor bias) {
        int[] expected = {config.outChannels(), config.inChannels(), config.kernel(), config.kernel()};
        if (!java.util.Arrays.equals(weight.shape(), expected) || bias.rank() != 1 || bias.dim(0) != config.outChannels()) {
            throw new IllegalArgumentException("Conv2d: weight must be " + java.util.Arrays.toString(expected) + " and bias ["
                    + config.outChannels() + "]; got " + java.util.Arrays.toString(weight.shape()) + " and "
                    + java.util.Arrays.toString(bias.shape()));
        }
        this.config = config;
        this.weight = weight.requiresGrad() ? weight : weight.requireGrad();
        this.bias = bias.requiresGrad() ? bias : bias.requireGrad();
    }

    @Override
    public Tensor forward(Tensor input) {
        if (input.rank() != 4 || input.dim(1) != config.inChannels()) {
            throw new IllegalArgumentException("Conv2d: expected input [batch, " + config.inChannels() + ", height, width], got "
                    + java.util.Arrays.toString(input.shape()));
        }
        return Convolution.conv2d(input, weight, bias, config.stride(), config.padding());
    }

    @Override
    public List<Tensor> parameters() {
        return List.of(weight, bias);
    }

    public Config config() {
        return config;
    }

    public Tensor weight() {
        return weight;
    }

    public Tensor bias() {
        return bias;
    }
}
