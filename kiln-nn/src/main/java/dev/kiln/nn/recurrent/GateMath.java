package dev.kiln.nn.recurrent;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * σ and tanh in place over runs of floats, the gate activations of the recurrent cells: whole
 * vectors on the Vector API's e^x and tanh (the platform's vector math library where there is
 * one, within an ulp or two of {@link Math}), the rest on {@link Math}. The Vector API is used
 * only when {@code jdk.incubator.vector} is present and SIMD is not disabled
 * ({@code -Dkiln.simd=false}).
 */
final class GateMath {
    private static final boolean SIMD = usable();

    private GateMath() {
    }

    /** v[i] = 1 / (1 + e^−v[i]) for i in [off, off + len). */
    static void sigmoid(float[] v, int off, int len) {
        int i = SIMD ? Vectors.sigmoid(v, off, len) : 0;
        for (; i < len; i++) {
            v[off + i] = 1f / (1f + (float) Math.exp(-v[off + i]));
        }
    }

    /** v[i] = tanh v[i] for i in [off, off + len). */
    static void tanh(float[] v, int off, int len) {
        int i = SIMD ? Vectors.tanh(v, off, len) : 0;
        for (; i < len; i++) {
            v[off + i] = (float) Math.tanh(v[off + i]);
        }
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
        static final FloatVector ONE = FloatVector.broadcast(SPECIES, 1f);

        static int sigmoid(float[] v, int off, int len) {
            int l = SPECIES.length();
            int i = 0;
            for (; i + l <= len; i += l) {
                FloatVector x = FloatVector.fromArray(SPECIES, v, off + i);
                ONE.div(x.neg().lanewise(VectorOperators.EXP).add(1f)).intoArray(v, off + i);
            }
            return i;
        }

        static int tanh(float[] v, int off, int len) {
            int l = SPECIES.length();
            int i = 0;
            for (; i + l <= len; i += l) {
                FloatVector.fromArray(SPECIES, v, off + i).lanewise(VectorOperators.TANH).intoArray(v, off + i);
            }
            return i;
        }
    }
}
