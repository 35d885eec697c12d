package dev.kiln.nn.recurrent;

import dev.kiln.core.math.Exp;

/**
 * σ and tanh in place over runs of floats, the gate activations of the recurrent cells, through
 * kiln-core's {@link Exp} of −|x| in double precision: σ(x) = 1/(1 + e^−x) for x ≥ 0 and
 * e^x/(1 + e^x) below, tanh x = ±(1 − e^−2|x|)/(1 + e^−2|x|) (x itself below 2⁻¹³, where that
 * is tanh x rounded to float and the difference would cancel), rounded once to float. {@link Exp} performs the same IEEE operations whether its SIMD
 * path runs or not, interpreted or compiled, so a seed gives the same network bit for bit from
 * the first fit on — which the Vector API's own e^x and tanh, a vector math library once
 * compiled and {@link Math} before, did not.
 */
final class GateMath {
    /** Below this, tanh x rounds to x in float. */
    private static final float TINY = 0x1p-13f;
    private static final ThreadLocal<double[]> SCRATCH = ThreadLocal.withInitial(() -> new double[256]);

    private GateMath() {
    }

    /** v[i] = 1 / (1 + e^−v[i]) for i in [off, off + len). */
    static void sigmoid(float[] v, int off, int len) {
        double[] e = scratch(len);
        for (int i = 0; i < len; i++) {
            e[i] = -Math.abs((double) v[off + i]);
        }
        Exp.inPlace(e, 0, len);
        for (int i = 0; i < len; i++) {
            double x = v[off + i];
            double ei = e[i];
            v[off + i] = (float) ((x >= 0 ? 1 : ei) / (1 + ei));
        }
    }

    /** v[i] = tanh v[i] for i in [off, off + len). */
    static void tanh(float[] v, int off, int len) {
        double[] e = scratch(len);
        for (int i = 0; i < len; i++) {
            e[i] = -2 * Math.abs((double) v[off + i]);
        }
        Exp.inPlace(e, 0, len);
        for (int i = 0; i < len; i++) {
            float x = v[off + i];
            double ei = e[i];
            v[off + i] = Math.abs(x) < TINY ? x : (float) Math.copySign((1 - ei) / (1 + ei), x);
        }
    }

    private static double[] scratch(int len) {
        double[] e = SCRATCH.get();
        if (e.length < len) {
            e = new double[Math.max(len, 2 * e.length)];
            SCRATCH.set(e);
        }
        return e;
    }
}
