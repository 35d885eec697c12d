package dev.kiln.nn.tensor;

import dev.kiln.nn.tensor.Convolution.Window;
import java.util.Arrays;

/**
 * Max and average pooling over the spatial axes of NCHW batches, with PyTorch's semantics:
 * windows that reach into the zero padding ignore it for the maximum, and average pooling
 * divides by the full window (padding counted, {@code count_include_pad=True}). Max pooling
 * remembers where each maximum came from and sends the gradient only there.
 */
public final class Pooling {
    private Pooling() {
    }

    public static Tensor maxPool2d(Tensor input, int kernel, int stride) {
        return maxPool2d(input, Window.square(kernel, stride, 0));
    }

    public static Tensor maxPool2d(Tensor input, Window win) {
        Geometry g = Geometry.of("max_pool2d", input, win);
        float[] x = input.data();
        float[] y = new float[g.outSize()];
        int[] from = new int[g.outSize()];
        int parts = Convolution.parts(g.planes, (long) g.oh * g.ow * win.kernelH() * win.kernelW() * 16);
        dev.kiln.core.parallel.Parallelism.forEachPart(parts, part -> {
            int first = Convolution.from(g.planes, parts, part);
            int last = Convolution.from(g.planes, parts, part + 1);
            if (win.kernelH() == 2 && win.kernelW() == 2 && win.strideH() == 2 && win.strideW() == 2 && win.padH() == 0 && win.padW() == 0) {
                maxPool2x2(x, g, first, last, y, from);
            } else {
                maxPool(x, g, win, first, last, y, from);
            }
        });
        return Tensor.derived("max_pool2d", y, g.outShape(), gy -> {
            float[] gx = input.gradientBuffer();
            for (int i = 0; i < gy.length; i++) {
                gx[from[i]] += gy[i];
            }
        }, input);
    }

    /**
     * The common 2×2, stride-2 case, without branches on the data (which comparisons win is a
     * coin toss, and mispredicted branches cost more than the arithmetic).
     */
    private static void maxPool2x2(float[] x, Geometry g, int firstPlane, int lastPlane, float[] y, int[] from) {
        for (int plane = firstPlane; plane < lastPlane; plane++) {
            int base = plane * g.h * g.w;
            int o = plane * g.oh * g.ow;
            for (int oy = 0; oy < g.oh; oy++) {
                int r0 = base + 2 * oy * g.w;
                int r1 = r0 + g.w;
                for (int ox = 0; ox < g.ow; ox++, o++) {
                    int a = r0 + 2 * ox;
                    int c = r1 + 2 * ox;
                    float top = Math.max(x[a], x[a + 1]);
                    int topAt = a + (x[a + 1] > x[a] ? 1 : 0);
                    float bottom = Math.max(x[c], x[c + 1]);
                    int bottomAt = c + (x[c + 1] > x[c] ? 1 : 0);
                    boolean lower = bottom > top;
                    y[o] = Math.max(top, bottom);
                    from[o] = lower ? bottomAt : topAt;
                }
            }
        }
    }

    private static void maxPool(float[] x, Geometry g, Window win, int firstPlane, int lastPlane, float[] y, int[] from) {
        for (int plane = firstPlane; plane < lastPlane; plane++) {
            int base = plane * g.h * g.w;
            int o = plane * g.oh * g.ow;
            for (int oy = 0; oy < g.oh; oy++) {
                int y0 = Math.max(0, oy * win.strideH() - win.padH());
                int y1 = Math.min(g.h, oy * win.strideH() - win.padH() + win.kernelH());
                for (int ox = 0; ox < g.ow; ox++, o++) {
                    int x0 = Math.max(0, ox * win.strideW() - win.padW());
                    int x1 = Math.min(g.w, ox * win.strideW() - win.padW() + win.kernelW());
                    int at = base + y0 * g.w + x0;
                    float best = x[at];
                    for (int iy = y0; iy < y1; iy++) {
                        int row = base + iy * g.w;
                        for (int ix = x0; ix < x1; ix++) {
                            float v = x[row + ix];
                            if (!(v <= best) && !Float.isNaN(best)) {
                                best = v;
                                at = row + ix;
                            }
                        }
                    }
                    y[o] = best;
                    from[o] = at;
                }
            }
        }
    }

    public static Tensor avgPool2d(Tensor input, int kernel, int stride) {
        return avgPool2d(input, Window.square(kernel, stride, 0));
    }

    public static Tensor avgPool2d(Tensor input, Window win) {
        Geometry g = Geometry.of("avg_pool2d", input, win);
        float[] x = input.data();
        float[] y = new float[g.outSize()];
        float scale = 1f / (win.kernelH() * win.kernelW());
        int o = 0;
        for (int plane = 0; plane < g.planes; plane++) {
            int base = plane * g.h * g.w;
            for (int oy = 0; oy < g.oh; oy++) {
                int y0 = Math.max(0, oy * win.strideH() - win.padH());
                int y1 = Math.min(g.h, oy * win.strideH() - win.padH() + win.kernelH());
                for (int ox = 0; ox < g.ow; ox++, o++) {
                    int x0 = Math.max(0, ox * win.strideW() - win.padW());
                    int x1 = Math.min(g.w, ox * win.strideW() - win.padW() + win.kernelW());
                    float s = 0;
                    for (int iy = y0; iy < y1; iy++) {
                        int row = base + iy * g.w;
                        for (int ix = x0; ix < x1; ix++) {
                            s += x[row + ix];
                        }
                    }
                    y[o] = s * scale;
                }
            }
        }
        return Tensor.derived("avg_pool2d", y, g.outShape(), gy -> {
            float[] gx = input.gradientBuffer();
            int i = 0;
            for (int plane = 0; plane < g.planes; plane++) {
                int base = plane * g.h * g.w;
                for (int oy = 0; oy < g.oh; oy++) {
                    int y0 = Math.max(0, oy * win.strideH() - win.padH());
                    int y1 = Math.min(g.h, oy * win.strideH() - win.padH() + win.kernelH());
                    for (int ox = 0; ox < g.ow; ox++, i++) {
                        int x0 = Math.max(0, ox * win.strideW() - win.padW());
                        int x1 = Math.min(g.w, ox * win.strideW() - win.padW() + win.kernelW());
                        float share = gy[i] * scale;
                        for (int iy = y0; iy < y1; iy++) {
                            int row = base + iy * g.w;
                            for (int ix = x0; ix < x1; ix++) {
                                gx[row + ix] += share;
                            }
                        }
                    }
                }
            }
        }, input);
    }

    private record Geometry(int n, int c, int h, int w, int oh, int ow, int planes) {
        static Geometry of(String op, Tensor input, Window win) {
            int[] s = input.shape();
            if (s.length != 4) {
                throw new IllegalArgumentException(op + ": input must be [batch, channels, height, width], got " + Arrays.toString(s));
            }
            if (win.padH() * 2 > win.kernelH() || win.padW() * 2 > win.kernelW()) {
                throw new IllegalArgumentException(op + ": padding must be at most half the kernel, got padding "
                        + win.padH() + "x" + win.padW() + " for kernel " + win.kernelH() + "x" + win.kernelW());
            }
            int oh = win.outH(s[2]);
            int ow = win.outW(s[3]);
            if (oh < 1 || ow < 1) {
                throw new IllegalArgumentException(op + ": a " + win.kernelH() + "x" + win.kernelW() + " window does not fit input "
                        + Arrays.toString(s));
            }
            return new Geometry(s[0], s[1], s[2], s[3], oh, ow, s[0] * s[1]);
        }

        int outSize() {
            return planes * oh * ow;
        }

        int[] outShape() {
            return new int[] {n, c, oh, ow};
        }
    }
}
