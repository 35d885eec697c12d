package dev.kiln.nn.layer;

import dev.kiln.nn.tensor.Convolution.Window;
import dev.kiln.nn.tensor.Pooling;
import dev.kiln.nn.tensor.Tensor;
import java.util.List;
import java.util.Locale;

/** Max or average pooling over square windows of NCHW batches: a parameter-free layer (see {@link Pooling}). */
public final class Pool2d implements Module {
    /** Which statistic a window reduces to. */
    public enum Kind {
        MAX, AVERAGE;

        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** Window size, stride (PyTorch's default: the window size) and zero padding (at most half the window). */
    public record Config(Kind kind, int kernel, int stride, int padding) {
        public Config {
            if (kind == null) {
                throw new IllegalArgumentException("Pool2d: kind is required");
            }
            new Window(kernel, kernel, stride, stride, padding, padding);
            if (2 * padding > kernel) {
                throw new IllegalArgumentException("Pool2d: padding must be at most half the kernel, got " + padding + " for " + kernel);
            }
        }

        public int outSize(int in) {
            return in + 2 * padding < kernel ? 0 : (in + 2 * padding - kernel) / stride + 1;
        }
    }

    private final Config config;
    private final Window window;

    public Pool2d(Config config) {
        this.config = config;
        this.window = Window.square(config.kernel(), config.stride(), config.padding());
    }

    /** Max pooling over k×k windows with stride k, as {@code nn.MaxPool2d(k)}. */
    public static Pool2d max(int kernel) {
        return new Pool2d(new Config(Kind.MAX, kernel, kernel, 0));
    }

    /** Average pooling over k×k windows with stride k, as {@code nn.AvgPool2d(k)}. */
    public static Pool2d average(int kernel) {
        return new Pool2d(new Config(Kind.AVERAGE, kernel, kernel, 0));
    }

    @Override
    public Tensor forward(Tensor input) {
        return config.kind() == Kind.MAX ? Pooling.maxPool2d(input, window) : Pooling.avgPool2d(input, window);
    }

    @Override
    public List<Tensor> parameters() {
        return List.of();
    }

    public Config config() {
        return config;
    }
}
