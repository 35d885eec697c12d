package dev.kiln.nn.model;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import dev.kiln.core.random.Rng;
import dev.kiln.nn.layer.Activation;
import dev.kiln.nn.layer.BatchNorm;
import dev.kiln.nn.layer.ChannelNormalization;
import dev.kiln.nn.layer.Dropout;
import dev.kiln.nn.layer.LayerNorm;
import dev.kiln.nn.layer.Conv2d;
import dev.kiln.nn.layer.Flatten;
import dev.kiln.nn.layer.Linear;
import dev.kiln.nn.layer.Module;
import dev.kiln.nn.layer.Pool2d;
import dev.kiln.nn.tensor.Tensor;
import java.util.List;
import java.util.Locale;

/**
 * One layer of a network as data: what a model file's manifest stores so that the
 * network can be rebuilt before its weights are read back. The set of layer types is closed;
 * the JSON names a type by a short word, never by a Java class.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
    @JsonSubTypes.Type(value = LayerSpec.Dense.class, name = "linear"),
    @JsonSubTypes.Type(value = LayerSpec.Convolution.class, name = "conv2d"),
    @JsonSubTypes.Type(value = LayerSpec.Pooling.class, name = "pool2d"),
    @JsonSubTypes.Type(value = LayerSpec.Flattening.class, name = "flatten"),
    @JsonSubTypes.Type(value = LayerSpec.Nonlinearity.class, name = "activation"),
    @JsonSubTypes.Type(value = LayerSpec.DropoutSpec.class, name = "dropout"),
    @JsonSubTypes.Type(value = LayerSpec.BatchNormSpec.class, name = "batch_norm"),
    @JsonSubTypes.Type(value = LayerSpec.LayerNormSpec.class, name = "layer_norm"),
    @JsonSubTypes.Type(value = LayerSpec.Standardization.class, name = "channel_normalization")
})
public sealed interface LayerSpec {

    /** A fresh layer of this shape, its weights drawn from {@code rng}. */
    Module build(Rng rng);

    /** A fully connected layer. */
    record Dense(int in, int out, boolean bias) implements LayerSpec {
        public Dense {
            if (in < 1 || out < 1) {
                throw new IllegalArgumentException("linear: in and out must be >= 1, got in = " + in + ", out = " + out);
            }
        }

        @Override
        public Module build(Rng rng) {
            return new Linear(in, out, bias, rng);
        }
    }

    record Convolution(int inChannels, int outChannels, int kernel, int stride, int padding) implements LayerSpec {
        public Convolution {
            new Conv2d.Config(inChannels, outChannels, kernel, stride, padding);
        }

        @Override
        public Module build(Rng rng) {
            return new Conv2d(new Conv2d.Config(inChannels, outChannels, kernel, stride, padding), rng);
        }
    }

    /** Max or average pooling; {@code kind} is "max" or "average". */
    record Pooling(String kind, int kernel, int stride, int padding) implements LayerSpec {
        public Pooling {
            config(kind, kernel, stride, padding);
        }

        private static Pool2d.Config config(String kind, int kernel, int stride, int padding) {
            Pool2d.Kind k = switch (kind == null ? "" : kind) {
                case "max" -> Pool2d.Kind.MAX;
                case "average" -> Pool2d.Kind.AVERAGE;
                default -> throw new IllegalArgumentException("pooling kind must be 'max' or 'average', got '" + kind + "'");
            };
            return new Pool2d.Config(k, kernel, stride, padding);
        }

        @Override
        public Module build(Rng rng) {
            return new Pool2d(config(kind, kernel, stride, padding));
        }
    }

    record Flattening() implements LayerSpec {
        @Override
        public Module build(Rng rng) {
            return Flatten.INSTANCE;
        }
    }

    /** An element-wise activation by name: relu, leaky_relu, gelu, sigmoid, tanh. */
    record Nonlinearity(String function) implements LayerSpec {
        public Nonlinearity {
            Activation.named(function);
        }

        @Override
        public Module build(Rng rng) {
            return Activation.named(function);
        }
    }

    /** Inverted dropout with drop probability p; identity once training is over. */
    record DropoutSpec(double p) implements LayerSpec {
        public DropoutSpec {
            new Dropout.Config(p);
        }

        @Override
        public Module build(Rng rng) {
            return new Dropout(new Dropout.Config(p), rng);
        }
    }

    record BatchNormSpec(int channels, double eps, double momentum, boolean affine) implements LayerSpec {
        public BatchNormSpec {
            new BatchNorm.Config(channels, eps, momentum, affine);
        }

        @Override
        public Module build(Rng rng) {
            return new BatchNorm(new BatchNorm.Config(channels, eps, momentum, affine));
        }
    }

    record LayerNormSpec(List<Integer> normalizedShape, double eps, boolean affine) implements LayerSpec {
        public LayerNormSpec {
            new LayerNorm.Config(normalizedShape, eps, affine);
        }

        @Override
        public Module build(Rng rng) {
            return new LayerNorm(new LayerNorm.Config(normalizedShape, eps, affine));
        }
    }

    /** Fixed per-channel standardisation of the input, with the training data's statistics. */
    record Standardization(float[] mean, float[] std) implements LayerSpec {
        public Standardization {
            new ChannelNormalization(mean, std);
        }

        @Override
        public Module build(Rng rng) {
            return new ChannelNormalization(mean, std);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Standardization s && java.util.Arrays.equals(mean, s.mean) && java.util.Arrays.equals(std, s.std);
        }

        @Override
        public int hashCode() {
            return 31 * java.util.Arrays.hashCode(mean) + java.util.Arrays.hashCode(std);
        }

        @Override
        public String toString() {
            return "Standardization[mean=" + java.util.Arrays.toString(mean) + ", std=" + java.util.Arrays.toString(std) + "]";
        }
    }

    /** The state a layer keeps beside its parameters (batch norm's running statistics), saved with them. */
    static List<Tensor> buffers(Module layer) {
        return layer instanceof BatchNorm b ? b.buffers() : List.of();
    }

    /** The description of {@code layer}, or an error naming a layer type Kiln cannot store. */
    static LayerSpec of(Module layer) {
        if (layer instanceof Linear l) {
            return new Dense(l.inFeatures(), l.outFeatures(), l.bias() != null);
        }
        if (layer instanceof Conv2d c) {
            Conv2d.Config k = c.config();
            return new Convolution(k.inChannels(), k.outChannels(), k.kernel(), k.stride(), k.padding());
        }
        if (layer instanceof Pool2d p) {
            Pool2d.Config k = p.config();
            return new Pooling(k.kind().label(), k.kernel(), k.stride(), k.padding());
        }
        if (layer instanceof Flatten) {
            return new Flattening();
        }
        if (layer instanceof Activation a) {
            return new Nonlinearity(a.name().toLowerCase(Locale.ROOT));
        }
        if (layer instanceof ChannelNormalization n) {
            return new Standardization(n.mean(), n.std());
        }
        if (layer instanceof Dropout d) {
            return new DropoutSpec(d.config().p());
        }
        if (layer instanceof BatchNorm b) {
            BatchNorm.Config k = b.config();
            return new BatchNormSpec(k.channels(), k.eps(), k.momentum(), k.affine());
        }
        if (layer instanceof LayerNorm l) {
            LayerNorm.Config k = l.config();
            return new LayerNormSpec(k.normalizedShape(), k.eps(), k.affine());
        }
        throw new IllegalArgumentException("a " + layer.getClass().getSimpleName() + " layer cannot be saved in a model file yet");
    }
}
