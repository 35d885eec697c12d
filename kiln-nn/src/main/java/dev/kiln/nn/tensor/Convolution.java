package dev.kiln.nn.tensor;

import dev.kiln.core.linalg.Blas;
import dev.kiln.core.parallel.Parallelism;
import java.util.Arrays;

/**
 * 2-D convolution (cross-correlation, as every deep-learning library computes it) of NCHW
 * batches by im2col and GEMM (Chellapilla, Puri and Simard, "High Performance Convolutional
 * Neural Networks for Document Processing", 2006): each image's receptive fields are unrolled
 * into the columns of a [C·kh·kw, OH·OW] matrix, and the weights [OC, C·kh·kw] multiply it in one
 * GEMM. The backward pass is two more GEMMs per image — Wᵀ·∂out gives the columns' gradient,
 * folded back by col2im, and ∂out·colsᵀ the weights' — with images split across threads and
 * the weight gradients of the parts summed in a fixed order, so results do not depend on timing.
 */
public final class Convolution {
    private Convolution() {
    }

    /** The geometry of one convolution or pooling window: kernel, stride and zero padding per axis. */
    public record Window(int kernelH, int kernelW, int strideH, int strideW, int padH, int padW) {
        public Window {
            if (kernelH < 1 || kernelW < 1) {
                throw new IllegalArgumentException("kernel size must be >= 1, got " + kernelH + "x" + kernelW);
            }
            if (strideH < 1 || strideW < 1) {
                throw new IllegalArgumentException("stride must be >= 1, got " + strideH + "x" + strideW);
            }
            if (padH < 0 || padW < 0) {
                throw new IllegalArgumentException("padding must be >= 0, got " + padH + "x" + padW);
            }
        }

        /** A square kernel with the same stride and padding on both axes. */
        public static Window square(int kernel, int stride, int padding) {
            return new Window(kernel, kernel, stride, stride, padding, padding);
        }

        int outH(int h) {
            return h + 2 * padH < kernelH ? 0 : (h + 2 * padH - kernelH) / strideH + 1;
        }

        int outW(int w) {
            return w + 2 * padW < kernelW ? 0 : (w + 2 * padW - kernelW) / strideW + 1;
        }
    }

    /**
     * Convolves {@code input} [N, C, H, W] with {@code weight} [OC, C, kh, kw] and adds
     * {@code bias} [OC] (or nothing when null): output [N, OC, OH, OW] with
     * OH = ⌊(H + 2·pad − kh)/stride⌋ + 1.
     */
    public static Tensor conv2d(Tensor input, Tensor weight, Tensor bias, int stride, int padding) {
        int[] ws = weight.shape();
        if (ws.length != 4) {
            throw new IllegalArgumentException("conv2d: weight must be [out_channels, in_channels, kh, kw], got " + Arrays.toString(ws));
        }
        return conv2d(input, weight, bias, new Window(ws[2], ws[3], stride, stride, padding, padding));
    }

    static Tensor conv2d(Tensor input, Tensor weight, Tensor bias, Window win) {
        int[] xs = input.shape();
        int[] ws = weight.shape();
        if (xs.length != 4) {
            throw new IllegalArgumentException("conv2d: input must be [batch, channels, height, width], got " + Arrays.toString(xs));
        }
        if (ws.length != 4 || ws[1] != xs[1] || ws[2] != win.kernelH() || ws[3] != win.kernelW()) {
            throw new IllegalArgumentException("conv2d: weight " + Arrays.toString(ws) + " does not fit input " + Arrays.toString(xs)
                    + " (needs [out_channels, " + xs[1] + ", " + win.kernelH() + ", " + win.kernelW() + "])");
        }
        int oc = ws[0];
        if (bias != null && (bias.rank() != 1 || bias.dim(0) != oc)) {
            throw new IllegalArgumentException("conv2d: bias " + Arrays.toString(bias.shape()) + " does not fit weight "
                    + Arrays.toString(ws) + " (needs [" + oc + "])");
        }
        int n = xs[0];
        int c = xs[1];
        int h = xs[2];
        int w = xs[3];
        int oh = win.outH(h);
        int ow = win.outW(w);
        if (oh < 1 || ow < 1) {
            throw new IllegalArgumentException("conv2d: a " + win.kernelH() + "x" + win.kernelW() + " kernel with padding "
                    + win.padH() + " does not fit input " + Arrays.toString(xs));
        }
        int ckk = c * win.kernelH() * win.kernelW();
        int p = oh * ow;
        int imageIn = c * h * w;
        int imageOut = oc * p;
        float[] x = input.data();
        float[] wt = weight.data();
        float[] y = new float[n * imageOut];
        boolean keepCols = Tensor.recording() && (input.requiresGrad() || weight.requiresGrad());
        int parts = parts(n, (long) oc * p * ckk);
        float[][] colsOfPart = new float[parts][];
        Parallelism.forEachPart(parts, part -> {
            int first = from(n, parts, part);
            int count = from(n, parts, part + 1) - first;
            int pt = count * p;
            float[] cols = new float[ckk * pt];
            for (int i = 0; i < count; i++) {
                im2col(x, (first + i) * imageIn, c, h, w, win, oh, ow, cols, i * p, pt);
            }
            float[] out = new float[oc * pt];
            if (bias != null) {
                float[] b = bias.data();
                for (int o = 0; o < oc; o++) {
                    Arrays.fill(out, o * pt, (o + 1) * pt, b[o]);
                }
            }
            Blas.sgemm(false, false, oc, pt, ckk, 1f, wt, 0, ckk, cols, 0, pt, bias == null ? 0f : 1f, out, 0, pt, 1);
            for (int i = 0; i < count; i++) {
                int yo = (first + i) * imageOut;
                for (int o = 0; o < oc; o++) {
                    System.arraycopy(out, o * pt + i * p, y, yo + o * p, p);
                }
            }
            if (keepCols) {
                colsOfPart[part] = cols;
            }
        });
        int[] outShape = {n, oc, oh, ow};
        Tensor[] inputs = bias == null ? new Tensor[] {input, weight} : new Tensor[] {input, weight, bias};
        return Tensor.derived("conv2d", y, outShape, g -> {
            float[] gx = input.requiresGrad() ? input.gradientBuffer() : null;
            float[][] gwParts = weight.requiresGrad() ? new float[parts][] : null;
            if (gx != null || gwParts != null) {
                Parallelism.forEachPart(parts, part -> {
                    int first = from(n, parts, part);
                    int count = from(n, parts, part + 1) - first;
                    int pt = count * p;
                    float[] gOut = new float[oc * pt];
                    for (int i = 0; i < count; i++) {
                        int go = (first + i) * imageOut;
                        for (int o = 0; o < oc; o++) {
                            System.arraycopy(g, go + o * p, gOut, o * pt + i * p, p);
                        }
                    }
                    float[] cols = colsOfPart[part];
                    if (gwParts != null) {
                        float[] gw = new float[oc * ckk];
                        Blas.sgemm(false, true, oc, ckk, pt, 1f, gOut, 0, pt, cols, 0, pt, 0f, gw, 0, ckk, 1);
                        gwParts[part] = gw;
                    }
                    if (gx != null) {
                        float[] dcols = new float[ckk * pt];
                        Blas.sgemm(true, false, ckk, pt, oc, 1f, wt, 0, ckk, gOut, 0, pt, 0f, dcols, 0, pt, 1);
                        for (int i = 0; i < count; i++) {
                            col2im(dcols, i * p, pt, c, h, w, win, oh, ow, gx, (first + i) * imageIn);
                        }
                    }
                });
            }
            if (gwParts != null) {
                float[] gw = weight.gradientBuffer();
                for (float[] partial : gwParts) {
                    for (int i = 0; i < gw.length; i++) {
                        gw[i] += partial[i];
                    }
                }
            }
            if (bias != null && bias.requiresGrad()) {
                float[] gb = bias.gradientBuffer();
                for (int img = 0; img < n; img++) {
                    for (int o = 0; o < oc; o++) {
                        int at = img * imageOut + o * p;
                        float s = 0;
                        for (int i = 0; i < p; i++) {
                            s += g[at + i];
                        }
                        gb[o] += s;
                    }
                }
            }
        }, inputs);
    }

    /** Threads worth using for {@code images} images of {@code macsPerImage} multiply-adds each. */
    static int parts(int images, long macsPerImage) {
        long work = images * macsPerImage;
        return (int) Math.max(1, Math.min(Math.min(Parallelism.threads(), images), work / (64 * 64 * 64)));
    }

    static int from(int total, int parts, int part) {
        return (int) ((long) total * part / parts);
    }

    /** Unrolls one image's receptive fields into columns {@code co}… of a matrix with row stride {@code ld}: row (ch, i, j) holds input pixel (ch, oy·s + i − pad, ox·s + j − pad) for every output position. */
    static void im2col(float[] x, int xo, int c, int h, int w, Window win, int oh, int ow, float[] col, int co, int ld) {
        int row = 0;
        for (int ch = 0; ch < c; ch++) {
            int plane = xo + ch * h * w;
            for (int i = 0; i < win.kernelH(); i++) {
                for (int j = 0; j < win.kernelW(); j++, row++) {
                    int out = co + row * ld;
                    for (int oy = 0; oy < oh; oy++) {
                        int iy = oy * win.strideH() - win.padH() + i;
                        int at = out + oy * ow;
                        if (iy < 0 || iy >= h) {
                            Arrays.fill(col, at, at + ow, 0f);
                            continue;
                        }
                        int src = plane + iy * w;
                        int ix0 = j - win.padW();
                        if (win.strideW() == 1) {
                            int lo = Math.max(0, -ix0);
                            int hi = Math.min(ow, w - ix0);
                            if (lo > 0) {
                                Arrays.fill(col, at, at + Math.min(lo, ow), 0f);
                            }
                            if (hi > lo) {
                                System.arraycopy(x, src + ix0 + lo, col, at + lo, hi - lo);
                            }
                            if (hi < ow) {
                                Arrays.fill(col, at + Math.max(hi, 0), at + ow, 0f);
                            }
                        } else {
                            for (int ox = 0; ox < ow; ox++) {
                                int ix = ox * win.strideW() + ix0;
                                col[at + ox] = ix >= 0 && ix < w ? x[src + ix] : 0f;
                            }
                        }
                    }
                }
            }
        }
    }

    /** The adjoint of {@link #im2col}: adds each column entry back onto the pixel it was read from. */
    static void col2im(float[] col, int co, int ld, int c, int h, int w, Window win, int oh, int ow, float[] gx, int xo) {
        int row = 0;
        for (int ch = 0; ch < c; ch++) {
            int plane = xo + ch * h * w;
            for (int i = 0; i < win.kernelH(); i++) {
                for (int j = 0; j < win.kernelW(); j++, row++) {
                    int in = co + row * ld;
                    for (int oy = 0; oy < oh; oy++) {
                        int iy = oy * win.strideH() - win.padH() + i;
                        if (iy < 0 || iy >= h) {
                            continue;
                        }
                        int dst = plane + iy * w;
                        int at = in + oy * ow;
                        int ix0 = j - win.padW();
                        int lo = win.strideW() == 1 ? Math.max(0, -ix0) : 0;
                        int hi = win.strideW() == 1 ? Math.min(ow, w - ix0) : ow;
                        for (int ox = lo; ox < hi; ox++) {
                            int ix = ox * win.strideW() + ix0;
                            if (ix >= 0 && ix < w) {
                                gx[dst + ix] += col[at + ox];
                            }
                        }
                    }
                }
            }
        }
    }
}
