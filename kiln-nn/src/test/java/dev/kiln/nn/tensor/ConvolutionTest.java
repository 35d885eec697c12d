package dev.kiln.nn.tensor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.kiln.core.random.Rng;
import org.junit.jupiter.api.Test;

/** im2col convolution and pooling against the textbook loops they replace, on random geometries. */
class ConvolutionTest {
    private final Rng rng = Rng.seeded(11);

    /** out[n, o, y, x] = b[o] + Σ_{c,i,j} w[o, c, i, j] · in[n, c, y·s + i − p, x·s + j − p], zero outside the image. */
    private static float[] naiveConv(float[] in, int n, int c, int h, int w, float[] wt, int oc, int k, float[] b, int s, int p) {
        int oh = (h + 2 * p - k) / s + 1;
        int ow = (w + 2 * p - k) / s + 1;
        float[] out = new float[n * oc * oh * ow];
        for (int img = 0; img < n; img++) {
            for (int o = 0; o < oc; o++) {
                for (int y = 0; y < oh; y++) {
                    for (int x = 0; x < ow; x++) {
                        double sum = b == null ? 0 : b[o];
                        for (int ch = 0; ch < c; ch++) {
                            for (int i = 0; i < k; i++) {
                                for (int j = 0; j < k; j++) {
                                    int iy = y * s + i - p;
                                    int ix = x * s + j - p;
                                    if (iy >= 0 && iy < h && ix >= 0 && ix < w) {
                                        sum += wt[((o * c + ch) * k + i) * k + j] * in[((img * c + ch) * h + iy) * w + ix];
                                    }
                                }
                            }
                        }
                        out[((img * oc + o) * oh + y) * ow + x] = (float) sum;
                    }
                }
            }
        }
        return out;
    }

    @Test
    void convolutionMatchesTheDirectSum() {
        for (int trial = 0; trial < 30; trial++) {
            int n = 1 + rng.nextInt(5);
            int c = 1 + rng.nextInt(4);
            int k = 1 + rng.nextInt(5);
            int s = 1 + rng.nextInt(3);
            int p = rng.nextInt(k);
            int h = k + rng.nextInt(12);
            int w = k + rng.nextInt(12);
            int oc = 1 + rng.nextInt(9);
            Tensor x = Tensor.randn(rng, n, c, h, w);
            Tensor wt = Tensor.randn(rng, oc, c, k, k);
            Tensor b = trial % 3 == 0 ? null : Tensor.randn(rng, oc);
            Tensor y = Convolution.conv2d(x, wt, b, s, p);
            float[] expected = naiveConv(x.data(), n, c, h, w, wt.data(), oc, k, b == null ? null : b.data(), s, p);
            assertThat(y.shape()).containsExactly(n, oc, (h + 2 * p - k) / s + 1, (w + 2 * p - k) / s + 1);
            for (int i = 0; i < expected.length; i++) {
                assertThat(y.data()[i]).as("trial %d element %d", trial, i).isCloseTo(expected[i], within(1e-4f * (1 + c * k * k)));
            }
        }
    }

    @Test
    void aLargeBatchSplitAcrossThreadsGivesTheSameAnswerAsOneImageAtATime() {
        Tensor x = Tensor.randn(rng, 16, 8, 14, 14).requireGrad();
        Tensor wt = Tensor.randn(rng, 16, 8, 3, 3).requireGrad();
        Tensor b = Tensor.randn(rng, 16).requireGrad();
        Tensor y = Convolution.conv2d(x, wt, b, 1, 1);
        y.sum().backward();
        float[] gw = wt.gradientBuffer().clone();
        for (int img = 0; img < 16; img++) {
            Tensor one = x.detach().slice(0, img, img + 1);
            Tensor yi = Convolution.conv2d(one, wt.detach(), b.detach(), 1, 1);
            for (int i = 0; i < yi.size(); i++) {
                assertThat(y.data()[img * yi.size() + i]).isEqualTo(yi.data()[i]);
            }
        }
        // Σ over every output of conv = Σ_{n, positions} w · patch: each weight's gradient is the sum of the inputs it touches.
        float[] expected = new float[gw.length];
        float[] xs = x.data();
        for (int o = 0; o < 16; o++) {
            for (int ch = 0; ch < 8; ch++) {
                for (int i = 0; i < 3; i++) {
                    for (int j = 0; j < 3; j++) {
                        double s = 0;
                        for (int n = 0; n < 16; n++) {
                            for (int yy = 0; yy < 14; yy++) {
                                for (int xx = 0; xx < 14; xx++) {
                                    int iy = yy + i - 1;
                                    int ix = xx + j - 1;
                                    if (iy >= 0 && iy < 14 && ix >= 0 && ix < 14) {
                                        s += xs[((n * 8 + ch) * 14 + iy) * 14 + ix];
                                    }
                                }
                            }
                        }
                        expected[((o * 8 + ch) * 3 + i) * 3 + j] = (float) s;
                    }
                }
            }
        }
        for (int i = 0; i < gw.length; i++) {
            assertThat(gw[i]).isCloseTo(expected[i], within(1e-2f));
        }
        assertThat(b.gradientBuffer()[0]).isEqualTo(16 * 14 * 14f);
    }

    @Test
    void poolingMatchesTheDirectDefinition() {
        for (int trial = 0; trial < 30; trial++) {
            int k = 1 + rng.nextInt(4);
            int s = 1 + rng.nextInt(3);
            int p = rng.nextInt(k / 2 + 1);
            int n = 1 + rng.nextInt(3);
            int c = 1 + rng.nextInt(3);
            int h = k + rng.nextInt(9);
            int w = k + rng.nextInt(9);
            Tensor x = Tensor.randn(rng, n, c, h, w);
            var win = new Convolution.Window(k, k, s, s, p, p);
            Tensor max = Pooling.maxPool2d(x, win);
            Tensor avg = Pooling.avgPool2d(x, win);
            int oh = (h + 2 * p - k) / s + 1;
            int ow = (w + 2 * p - k) / s + 1;
            assertThat(max.shape()).containsExactly(n, c, oh, ow);
            for (int plane = 0; plane < n * c; plane++) {
                for (int y = 0; y < oh; y++) {
                    for (int xx = 0; xx < ow; xx++) {
                        float best = Float.NEGATIVE_INFINITY;
                        double sum = 0;
                        for (int i = 0; i < k; i++) {
                            for (int j = 0; j < k; j++) {
                                int iy = y * s + i - p;
                                int ix = xx * s + j - p;
                                if (iy >= 0 && iy < h && ix >= 0 && ix < w) {
                                    float v = x.data()[(plane * h + iy) * w + ix];
                                    best = Math.max(best, v);
                                    sum += v;
                                }
                            }
                        }
                        int at = (plane * oh + y) * ow + xx;
                        assertThat(max.data()[at]).isEqualTo(best);
                        assertThat(avg.data()[at]).isCloseTo((float) (sum / (k * k)), within(1e-5f));
                    }
                }
            }
        }
    }

    @Test
    void shapeErrorsNameTheOperationAndShapes() {
        Tensor x = Tensor.zeros(2, 3, 8, 8);
        assertThatThrownBy(() -> Convolution.conv2d(x, Tensor.zeros(4, 2, 3, 3), null, 1, 0))
                .hasMessage("conv2d: weight [4, 2, 3, 3] does not fit input [2, 3, 8, 8] (needs [out_channels, 3, 3, 3])");
        assertThatThrownBy(() -> Convolution.conv2d(Tensor.zeros(3, 8, 8), Tensor.zeros(4, 3, 3, 3), null, 1, 0))
                .hasMessageContaining("input must be [batch, channels, height, width], got [3, 8, 8]");
        assertThatThrownBy(() -> Convolution.conv2d(x, Tensor.zeros(4, 3, 9, 9), null, 1, 0))
                .hasMessageContaining("does not fit input [2, 3, 8, 8]");
        assertThatThrownBy(() -> Pooling.maxPool2d(x, 9, 9)).hasMessageContaining("max_pool2d: a 9x9 window does not fit input");
    }
}
