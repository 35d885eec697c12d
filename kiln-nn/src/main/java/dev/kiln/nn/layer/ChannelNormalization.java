package dev.kiln.nn.layer;

import dev.kiln.nn.tensor.Tensor;
import java.util.Arrays;
import java.util.List;

/**
 * Fixed per-channel standardisation of [N, C, ...] inputs, y = (x − mean_c) / std_c, with the
 * statistics measured on the training data: torchvision's {@code Normalize} as the first layer
 * of a network, so that a saved model takes raw images.
 */
public final class ChannelNormalization implements Module {
    private final float[] mean;
    private final float[] std;

    public ChannelNormalization(float[] mean, float[] std) {
        if (mean.length == 0 || mean.length != std.length) {
            throw new IllegalArgumentException("ChannelNormalization: needs one mean and one std per channel, got " + mean.length + " and "
                    + std.length);
        }
        for (int c = 0; c < std.length; c++) {
            if (!(std[c] > 0) || Float.isInfinite(std[c]) || !Float.isFinite(mean[c])) {
                throw new IllegalArgumentException("ChannelNormalization: channel " + c + " needs a finite mean and a finite std > 0, got "
                        + mean[c] + " and " + std[c]);
            }
        }
        this.mean = mean.clone();
        this.std = std.clone();
    }

    /** The mean and (population) standard deviation of each channel of [N, C, H, W] pixels. */
    public static ChannelNormalization measure(float[] pixels, int channels, int planeSize) {
        double[] sum = new double[channels];
        double[] sq = new double[channels];
        int images = pixels.length / (channels * planeSize);
        for (int i = 0; i < images; i++) {
            for (int c = 0; c < channels; c++) {
                int o = (i * channels + c) * planeSize;
                for (int j = 0; j < planeSize; j++) {
                    double v = pixels[o + j];
                    sum[c] += v;
                    sq[c] += v * v;
                }
            }
        }
        float[] mean = new float[channels];
        float[] std = new float[channels];
        double count = (double) images * planeSize;
        for (int c = 0; c < channels; c++) {
            double m = sum[c] / count;
            mean[c] = (float) m;
            std[c] = (float) Math.max(Math.sqrt(Math.max(sq[c] / count - m * m, 0)), 1e-6);
        }
        return new ChannelNormalization(mean, std);
    }

    @Override
    public Tensor forward(Tensor input) {
        if (input.rank() < 2 || input.dim(1) != mean.length) {
            throw new IllegalArgumentException("ChannelNormalization: expected input [batch, " + mean.length + ", ...], got "
                    + Arrays.toString(input.shape()));
        }
        int channels = mean.length;
        int plane = input.size() / Math.max(1, input.dim(0) * channels);
        float[] x = input.data();
        float[] y = new float[x.length];
        float[] inv = new float[channels];
        for (int c = 0; c < channels; c++) {
            inv[c] = 1f / std[c];
        }
        for (int o = 0, c = 0; o < x.length; o += plane, c = (c + 1) % channels) {
            float m = mean[c];
            float s = inv[c];
            for (int j = 0; j < plane; j++) {
                y[o + j] = (x[o + j] - m) * s;
            }
        }
        return Tensor.derived("channel_normalization", y, input.shape(), g -> {
            float[] gx = input.gradientBuffer();
            for (int o = 0, c = 0; o < g.length; o += plane, c = (c + 1) % channels) {
                for (int j = 0; j < plane; j++) {
                    gx[o + j] += g[o + j] * inv[c];
                }
            }
        }, input);
    }

    @Override
    public List<Tensor> parameters() {
        return List.of();
    }

    public float[] mean() {
        return mean.clone();
    }

    public float[] std() {
        return std.clone();
    }
}
