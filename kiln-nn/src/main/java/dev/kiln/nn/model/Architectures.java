package dev.kiln.nn.model;

import dev.kiln.core.random.Rng;
import dev.kiln.nn.layer.Activation;
import dev.kiln.nn.layer.ChannelNormalization;
import dev.kiln.nn.layer.Conv2d;
import dev.kiln.nn.layer.Dropout;
import dev.kiln.nn.layer.Flatten;
import dev.kiln.nn.layer.Linear;
import dev.kiln.nn.layer.Module;
import dev.kiln.nn.layer.Pool2d;
import dev.kiln.nn.layer.Sequential;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The image classifiers {@code kiln train --model mlp|cnn} builds. Each may start with a
 * {@link ChannelNormalization} (given, or null for none) that standardises raw pixels.
 */
public final class Architectures {
    private Architectures() {
    }

    /** Flatten, then Linear–ReLU for each hidden width, then a Linear to the classes. */
    public static Sequential mlp(int channels, int height, int width, int[] hidden, int classes, Rng rng) {
        return mlp(null, channels, height, width, hidden, classes, 0, rng);
    }

    /** As {@link #mlp(int, int, int, int[], int, Rng)}, with dropout of probability {@code dropout} after each hidden ReLU (none when 0). */
    public static Sequential mlp(ChannelNormalization input, int channels, int height, int width, int[] hidden, int classes, double dropout,
                                 Rng rng) {
        List<Module> layers = new ArrayList<>();
        if (input != null) {
            layers.add(input);
        }
        layers.add(Flatten.INSTANCE);
        int in = channels * height * width;
        for (int h : hidden) {
            checkWidth("hidden", h, hidden);
            layers.add(new Linear(in, h, rng));
            layers.add(Activation.RELU);
            addDropout(layers, dropout, rng);
            in = h;
        }
        layers.add(new Linear(in, classes, rng));
        return new Sequential(layers);
    }

    /**
     * For each entry of {@code filters}: a 3×3 convolution (padding 1) to that many channels,
     * ReLU and 2×2 max pooling; then flatten, Linear–ReLU layers of widths {@code dense}, and a
     * Linear to the classes. With filters 32, 64 and dense 128: conv32-pool-conv64-pool-fc128.
     */
    public static Sequential cnn(int channels, int height, int width, int[] filters, int[] dense, int classes, Rng rng) {
        return cnn(null, channels, height, width, filters, dense, classes, 0, rng);
    }

    /** As {@link #cnn(int, int, int, int[], int[], int, Rng)}, with dropout after each dense ReLU (none when 0). */
    public static Sequential cnn(ChannelNormalization input, int channels, int height, int width, int[] filters, int[] dense, int classes,
                                 double dropout, Rng rng) {
        List<Module> layers = new ArrayList<>();
        if (input != null) {
            layers.add(input);
        }
        int c = channels;
        int h = height;
        int w = width;
        for (int f : filters) {
            checkWidth("filters", f, filters);
            if (h < 2 || w < 2) {
                throw new IllegalArgumentException(filters.length + " convolution blocks each halve the image; " + height + "x" + width
                        + " images are too small for " + Arrays.toString(filters));
            }
            layers.add(new Conv2d(new Conv2d.Config(c, f, 3, 1, 1), rng));
            layers.add(Activation.RELU);
            layers.add(Pool2d.max(2));
            c = f;
            h /= 2;
            w /= 2;
        }
        layers.add(Flatten.INSTANCE);
        int in = c * h * w;
        for (int d : dense) {
            checkWidth("dense", d, dense);
            layers.add(new Linear(in, d, rng));
            layers.add(Activation.RELU);
            addDropout(layers, dropout, rng);
            in = d;
        }
        layers.add(new Linear(in, classes, rng));
        return new Sequential(layers);
    }

    private static void addDropout(List<Module> layers, double p, Rng rng) {
        if (p != 0) {
            layers.add(new Dropout(p, rng.stream(layers.size())));
        }
    }

    private static void checkWidth(String name, int value, int[] all) {
        if (value < 1) {
            throw new IllegalArgumentException(name + " widths must be >= 1, got " + Arrays.toString(all));
        }
    }
}
