package dev.kiln.text.vectors;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorShuffle;
import jdk.incubator.vector.VectorSpecies;

/**
 * The float loops of word-vector training and look-up: dot product, axpy and the fused
 * negative-sampling update, on the Vector API where {@code jdk.incubator.vector} is present and
 * SIMD is not disabled ({@code -Dkiln.simd=false}), in scalar Java otherwise. Sums over lanes
 * run in a fixed tree order (lane i plus lane i + L/2, then + L/4, …), so a result does not
 * depend on whether the interpreter or the JIT computed it, and training is reproducible.
 */
final class VectorKernels {
    static final boolean SIMD = usable();

    private VectorKernels() {
    }

    /** Σ x[xo + i]·y[yo + i] for i in [0, n). */
    static float dot(float[] x, int xo, float[] y, int yo, int n) {
        return SIMD ? Vectors.dot(x, xo, y, yo, n) : scalarDot(x, xo, y, yo, n);
    }

    /** y[yo + i] += a·x[xo + i] for i in [0, n). */
    static void axpy(float a, float[] x, int xo, float[] y, int yo, int n) {
        int i = SIMD ? Vectors.axpy(a, x, xo, y, yo, n) : 0;
        for (; i < n; i++) {
            y[yo + i] += a * x[xo + i];
        }
    }

    /**
     * One output row's negative-sampling step: {@code err += g·out} and {@code out += g·in},
     * both with the output row as it was before the step, for the n values at
     * {@code out[oo..]}, {@code in[io..]} and {@code err[0..]}.
     */
    static void update(float g, float[] out, int oo, float[] in, int io, float[] err, int n) {
        int i = SIMD ? Vectors.update(g, out, oo, in, io, err, n) : 0;
        for (; i < n; i++) {
            float o = out[oo + i];
            err[i] += g * o;
            out[oo + i] = o + g * in[io + i];
        }
    }

    /**
     * GloVe's AdaGrad step for one entry, {@code step} being η·f(X)·diff: for each i, with
     * u = clip(step·c[i]) and v = clip(step·w[i]) (both from the values before the step),
     * w[i] −= u/√gw[i], c[i] −= v/√gc[i], gw[i] += u², gc[i] += v², over n values from
     * {@code wo} in w and gw and from {@code co} in c and gc.
     */
    static void adaGrad(float step, float clip, float[] w, int wo, float[] gw, float[] c, int co, float[] gc, int n) {
        int i = SIMD ? Vectors.adaGrad(step, clip, w, wo, gw, c, co, gc, n) : 0;
        for (; i < n; i++) {
            float u = Math.min(Math.max(step * c[co + i], -clip), clip);
            float v = Math.min(Math.max(step * w[wo + i], -clip), clip);
            w[wo + i] -= u / (float) Math.sqrt(gw[wo + i]);
            c[co + i] -= v / (float) Math.sqrt(gc[co + i]);
            gw[wo + i] += u * u;
            gc[co + i] += v * v;
        }
    }

    static float scalarDot(float[] x, int xo, float[] y, int yo, int n) {
        float s = 0;
        for (int i = 0; i < n; i++) {
            s += x[xo + i] * y[yo + i];
        }
        return s;
    }

    private static boolean usable() {
        if ("false".equalsIgnoreCase(System.getProperty("kiln.simd", "true"))
                || ModuleLayer.boot().findModule("jdk.incubator.vector").isEmpty()) {
            return false;
        }
        try {
            return Vectors.SPECIES.length() > 1;
        } catch (LinkageError e) {
            return false;
        }
    }

    /** Holds the Vector API types, so that {@link #usable()} can be called without them. */
    private static final class Vectors {
        static final VectorSpecies<Float> SPECIES = FloatVector.SPECIES_PREFERRED;
        /** SHIFTS[k] moves lane i + 2^k to lane i: the steps of the fixed-order lane sum. */
        @SuppressWarnings("unchecked")
        static final VectorShuffle<Float>[] SHIFTS = shifts();

        static float dot(float[] x, int xo, float[] y, int yo, int n) {
            int l = SPECIES.length();
            FloatVector s0 = FloatVector.zero(SPECIES);
            FloatVector s1 = s0;
            int i = 0;
            for (; i + 2 * l <= n; i += 2 * l) {
                s0 = FloatVector.fromArray(SPECIES, x, xo + i).fma(FloatVector.fromArray(SPECIES, y, yo + i), s0);
                s1 = FloatVector.fromArray(SPECIES, x, xo + i + l).fma(FloatVector.fromArray(SPECIES, y, yo + i + l), s1);
            }
            if (i + l <= n) {
                s0 = FloatVector.fromArray(SPECIES, x, xo + i).fma(FloatVector.fromArray(SPECIES, y, yo + i), s0);
                i += l;
            }
            float s = sumLanes(s0.add(s1));
            for (; i < n; i++) {
                s += x[xo + i] * y[yo + i];
            }
            return s;
        }

        static int axpy(float a, float[] x, int xo, float[] y, int yo, int n) {
            int l = SPECIES.length();
            FloatVector av = FloatVector.broadcast(SPECIES, a);
            int i = 0;
            for (; i + l <= n; i += l) {
                FloatVector.fromArray(SPECIES, x, xo + i).fma(av, FloatVector.fromArray(SPECIES, y, yo + i)).intoArray(y, yo + i);
            }
            return i;
        }

        static int update(float g, float[] out, int oo, float[] in, int io, float[] err, int n) {
            int l = SPECIES.length();
            FloatVector gv = FloatVector.broadcast(SPECIES, g);
            int i = 0;
            for (; i + l <= n; i += l) {
                FloatVector o = FloatVector.fromArray(SPECIES, out, oo + i);
                o.fma(gv, FloatVector.fromArray(SPECIES, err, i)).intoArray(err, i);
                FloatVector.fromArray(SPECIES, in, io + i).fma(gv, o).intoArray(out, oo + i);
            }
            return i;
        }

        static int adaGrad(float step, float clip, float[] w, int wo, float[] gw, float[] c, int co, float[] gc, int n) {
            int l = SPECIES.length();
            int i = 0;
            for (; i + l <= n; i += l) {
                FloatVector wv = FloatVector.fromArray(SPECIES, w, wo + i);
                FloatVector cv = FloatVector.fromArray(SPECIES, c, co + i);
                FloatVector gwv = FloatVector.fromArray(SPECIES, gw, wo + i);
                FloatVector gcv = FloatVector.fromArray(SPECIES, gc, co + i);
                FloatVector u = cv.mul(step).max(-clip).min(clip);
                FloatVector v = wv.mul(step).max(-clip).min(clip);
                wv.sub(u.div(gwv.sqrt())).intoArray(w, wo + i);
                cv.sub(v.div(gcv.sqrt())).intoArray(c, co + i);
                u.fma(u, gwv).intoArray(gw, wo + i);
                v.fma(v, gcv).intoArray(gc, co + i);
            }
            return i;
        }

        private static float sumLanes(FloatVector v) {
            for (int k = SHIFTS.length - 1; k >= 0; k--) {
                v = v.add(v.rearrange(SHIFTS[k]));
            }
            return v.lane(0);
        }

        @SuppressWarnings({"unchecked", "rawtypes"})
        private static VectorShuffle<Float>[] shifts() {
            int steps = Integer.numberOfTrailingZeros(SPECIES.length());
            VectorShuffle<Float>[] shifts = new VectorShuffle[steps];
            for (int k = 0; k < steps; k++) {
                shifts[k] = VectorShuffle.iota(SPECIES, 1 << k, 1, true);
            }
            return shifts;
        }
    }
}
