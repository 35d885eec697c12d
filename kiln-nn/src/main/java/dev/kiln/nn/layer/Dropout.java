package dev.kiln.nn.layer;

import dev.kiln.core.random.Rng;
import dev.kiln.nn.tensor.Tensor;
import java.util.List;
import java.util.Objects;

/**
 * Inverted dropout (Srivastava et al., JMLR 2014): in training each element is zeroed with
 * probability p and the survivors are scaled by 1/(1 − p), so the expected output equals the
 * input and evaluation needs no rescaling; in evaluation the layer is the identity. Masks are
 * drawn from the generator given at construction, so a seed fixes every mask of a run.
 * Training mode is on from construction, as in PyTorch.
 */
public final class Dropout implements Module {
    /** @param p the probability of zeroing an element, in [0, 1) (PyTorch: 0.5) */
    public record Config(double p) {
        public Config {
            if (!(p >= 0 && p < 1)) {
                throw new IllegalArgumentException("Dropout: p must be in [0, 1), got " + p);
            }
        }
    }

    private final Config config;
    private final Rng rng;
    private boolean training = true;

    public Dropout(Config config, Rng rng) {
        this.config = Objects.requireNonNull(config, "Dropout: config");
        this.rng = Objects.requireNonNull(rng, "Dropout: rng");
    }

    public Dropout(double p, Rng rng) {
        this(new Config(p), rng);
    }

    @Override
    public Tensor forward(Tensor input) {
        if (!training || config.p() == 0) {
            return input;
        }
        double p = config.p();
        float scale = (float) (1 / (1 - p));
        float[] x = input.data();
        // The mask holds each element's factor, 0 or 1/(1 − p); the backward pass reuses it.
        float[] mask = new float[x.length];
        float[] y = new float[x.length];
        for (int i = 0; i < x.length; i++) {
            if (rng.nextDouble() >= p) {
                mask[i] = scale;
                y[i] = x[i] * scale;
            }
        }
        return Tensor.derived("dropout", y, input.shape(), g -> {
            float[] gx = input.gradientBuffer();
            for (int i = 0; i < g.length; i++) {
                gx[i] += g[i] * mask[i];
            }
        }, input);
    }

    @Override
    public List<Tensor> parameters() {
        return List.of();
    }

    @Override
    public void train(boolean training) {
        this.training = training;
    }

    public boolean isTraining() {
        return training;
    }

    public Config config() {
        return config;
    }
}
