package dev.kiln.nn.layer;

import dev.kiln.core.random.Rng;
import dev.kiln.nn.tensor.Tensor;
import java.util.Arrays;

/**
 * Weight initialisation, as PyTorch's {@code torch.nn.init}: Xavier/Glorot (Glorot and Bengio,
 * AISTATS 2010), which keeps the variance of activations and gradients alike across layers with
 * Var = gain²·2/(fan_in + fan_out), and He/Kaiming (He et al., ICCV 2015), which keeps one of
 * them for rectifiers with Var = gain²/fan. Each method fills a tensor's storage in place from
 * the generator and returns the tensor. Fans come from [out, in] or [out, in, k₁, k₂, ...]
 * shapes: fan_in = in·k₁k₂…, fan_out = out·k₁k₂….
 */
public final class Init {
    private Init() {
    }

    /** The nonlinearities {@link #gain} knows, named as in PyTorch's {@code calculate_gain}. */
    public enum Nonlinearity {
        LINEAR, SIGMOID, TANH, RELU, LEAKY_RELU, SELU
    }

    /** Which fan He initialisation preserves: activations forward (fan_in) or gradients backward (fan_out). */
    public enum FanMode {
        FAN_IN, FAN_OUT
    }

    /** The fans of a weight shape. */
    public record Fans(int in, int out) {
    }

    /** fan_in and fan_out of an [out, in, ...] weight; refuses shapes of rank below 2, as PyTorch does. */
    public static Fans fans(int... shape) {
        if (shape.length < 2) {
            throw new IllegalArgumentException("Init: fans need a weight of rank 2 or more ([out, in, ...]), got shape "
                    + Arrays.toString(shape));
        }
        long receptive = 1;
        for (int d = 2; d < shape.length; d++) {
            receptive *= shape[d];
        }
        return new Fans(Math.toIntExact(shape[1] * receptive), Math.toIntExact(shape[0] * receptive));
    }

    /**
     * The recommended gain: 1 for linear and sigmoid, 5/3 for tanh, √2 for ReLU,
     * √(2/(1 + 0.01²)) for leaky ReLU at its default slope, 3/4 for SELU.
     */
    public static double gain(Nonlinearity nonlinearity) {
        return switch (nonlinearity) {
            case LINEAR, SIGMOID -> 1.0;
            case TANH -> 5.0 / 3;
            case RELU -> Math.sqrt(2.0);
            case LEAKY_RELU -> leakyReluGain(0.01);
            case SELU -> 3.0 / 4;
        };
    }

    /** √(2/(1 + a²)), the gain for a leaky ReLU of negative slope a. */
    public static double leakyReluGain(double slope) {
        if (!Double.isFinite(slope)) {
            throw new IllegalArgumentException("Init: the leaky ReLU slope must be finite, got " + slope);
        }
        return Math.sqrt(2.0 / (1 + slope * slope));
    }

    /** Uniform on ±gain·√(6/(fan_in + fan_out)). */
    public static Tensor xavierUniform(Tensor tensor, double gain, Rng rng) {
        Fans f = fans(tensor.shape());
        double std = checkGain(gain) * Math.sqrt(2.0 / (f.in() + f.out()));
        return fillUniform(tensor, Math.sqrt(3) * std, rng);
    }

    /** Normal with mean 0 and standard deviation gain·√(2/(fan_in + fan_out)). */
    public static Tensor xavierNormal(Tensor tensor, double gain, Rng rng) {
        Fans f = fans(tensor.shape());
        double std = checkGain(gain) * Math.sqrt(2.0 / (f.in() + f.out()));
        return fillNormal(tensor, std, rng);
    }

    /** Uniform on ±gain·√(3/fan). */
    public static Tensor kaimingUniform(Tensor tensor, FanMode mode, double gain, Rng rng) {
        double std = checkGain(gain) / Math.sqrt(fan(tensor, mode));
        return fillUniform(tensor, Math.sqrt(3) * std, rng);
    }

    /** Normal with mean 0 and standard deviation gain/√fan. */
    public static Tensor kaimingNormal(Tensor tensor, FanMode mode, double gain, Rng rng) {
        double std = checkGain(gain) / Math.sqrt(fan(tensor, mode));
        return fillNormal(tensor, std, rng);
    }

    /** Uniform on [low, high). */
    public static Tensor uniform(Tensor tensor, double low, double high, Rng rng) {
        if (!(low <= high) || !Double.isFinite(low) || !Double.isFinite(high)) {
            throw new IllegalArgumentException("Init: uniform needs finite low <= high, got " + low + " and " + high);
        }
        float[] v = tensor.data();
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) (low + (high - low) * rng.nextDouble());
        }
        return tensor;
    }

    /** Every element set to {@code value} (zeros for biases, ones for normalisation scales). */
    public static Tensor constant(Tensor tensor, float value) {
        Arrays.fill(tensor.data(), value);
        return tensor;
    }

    private static int fan(Tensor tensor, FanMode mode) {
        Fans f = fans(tensor.shape());
        return mode == FanMode.FAN_IN ? f.in() : f.out();
    }

    private static double checkGain(double gain) {
        if (!(gain > 0) || Double.isInfinite(gain)) {
            throw new IllegalArgumentException("Init: gain must be a finite number > 0, got " + gain);
        }
        return gain;
    }

    // An empty tensor has a zero fan and so an infinite bound, but no element to fill.
    private static Tensor fillUniform(Tensor tensor, double bound, Rng rng) {
        float[] v = tensor.data();
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) (bound * (2 * rng.nextDouble() - 1));
        }
        return tensor;
    }

    private static Tensor fillNormal(Tensor tensor, double std, Rng rng) {
        float[] v = tensor.data();
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) (std * rng.nextGaussian());
        }
        return tensor;
    }
}
