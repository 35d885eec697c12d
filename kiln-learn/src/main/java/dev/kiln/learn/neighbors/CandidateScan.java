package dev.kiln.learn.neighbors;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorShape;
import jdk.incubator.vector.VectorSpecies;

/**
 * The brute-force filter's scan: the first j at or after {@code from} with
 * {@code cross[c + j] + norms[n + j] <= threshold}, each float widened to double and added in
 * double exactly as a scalar loop would, so a vector scan (several j per comparison, on the
 * Vector API when it is present and {@code kiln.simd} is not false) finds the same j.
 */
final class CandidateScan {
    private static final boolean SIMD = usable();

    private CandidateScan() {
    }

    /** The first j in [from, to) that passes, or {@code to}. */
    static int next(float[] cross, int c, double[] norms, int n, int from, int to, double threshold) {
        int j = SIMD ? Vectors.skip(cross, c, norms, n, from, to, threshold) : from;
        for (; j < to; j++) {
            if (cross[c + j] + norms[n + j] <= threshold) {
                return j;
            }
        }
        return to;
    }

    private static boolean usable() {
        if ("false".equalsIgnoreCase(System.getProperty("kiln.simd", "true"))
                || ModuleLayer.boot().findModule("jdk.incubator.vector").isEmpty()) {
            return false;
        }
        try {
            return Vectors.DOUBLES.length() > 1 && Vectors.FLOATS.length() == Vectors.DOUBLES.length();
        } catch (LinkageError e) {
            return false;
        }
    }

    /** Holds the Vector API types, so that {@link #usable()} can be called without them. */
    private static final class Vectors {
        static final VectorSpecies<Double> DOUBLES = DoubleVector.SPECIES_PREFERRED;
        /** Floats as many as {@link #DOUBLES} has lanes, so that widening one vector fills one. */
        static final VectorSpecies<Float> FLOATS = VectorSpecies.of(float.class, VectorShape.forBitSize(DOUBLES.vectorBitSize() / 2));

        /**
         * From {@code from}, skips whole vectors in which no j passes; returns the start of the
         * first vector with a passing lane (its first passing j), or where whole vectors end.
         */
        static int skip(float[] cross, int c, double[] norms, int n, int from, int to, double threshold) {
            int l = DOUBLES.length();
            int j = from;
            for (; j + l <= to; j += l) {
                DoubleVector sum = ((DoubleVector) FloatVector.fromArray(FLOATS, cross, c + j).convertShape(VectorOperators.F2D, DOUBLES, 0))
                        .add(DoubleVector.fromArray(DOUBLES, norms, n + j));
                VectorMask<Double> pass = sum.compare(VectorOperators.LE, threshold);
                if (pass.anyTrue()) {
                    return j + pass.firstTrue();
                }
            }
            return j;
        }
    }
}
