package dev.kiln.nn.layer;

import dev.kiln.nn.tensor.Tensor;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Layer normalisation (Ba, Kiros and Hinton 2016) over the last dimensions of its input, as
 * PyTorch's {@code LayerNorm}: each sample's trailing block of the normalised shape is brought
 * to mean 0 and variance 1 (the biased variance), y = γ(x − μ)/√(σ² + ε) + β, with γ and β of
 * the normalised shape. The same in training and evaluation. Forward and backward are each one
 * fused operation, with no intermediate tensors.
 */
public final class LayerNorm implements Module {
    /**
     * @param normalizedShape the trailing dimensions normalised over, each ≥ 1
     * @param eps             ε added to the variance, > 0 (PyTorch: 1e-5)
     * @param affine          whether the layer learns γ and β (true); otherwise γ = 1, β = 0
     */
    public record Config(List<Integer> normalizedShape, double eps, boolean affine) {
        public Config {
            normalizedShape = List.copyOf(normalizedShape);
            if (normalizedShape.isEmpty() || normalizedShape.stream().anyMatch(d -> d < 1)) {
                throw new IllegalArgumentException("LayerNorm: the normalised shape needs at least one dimension, each >= 1, got "
                        + normalizedShape);
            }
            if (!(eps > 0) || Double.isInfinite(eps)) {
                throw new IllegalArgumentException("LayerNorm: eps must be a finite number > 0, got " + eps);
            }
        }

        /** PyTorch's defaults: ε = 1e-5, affine. */
        public static Config of(int... normalizedShape) {
            return new Config(Arrays.stream(normalizedShape).boxed().toList(), 1e-5, true);
        }

        public Config withEps(double v) {
            return new Config(normalizedShape, v, affine);
        }

        public Config withAffine(boolean v) {
            return new Config(normalizedShape, eps, v);
        }
    }

    private final Config config;
    private final int[] normalized;
    private final int width;
    private final Tensor weight;
    private final Tensor bias;

    /** γ = 1 and β = 0, as PyTorch starts them. */
    public LayerNorm(Config config) {
        this.config = Objects.requireNonNull(config, "LayerNorm: config");
        this.normalized = config.normalizedShape().stream().mapToInt(Integer::intValue).toArray();
        long w = 1;
        for (int d : normalized) {
            w *= d;
        }
        if (w > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("LayerNorm: the normalised shape " + config.normalizedShape() + " is too large");
        }
        this.width = (int) w;
        float[] ones = new float[width];
        Arrays.fill(ones, 1f);
        this.weight = config.affine() ? Tensor.of(ones, normalized).requireGrad() : null;
        this.bias = config.affine() ? Tensor.zeros(normalized).requireGrad() : null;
    }

    /** PyTorch's defaults over the trailing dimensions {@code normalizedShape}. */
    public LayerNorm(int... normalizedShape) {
        this(Config.of(normalizedShape));
    }

    @Override
    public Tensor forward(Tensor input) {
        int[] shape = input.shape();
        int k = normalized.length;
        if (shape.length < k || !Arrays.equals(shape, shape.length - k, shape.length, normalized, 0, k)) {
            throw new IllegalArgumentException("LayerNorm: expected an input whose last dimensions are " + Arrays.toString(normalized)
                    + ", got shape " + Arrays.toString(shape));
        }
        int d = width;
        int rows = input.size() / d;
        float[] x = input.data();
        float[] gamma = weight == null ? null : weight.data();
        float[] beta = bias == null ? null : bias.data();
        float[] mean = new float[rows];
        float[] invStd = new float[rows];
        float[] y = new float[x.length];
        for (int r = 0, o = 0; r < rows; r++, o += d) {
            double s = 0;
            for (int j = o; j < o + d; j++) {
                s += x[j];
            }
            double mu = s / d;
            double sq = 0;
            for (int j = o; j < o + d; j++) {
                double c = x[j] - mu;
                sq += c * c;
            }
            float m = (float) mu;
            float is = (float) (1 / Math.sqrt(sq / d + config.eps()));
            mean[r] = m;
            invStd[r] = is;
            if (gamma == null) {
                for (int j = 0; j < d; j++) {
                    y[o + j] = (x[o + j] - m) * is;
                }
            } else {
                for (int j = 0; j < d; j++) {
                    y[o + j] = (x[o + j] - m) * is * gamma[j] + beta[j];
                }
            }
        }
        Tensor[] inputs = weight == null ? new Tensor[] {input} : new Tensor[] {input, weight, bias};
        return Tensor.derived("layer_norm", y, shape, g -> backward(g, input, rows, mean, invStd), inputs);
    }

    /**
     * With x̂ = (x − μ)·s, s = 1/√(σ² + ε), ĝ = γ·g and d values per row: ∂β = Σ_rows g,
     * ∂γ = Σ_rows g·x̂, ∂x = s·(ĝ − Σĝ/d − x̂·Σĝ·x̂/d) with the sums along the row.
     */
    private void backward(float[] g, Tensor input, int rows, float[] mean, float[] invStd) {
        int d = width;
        float[] x = input.data();
        float[] gamma = weight == null ? null : weight.data();
        float[] gw = weight != null && weight.requiresGrad() ? weight.gradientBuffer() : null;
        float[] gb = bias != null && bias.requiresGrad() ? bias.gradientBuffer() : null;
        float[] gx = input.requiresGrad() ? input.gradientBuffer() : null;
        for (int r = 0, o = 0; r < rows; r++, o += d) {
            float m = mean[r];
            float is = invStd[r];
            double sumG = 0;
            double sumGXhat = 0;
            for (int j = 0; j < d; j++) {
                float xhat = (x[o + j] - m) * is;
                float gj = g[o + j];
                float ghat = gamma == null ? gj : gj * gamma[j];
                sumG += ghat;
                sumGXhat += ghat * xhat;
                if (gw != null) {
                    gw[j] += gj * xhat;
                }
                if (gb != null) {
                    gb[j] += gj;
                }
            }
            if (gx == null) {
                continue;
            }
            float offset = (float) (sumG / d);
            float slope = (float) (sumGXhat / d);
            for (int j = 0; j < d; j++) {
                float xhat = (x[o + j] - m) * is;
                float ghat = gamma == null ? g[o + j] : g[o + j] * gamma[j];
                gx[o + j] += is * (ghat - offset - xhat * slope);
            }
        }
    }

    /** γ and β, of the normalised shape, or none without affine. */
    @Override
    public List<Tensor> parameters() {
        return weight == null ? List.of() : List.of(weight, bias);
    }

    /** γ, or null without affine. */
    public Tensor weight() {
        return weight;
    }

    /** β, or null without affine. */
    public Tensor bias() {
        return bias;
    }

    public Config config() {
        return config;
    }
}
