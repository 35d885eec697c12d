package dev.kiln.nn.layer;

import dev.kiln.nn.tensor.Tensor;
import java.util.List;
import java.util.Locale;

/** Element-wise activations as parameter-free layers. */
public enum Activation implements Module {
    RELU, LEAKY_RELU, GELU, SIGMOID, TANH;

    /** The negative slope of {@link #LEAKY_RELU}, PyTorch's default. */
    public static final float LEAKY_SLOPE = 0.01f;

    @Override
    public Tensor forward(Tensor input) {
        return switch (this) {
            case RELU -> input.relu();
            case LEAKY_RELU -> input.leakyRelu(LEAKY_SLOPE);
            case GELU -> input.gelu();
            case SIGMOID -> input.sigmoid();
            case TANH -> input.tanh();
        };
    }

    @Override
    public List<Tensor> parameters() {
        return List.of();
    }

    /** By name, case-insensitive, with '-' or '_' ("relu", "leaky-relu", "gelu", "sigmoid", "tanh"). */
    public static Activation named(String name) {
        String key = name.trim().toUpperCase(Locale.ROOT).replace('-', '_');
        for (Activation a : values()) {
            if (a.name().equals(key)) {
                return a;
            }
        }
        throw new IllegalArgumentException("unknown activation '" + name + "'; use relu, leaky-relu, gelu, sigmoid or tanh");
    }
}
