package dev.kiln.nn.optim;

import dev.kiln.nn.tensor.Tensor;
import java.util.List;

/**
 * Stochastic gradient descent with optional momentum (Polyak's heavy ball, or Nesterov's as
 * Sutskever et al. 2013 write it) and L2 weight decay, step for step as PyTorch's {@code SGD}:
 * g ← ∇ + λθ; b ← μb + g (b = g at the first step); g ← g + μb with Nesterov, else b; θ ← θ − ηg.
 */
public final class Sgd extends Optimizer {
    /**
     * @param learningRate η, ≥ 0
     * @param momentum     μ in [0, 1) (0: plain SGD)
     * @param nesterov     Nesterov momentum (needs μ > 0)
     * @param weightDecay  λ ≥ 0
     */
    public record Params(double learningRate, double momentum, boolean nesterov, double weightDecay) {
        public Params {
            if (!(momentum >= 0 && momentum < 1)) {
                throw new IllegalArgumentException("momentum must be in [0, 1), got " + momentum);
            }
            if (nesterov && momentum == 0) {
                throw new IllegalArgumentException("Nesterov momentum needs momentum > 0");
            }
            if (!(weightDecay >= 0) || Double.isInfinite(weightDecay)) {
                throw new IllegalArgumentException("weight decay must be a finite number >= 0, got " + weightDecay);
            }
        }

        public static Params of(double learningRate) {
            return new Params(learningRate, 0, false, 0);
        }

        public Params withMomentum(double v) {
            return new Params(learningRate, v, nesterov, weightDecay);
        }

        public Params withNesterov(boolean v) {
            return new Params(learningRate, momentum, v, weightDecay);
        }

        public Params withWeightDecay(double v) {
            return new Params(learningRate, momentum, nesterov, v);
        }
    }

    private final Params params;
    private final float[][] buffers;

    public Sgd(List<Tensor> parameters, Params params) {
        super(parameters, params.learningRate());
        this.params = params;
        this.buffers = new float[parameters.size()][];
    }

    @Override
    public void step() {
        float lr = (float) learningRate();
        float mu = (float) params.momentum();
        float wd = (float) params.weightDecay();
        for (int k = 0; k < parameters.size(); k++) {
            Tensor p = parameters.get(k);
            if (!p.hasGrad()) {
                continue;
            }
            float[] theta = p.data();
            float[] g = p.gradientBuffer();
            float[] b = buffers[k];
            boolean first = b == null;
            if (mu > 0 && first) {
                b = buffers[k] = new float[theta.length];
            }
            for (int i = 0; i < theta.length; i++) {
                float d = g[i] + wd * theta[i];
                if (mu > 0) {
                    b[i] = first ? d : mu * b[i] + d;
                    d = params.nesterov() ? d + mu * b[i] : b[i];
                }
                theta[i] -= lr * d;
            }
        }
    }
}
