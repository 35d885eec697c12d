package dev.kiln.nn.optim;

import dev.kiln.nn.tensor.Tensor;
import java.util.List;

/**
 * RMSProp (Tieleman and Hinton, Coursera lecture 6.5, 2012), with the centred variant of Graves
 * (arXiv:1308.0850, 2013), step for step as PyTorch's {@code RMSprop}: g ← ∇ + λθ;
 * v ← αv + (1 − α)g²; centred, ḡ ← αḡ + (1 − α)g and v̂ = v − ḡ², else v̂ = v;
 * with momentum b ← μb + g/(√v̂ + ε) and θ ← θ − ηb, else θ ← θ − ηg/(√v̂ + ε). The state starts
 * at zero.
 */
public final class RmsProp extends Optimizer {
    /**
     * @param learningRate η ≥ 0 (PyTorch: 0.01)
     * @param alpha        α, the smoothing of the squared gradients, in [0, 1) (0.99)
     * @param epsilon      ε > 0 (1e-8)
     * @param weightDecay  λ ≥ 0, L2 added to the gradient (0)
     * @param momentum     μ in [0, 1) (0)
     * @param centered     whether to divide by the gradient's estimated variance rather than its second moment (false)
     */
    public record Params(double learningRate, double alpha, double epsilon, double weightDecay, double momentum, boolean centered) {
        public Params {
            if (!(alpha >= 0 && alpha < 1)) {
                throw new IllegalArgumentException("alpha must be in [0, 1), got " + alpha);
            }
            if (!(epsilon > 0) || Double.isInfinite(epsilon)) {
                throw new IllegalArgumentException("epsilon must be a finite number > 0, got " + epsilon);
            }
            if (!(weightDecay >= 0) || Double.isInfinite(weightDecay)) {
                throw new IllegalArgumentException("weight decay must be a finite number >= 0, got " + weightDecay);
            }
            if (!(momentum >= 0 && momentum < 1)) {
                throw new IllegalArgumentException("momentum must be in [0, 1), got " + momentum);
            }
        }

        /** PyTorch's defaults: α = 0.99, ε = 1e-8, no weight decay, no momentum, not centred. */
        public static Params of(double learningRate) {
            return new Params(learningRate, 0.99, 1e-8, 0, 0, false);
        }

        public Params withAlpha(double v) {
            return new Params(learningRate, v, epsilon, weightDecay, momentum, centered);
        }

        public Params withEpsilon(double v) {
            return new Params(learningRate, alpha, v, weightDecay, momentum, centered);
        }

        public Params withWeightDecay(double v) {
            return new Params(learningRate, alpha, epsilon, v, momentum, centered);
        }

        public Params withMomentum(double v) {
            return new Params(learningRate, alpha, epsilon, weightDecay, v, centered);
        }

        public Params withCentered(boolean v) {
            return new Params(learningRate, alpha, epsilon, weightDecay, momentum, v);
        }
    }

    private final Params params;
    private final float[][] square;
    private final float[][] mean;
    private final float[][] buffer;

    public RmsProp(List<Tensor> parameters, Params params) {
        super(parameters, params.learningRate());
        this.params = params;
        this.square = new float[parameters.size()][];
        this.mean = new float[parameters.size()][];
        this.buffer = new float[parameters.size()][];
    }

    public Params params() {
        return params;
    }

    @Override
    public void step() {
        float lr = (float) learningRate();
        float a = (float) params.alpha();
        float eps = (float) params.epsilon();
        float wd = (float) params.weightDecay();
        float mu = (float) params.momentum();
        boolean centered = params.centered();
        for (int k = 0; k < parameters.size(); k++) {
            Tensor p = parameters.get(k);
            if (!p.hasGrad()) {
                continue;
            }
            float[] theta = p.data();
            float[] g = p.gradientBuffer();
            if (square[k] == null) {
                square[k] = new float[theta.length];
                mean[k] = centered ? new float[theta.length] : null;
                buffer[k] = mu > 0 ? new float[theta.length] : null;
            }
            float[] v = square[k];
            float[] gbar = mean[k];
            float[] b = buffer[k];
            for (int i = 0; i < theta.length; i++) {
                float gi = g[i] + wd * theta[i];
                v[i] = a * v[i] + (1 - a) * gi * gi;
                float second = v[i];
                if (centered) {
                    gbar[i] = a * gbar[i] + (1 - a) * gi;
                    // v − ḡ² ≥ 0 in exact arithmetic; rounding may take it just below.
                    second = Math.max(0f, second - gbar[i] * gbar[i]);
                }
                float d = gi / ((float) Math.sqrt(second) + eps);
                if (mu > 0) {
                    b[i] = mu * b[i] + d;
                    d = b[i];
                }
                theta[i] -= lr * d;
            }
        }
    }
}
