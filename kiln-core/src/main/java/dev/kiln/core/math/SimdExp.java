package dev.kiln.core.math;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link Exp} lane by lane on the Vector API: the same operations in the same order, so the same
 * bits as the scalar version. Loaded only when {@code jdk.incubator.vector} is present and SIMD
 * is not disabled ({@code -Dkiln.simd=false}).
 */
final class SimdExp {
    private SimdExp() {
    }

    static boolean usable() {
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

    /** Exponentiates whole vectors of {@code v[off .. off + len)} in place; returns how many values it did. */
    static int inPlace(double[] v, int off, int len) {
        return Vectors.inPlace(v, off, len);
    }

    /** Holds the Vector API types, so that {@link #usable()} can be called without them. */
    private static final class Vectors {
        static final VectorSpecies<Double> SPECIES = DoubleVector.SPECIES_PREFERRED;
        static final DoubleVector LN2_HI = DoubleVector.broadcast(SPECIES, Exp.LN2_HI);
        static final DoubleVector LN2_LO = DoubleVector.broadcast(SPECIES, Exp.LN2_LO);
        static final DoubleVector ONE = DoubleVector.broadcast(SPECIES, 1.0);

        static int inPlace(double[] v, int off, int len) {
            int l = SPECIES.length();
            int i = 0;
            for (; i + l <= len; i += l) {
                DoubleVector x = DoubleVector.fromArray(SPECIES, v, off + i);
                DoubleVector xc = x.max(Exp.MIN_ARG);
                DoubleVector z = xc.fma(Exp.LOG2E, Exp.SHIFTER);
                DoubleVector k = z.sub(Exp.SHIFTER);
                DoubleVector minusK = k.neg();
                DoubleVector r = minusK.fma(LN2_HI, xc);
                r = minusK.fma(LN2_LO, r);
                DoubleVector p = DoubleVector.broadcast(SPECIES, Exp.TAYLOR[0]);
                for (int n = 1; n < Exp.TAYLOR.length; n++) {
                    p = p.fma(r, DoubleVector.broadcast(SPECIES, Exp.TAYLOR[n]));
                }
                p = p.fma(r, ONE);
                p = p.fma(r, ONE);
                LongVector bits = ((LongVector) z.reinterpretAsLongs()).sub(Exp.SHIFTER_BITS - 1023)
                        .lanewise(VectorOperators.LSHL, 52);
                DoubleVector result = p.mul((DoubleVector) bits.reinterpretAsDoubles());
                result.blend(0.0, x.lt(Exp.MIN_ARG)).intoArray(v, off + i);
            }
            return i;
        }
    }
}
