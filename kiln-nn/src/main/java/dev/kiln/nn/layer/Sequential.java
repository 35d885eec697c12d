package dev.kiln.nn.layer;

import dev.kiln.nn.tensor.Tensor;
import java.util.ArrayList;
import java.util.List;

/** Layers applied one after another; its parameters are theirs, in order. */
public final class Sequential implements Module {
    private final List<Module> layers;

    public Sequential(List<? extends Module> layers) {
        this.layers = List.copyOf(layers);
    }

    public Sequential(Module... layers) {
        this(List.of(layers));
    }

    /**
     * A multilayer perceptron: Linear layers of the given widths (input first, output last) with
     * {@code activation} between them and none after the last.
     */
    public static Sequential mlp(int[] widths, Activation activation, dev.kiln.core.random.Rng rng) {
        if (widths.length < 2) {
            throw new IllegalArgumentException("mlp: needs at least the input and output widths, got " + java.util.Arrays.toString(widths));
        }
        List<Module> layers = new ArrayList<>();
        for (int i = 0; i + 1 < widths.length; i++) {
            layers.add(new Linear(widths[i], widths[i + 1], rng));
            if (i + 2 < widths.length) {
                layers.add(activation);
            }
        }
        return new Sequential(layers);
    }

    @Override
    public Tensor forward(Tensor input) {
        Tensor x = input;
        for (Module m : layers) {
            x = m.forward(x);
        }
        return x;
    }

    @Override
    public List<Tensor> parameters() {
        List<Tensor> all = new ArrayList<>();
        for (Module m : layers) {
            all.addAll(m.parameters());
        }
        return all;
    }

    @Override
    public void train(boolean training) {
        for (Module m : layers) {
            m.train(training);
        }
    }

    public List<Module> layers() {
        return layers;
    }
}
