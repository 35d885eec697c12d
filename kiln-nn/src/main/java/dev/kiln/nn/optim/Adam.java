package dev.kiln.nn.optim;

import dev.kiln.nn.tensor.Tensor;
import java.util.List;

/**
 * Adam (Kingma and Ba, ICLR 2015) with bias correction, and AdamW's decoupled weight decay
 * (Loshchilov and Hutter, ICLR 2019), step for step as PyTorch's {@code Adam} and {@code AdamW}:
 * m ← β₁m + (1 − β₁)g, v ← β₂v + (1 − β₂)g², θ ← θ − η·m̂/(√v̂ + ε) with m̂ = m/(1 − β₁ᵗ),
 * v̂ = v/(1 − β₂ᵗ). Coupled decay adds λθ to g; decoupled decay first scales θ by 1 − ηλ.
 */
public final class Adam extends Optimizer {
    /**
     * @param learningRate η ≥ 0 (PyTorch: 0.001)
     * @param beta1        β₁ in [0, 1) (0.9)
     * @param beta2        β₂ in [0, 1) (0.999)
     * @param epsilon      ε > 0 (1e-8)
     * @param weightDecay  λ ≥ 0 (Adam 0, AdamW 0.01)
     * @param decoupled    AdamW's decoupled decay rather than L2 added to the gradient
     */
    public record Params(double learningRate, double beta1, double beta2, double epsilon, double weightDecay, boolean decoupled) {
        public Params {
            if (!(beta1 >= 0 && beta1 < 1) || !(beta2 >= 0 && beta2 < 1)) {
                throw new IllegalArgumentException("betas must be in [0, 1), got " + beta1 + " and " + beta2);
            }
            if (!(epsilon > 0)) {
                throw new IllegalArgumentException("epsilon must be > 0, got " + epsilon);
            }
            if (!(weightDecay >= 0) || Double.isInfinite(weightDecay)) {
                throw new IllegalArgumentException("weight decay must be a finite number >= 0, got " + weightDecay);
            }
        }

        /** PyTorch's Adam defaults. */
        public static Params adam(double learningRate) {
            return new Params(learningRate, 0.9, 0.999, 1e-8, 0, false);
        }

        /** PyTorch's AdamW defaults. */
        public static Params adamW(double learningRate) {
            return new Params(learningRate, 0.9, 0.999, 1e-8, 0.01, true);
        }

        public Params withWeightDecay(double v) {
            return new Params(learningRate, beta1, beta2, epsilon, v, decoupled);
        }
    }

    private final Params params;
    private final float[][] m;
    private final float[][] v;
    private int t;

    public Adam(List<Tensor> parameters, Params params) {
        super(parameters, params.learningRate());
        this.params = params;
        this.m = new float[parameters.size()][];
        this.v = new float[parameters.size()][];
    }

    @Override
    public void step() {
        t++;
        double lr = learningRate();
        float b1 = (float) params.beta1();
        float b2 = (float) params.beta2();
        float correction1 = (float) (1 - Math.pow(params.beta1(), t));
        double correction2 = 1 - Math.pow(params.beta2(), t);
        float stepSize = (float) (lr / correction1);
        float sqrtCorrection2 = (float) Math.sqrt(correction2);
        float eps = (float) params.epsilon();
        float wd = (float) params.weightDecay();
        float decay = params.decoupled() ? (float) (1 - lr * params.weightDecay()) : 1f;
        for (int k = 0; k < parameters.size(); k++) {
            Tensor p = parameters.get(k);
            if (!p.hasGrad()) {
                continue;
            }
            float[] theta = p.data();
            float[] g = p.gradientBuffer();
            if (m[k] == null) {
                m[k] = new float[theta.length];
                v[k] = new float[theta.length];
            }
            float[] mk = m[k];
            float[] vk = v[k];
            for (int i = 0; i < theta.length; i++) {
                float gi = params.decoupled() ? g[i] : g[i] + wd * theta[i];
                theta[i] *= decay;
                mk[i] = b1 * mk[i] + (1 - b1) * gi;
                vk[i] = b2 * vk[i] + (1 - b2) * gi * gi;
                theta[i] -= stepSize * mk[i] / ((float) Math.sqrt(vk[i]) / sqrtCorrection2 + eps);
            }
        }
    }
}
