package dev.kiln.nn.layer;

import dev.kiln.nn.tensor.Tensor;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Batch normalisation (Ioffe and Szegedy, ICML 2015) of the channels of [N, C] features or
 * [N, C, ...] maps such as NCHW images, as PyTorch's {@code BatchNorm1d}/{@code BatchNorm2d}:
 * each channel is normalised over the batch and spatial positions, y = γ(x − μ)/√(σ² + ε) + β.
 * In training μ and σ² are the batch's mean and biased variance, and the running statistics
 * move toward the batch's mean and unbiased variance by the momentum; in evaluation the
 * running statistics replace the batch's. Forward and backward are each one fused operation,
 * with no intermediate tensors; the backward is the paper's closed form. Training mode is on
 * from construction, as in PyTorch.
 */
public final class BatchNorm implements Module {
    /**
     * @param channels C, ≥ 1
     * @param eps      ε added to the variance, > 0 (PyTorch: 1e-5)
     * @param momentum the weight of each batch in the running statistics, in [0, 1] (0.1)
     * @param affine   whether the layer learns γ and β (true); otherwise γ = 1, β = 0
     */
    public record Config(int channels, double eps, double momentum, boolean affine) {
        public Config {
            if (channels < 1) {
                throw new IllegalArgumentException("BatchNorm: channels must be >= 1, got " + channels);
            }
            if (!(eps > 0) || Double.isInfinite(eps)) {
                throw new IllegalArgumentException("BatchNorm: eps must be a finite number > 0, got " + eps);
            }
            if (!(momentum >= 0 && momentum <= 1)) {
                throw new IllegalArgumentException("BatchNorm: momentum must be in [0, 1], got " + momentum);
            }
        }

        /** PyTorch's defaults: ε = 1e-5, momentum 0.1, affine. */
        public static Config of(int channels) {
            return new Config(channels, 1e-5, 0.1, true);
        }

        public Config withEps(double v) {
            return new Config(channels, v, momentum, affine);
        }

        public Config withMomentum(double v) {
            return new Config(channels, eps, v, affine);
        }

        public Config withAffine(boolean v) {
            return new Config(channels, eps, momentum, v);
        }
    }

    private final Config config;
    private final Tensor weight;
    private final Tensor bias;
    private final Tensor runningMean;
    private final Tensor runningVar;
    private boolean training = true;

    /** γ = 1, β = 0, running mean 0 and running variance 1, as PyTorch starts them. */
    public BatchNorm(Config config) {
        this.config = Objects.requireNonNull(config, "BatchNorm: config");
        int c = config.channels();
        float[] ones = new float[c];
        Arrays.fill(ones, 1f);
        this.weight = config.affine() ? Tensor.of(ones, c).requireGrad() : null;
        this.bias = config.affine() ? Tensor.zeros(c).requireGrad() : null;
        this.runningMean = Tensor.zeros(c);
        this.runningVar = Tensor.of(ones, c);
    }

    /** PyTorch's defaults for {@code channels} channels. */
    public BatchNorm(int channels) {
        this(Config.of(channels));
    }

    @Override
    public Tensor forward(Tensor input) {
        int c = config.channels();
        if (input.rank() < 2 || input.dim(1) != c) {
            throw new IllegalArgumentException("BatchNorm: expected an input of shape [N, " + c + "] or [N, " + c
                    + ", ...] (such as NCHW images), got " + Arrays.toString(input.shape()));
        }
        int n = input.dim(0);
        int spatial = n == 0 ? 0 : input.size() / (n * c);
        int count = n * spatial;
        float[] x = input.data();
        float[] mean = new float[c];
        float[] invStd = new float[c];
        boolean batchStatistics = training;
        if (batchStatistics) {
            if (count < 2) {
                throw new IllegalArgumentException("BatchNorm: training needs more than one value per channel, got input shape "
                        + Arrays.toString(input.shape()));
            }
            batchStatistics(x, n, c, spatial, mean, invStd);
        } else {
            float[] rm = runningMean.data();
            float[] rv = runningVar.data();
            for (int ch = 0; ch < c; ch++) {
                mean[ch] = rm[ch];
                invStd[ch] = (float) (1 / Math.sqrt(rv[ch] + config.eps()));
            }
        }
        float[] gamma = weight == null ? null : weight.data();
        float[] beta = bias == null ? null : bias.data();
        float[] y = new float[x.length];
        for (int b = 0; b < n; b++) {
            for (int ch = 0; ch < c; ch++) {
                float scale = gamma == null ? invStd[ch] : gamma[ch] * invStd[ch];
                float shift = (beta == null ? 0f : beta[ch]) - mean[ch] * scale;
                int base = (b * c + ch) * spatial;
                for (int j = base; j < base + spatial; j++) {
                    y[j] = x[j] * scale + shift;
                }
            }
        }
        Tensor[] inputs = weight == null ? new Tensor[] {input} : new Tensor[] {input, weight, bias};
        return Tensor.derived("batch_norm", y, input.shape(),
                g -> backward(g, input, n, c, spatial, mean, invStd, batchStatistics), inputs);
    }

    /** Fills the batch's per-channel mean and 1/√(σ² + ε), and moves the running statistics toward it. */
    private void batchStatistics(float[] x, int n, int c, int spatial, float[] mean, float[] invStd) {
        int count = n * spatial;
        double[] sum = new double[c];
        for (int b = 0; b < n; b++) {
            for (int ch = 0; ch < c; ch++) {
                int base = (b * c + ch) * spatial;
                double s = 0;
                for (int j = base; j < base + spatial; j++) {
                    s += x[j];
                }
                sum[ch] += s;
            }
        }
        double[] mu = new double[c];
        for (int ch = 0; ch < c; ch++) {
            mu[ch] = sum[ch] / count;
        }
        double[] squares = new double[c];
        for (int b = 0; b < n; b++) {
            for (int ch = 0; ch < c; ch++) {
                int base = (b * c + ch) * spatial;
                double m = mu[ch];
                double s = 0;
                for (int j = base; j < base + spatial; j++) {
                    double d = x[j] - m;
                    s += d * d;
                }
                squares[ch] += s;
            }
        }
        double momentum = config.momentum();
        float[] rm = runningMean.data();
        float[] rv = runningVar.data();
        for (int ch = 0; ch < c; ch++) {
            double biased = squares[ch] / count;
            mean[ch] = (float) mu[ch];
            invStd[ch] = (float) (1 / Math.sqrt(biased + config.eps()));
            rm[ch] = (float) ((1 - momentum) * rm[ch] + momentum * mu[ch]);
            rv[ch] = (float) ((1 - momentum) * rv[ch] + momentum * squares[ch] / (count - 1));
        }
    }

    /**
     * With x̂ = (x − μ)·s, s = 1/√(σ² + ε), and m values per channel: ∂β = Σg, ∂γ = Σg·x̂, and
     * ∂x = γs·(g − Σg/m − x̂·Σg·x̂/m) with batch statistics (μ and σ² depend on x), γs·g with
     * running ones.
     */
    private void backward(float[] g, Tensor input, int n, int c, int spatial, float[] mean, float[] invStd, boolean batchStatistics) {
        float[] x = input.data();
        double[] sumG = new double[c];
        double[] sumGXhat = new double[c];
        for (int b = 0; b < n; b++) {
            for (int ch = 0; ch < c; ch++) {
                int base = (b * c + ch) * spatial;
                float m = mean[ch];
                double sg = 0;
                double sgx = 0;
                for (int j = base; j < base + spatial; j++) {
                    sg += g[j];
                    sgx += g[j] * (x[j] - m);
                }
                sumG[ch] += sg;
                sumGXhat[ch] += sgx * invStd[ch];
            }
        }
        if (weight != null && weight.requiresGrad()) {
            float[] gw = weight.gradientBuffer();
            for (int ch = 0; ch < c; ch++) {
                gw[ch] += (float) sumGXhat[ch];
            }
        }
        if (bias != null && bias.requiresGrad()) {
            float[] gb = bias.gradientBuffer();
            for (int ch = 0; ch < c; ch++) {
                gb[ch] += (float) sumG[ch];
            }
        }
        if (!input.requiresGrad()) {
            return;
        }
        float[] gx = input.gradientBuffer();
        float[] gamma = weight == null ? null : weight.data();
        int count = n * spatial;
        for (int b = 0; b < n; b++) {
            for (int ch = 0; ch < c; ch++) {
                float k = gamma == null ? invStd[ch] : gamma[ch] * invStd[ch];
                float m = mean[ch];
                float offset = batchStatistics ? (float) (-k * sumG[ch] / count) : 0f;
                float slope = batchStatistics ? (float) (k * invStd[ch] * sumGXhat[ch] / count) : 0f;
                int base = (b * c + ch) * spatial;
                for (int j = base; j < base + spatial; j++) {
                    gx[j] += k * g[j] + offset - slope * (x[j] - m);
                }
            }
        }
    }

    /** γ and β, or none without affine. */
    @Override
    public List<Tensor> parameters() {
        return weight == null ? List.of() : List.of(weight, bias);
    }

    /**
     * The running mean and running variance, in that order: live tensors of shape [C], state to
     * save with the parameters and to restore by writing into their {@link Tensor#data()}.
     */
    public List<Tensor> buffers() {
        return List.of(runningMean, runningVar);
    }

    public Tensor runningMean() {
        return runningMean;
    }

    public Tensor runningVar() {
        return runningVar;
    }

    /** γ, or null without affine. */
    public Tensor weight() {
        return weight;
    }

    /** β, or null without affine. */
    public Tensor bias() {
        return bias;
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
