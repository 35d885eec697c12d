package dev.kiln.core.linalg;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * Kernels on the Vector API at the machine's preferred vector width (L lanes). The GEMM
 * micro-tile is 6 rows by 3 vectors where there are 32 vector registers (512-bit machines:
 * 18 accumulators), and 4 rows by 3 vectors otherwise (12 accumulators fit in 16 registers).
 * The micro-kernels below were written out by a generator, one accumulator per variable,
 * because C2 keeps such variables in registers and would not keep array elements there.
 */
final class SimdKernels implements Kernels {
    static final VectorSpecies<Double> DS = DoubleVector.SPECIES_PREFERRED;
    static final VectorSpecies<Float> FS = FloatVector.SPECIES_PREFERRED;
    private static final int WIDE_BITS = 512;

    private final boolean wide;

    private SimdKernels(boolean wide) {
        this.wide = wide;
    }

    /** The SIMD kernels, or null where vectors hold fewer than two doubles (no gain over scalar). */
    static SimdKernels create() {
        if (DS.length() < 2) {
            return null;
        }
        return new SimdKernels(DS.vectorBitSize() >= WIDE_BITS);
    }

    /** Both tile shapes exist on every machine; tests use this to exercise the one not chosen. */
    static SimdKernels withTileRows(int rows) {
        if (rows != 4 && rows != 6) {
            throw new IllegalArgumentException("tile rows must be 4 or 6, got " + rows);
        }
        return new SimdKernels(rows == 6);
    }

    @Override
    public String description() {
        return "SIMD, " + DS.vectorBitSize() + "-bit vectors (" + DS.length() + " doubles, " + FS.length()
                + " floats), GEMM tile " + doubleMr() + "x" + doubleNr();
    }

    @Override
    public double dot(int n, double[] x, int xo, double[] y, int yo) {
        final int l = DS.length();
        DoubleVector s0 = DoubleVector.zero(DS);
        DoubleVector s1 = s0;
        DoubleVector s2 = s0;
        DoubleVector s3 = s0;
        int i = 0;
        for (; i + 4 * l <= n; i += 4 * l) {
            s0 = DoubleVector.fromArray(DS, x, xo + i).fma(DoubleVector.fromArray(DS, y, yo + i), s0);
            s1 = DoubleVector.fromArray(DS, x, xo + i + l).fma(DoubleVector.fromArray(DS, y, yo + i + l), s1);
            s2 = DoubleVector.fromArray(DS, x, xo + i + 2 * l).fma(DoubleVector.fromArray(DS, y, yo + i + 2 * l), s2);
            s3 = DoubleVector.fromArray(DS, x, xo + i + 3 * l).fma(DoubleVector.fromArray(DS, y, yo + i + 3 * l), s3);
        }
        for (; i + l <= n; i += l) {
            s0 = DoubleVector.fromArray(DS, x, xo + i).fma(DoubleVector.fromArray(DS, y, yo + i), s0);
        }
        double sum = sumLanes(s0.add(s1).add(s2.add(s3)));
        for (; i < n; i++) {
            sum = Math.fma(x[xo + i], y[yo + i], sum);
        }
        return sum;
    }

    /**
     * The lanes' sum, lane 0 first. {@code reduceLanes(ADD)} leaves the order open, and the
     * interpreter and the compiler do pick different orders, so a dot product would change in its
     * last bits once the JIT compiles it; a fixed order keeps results reproducible.
     */
    private static double sumLanes(DoubleVector v) {
        double sum = 0;
        for (double lane : v.toArray()) {
            sum += lane;
        }
        return sum;
    }

    /** The lanes' sum, lane 0 first; see {@link #sumLanes(DoubleVector)}. */
    private static float sumLanes(FloatVector v) {
        float sum = 0;
        for (float lane : v.toArray()) {
            sum += lane;
        }
        return sum;
    }

    @Override
    public void axpy(int n, double alpha, double[] x, int xo, double[] y, int yo) {
        final int l = DS.length();
        DoubleVector a = DoubleVector.broadcast(DS, alpha);
        int i = 0;
        for (; i + l <= n; i += l) {
            DoubleVector.fromArray(DS, x, xo + i).fma(a, DoubleVector.fromArray(DS, y, yo + i)).intoArray(y, yo + i);
        }
        for (; i < n; i++) {
            y[yo + i] = Math.fma(alpha, x[xo + i], y[yo + i]);
        }
    }

    @Override
    public float dot(int n, float[] x, int xo, float[] y, int yo) {
        final int l = FS.length();
        FloatVector s0 = FloatVector.zero(FS);
        FloatVector s1 = s0;
        FloatVector s2 = s0;
        FloatVector s3 = s0;
        int i = 0;
        for (; i + 4 * l <= n; i += 4 * l) {
            s0 = FloatVector.fromArray(FS, x, xo + i).fma(FloatVector.fromArray(FS, y, yo + i), s0);
            s1 = FloatVector.fromArray(FS, x, xo + i + l).fma(FloatVector.fromArray(FS, y, yo + i + l), s1);
            s2 = FloatVector.fromArray(FS, x, xo + i + 2 * l).fma(FloatVector.fromArray(FS, y, yo + i + 2 * l), s2);
            s3 = FloatVector.fromArray(FS, x, xo + i + 3 * l).fma(FloatVector.fromArray(FS, y, yo + i + 3 * l), s3);
        }
        for (; i + l <= n; i += l) {
            s0 = FloatVector.fromArray(FS, x, xo + i).fma(FloatVector.fromArray(FS, y, yo + i), s0);
        }
        float sum = sumLanes(s0.add(s1).add(s2.add(s3)));
        for (; i < n; i++) {
            sum = Math.fma(x[xo + i], y[yo + i], sum);
        }
        return sum;
    }

    @Override
    public void axpy(int n, float alpha, float[] x, int xo, float[] y, int yo) {
        final int l = FS.length();
        FloatVector a = FloatVector.broadcast(FS, alpha);
        int i = 0;
        for (; i + l <= n; i += l) {
            FloatVector.fromArray(FS, x, xo + i).fma(a, FloatVector.fromArray(FS, y, yo + i)).intoArray(y, yo + i);
        }
        for (; i < n; i++) {
            y[yo + i] = Math.fma(alpha, x[xo + i], y[yo + i]);
        }
    }

    @Override
    public int doubleMr() {
        return wide ? 6 : 4;
    }

    @Override
    public int doubleNr() {
        return 3 * DS.length();
    }

    @Override
    public void doubleKernel(int kc, double[] ap, int ao, double[] bp, int bo, double alpha, double[] c, int co, int ldc) {
        if (wide) {
            doubleKernel6(kc, ap, ao, bp, bo, alpha, c, co, ldc);
        } else {
            doubleKernel4(kc, ap, ao, bp, bo, alpha, c, co, ldc);
        }
    }

    @Override
    public int floatMr() {
        return wide ? 6 : 4;
    }

    @Override
    public int floatNr() {
        return 3 * FS.length();
    }

    @Override
    public void floatKernel(int kc, float[] ap, int ao, float[] bp, int bo, float alpha, float[] c, int co, int ldc) {
        if (wide) {
            floatKernel6(kc, ap, ao, bp, bo, alpha, c, co, ldc);
        } else {
            floatKernel4(kc, ap, ao, bp, bo, alpha, c, co, ldc);
        }
    }

    /** C[6 x 3L] += alpha * Ap * Bp, with 18 vector accumulators. */
    static void doubleKernel6(int kc, double[] ap, int ao, double[] bp, int bo, double alpha, double[] c, int co, int ldc) {
        final int l = DS.length();
        DoubleVector z = DoubleVector.zero(DS);
        DoubleVector c00 = z, c01 = z, c02 = z;
        DoubleVector c10 = z, c11 = z, c12 = z;
        DoubleVector c20 = z, c21 = z, c22 = z;
        DoubleVector c30 = z, c31 = z, c32 = z;
        DoubleVector c40 = z, c41 = z, c42 = z;
        DoubleVector c50 = z, c51 = z, c52 = z;
        for (int p = 0; p < kc; p++) {
            DoubleVector b0 = DoubleVector.fromArray(DS, bp, bo);
            DoubleVector b1 = DoubleVector.fromArray(DS, bp, bo + l);
            DoubleVector b2 = DoubleVector.fromArray(DS, bp, bo + 2 * l);
            DoubleVector a0 = DoubleVector.broadcast(DS, ap[ao]);
            c00 = b0.fma(a0, c00); c01 = b1.fma(a0, c01); c02 = b2.fma(a0, c02);
            DoubleVector a1 = DoubleVector.broadcast(DS, ap[ao + 1]);
            c10 = b0.fma(a1, c10); c11 = b1.fma(a1, c11); c12 = b2.fma(a1, c12);
            DoubleVector a2 = DoubleVector.broadcast(DS, ap[ao + 2]);
            c20 = b0.fma(a2, c20); c21 = b1.fma(a2, c21); c22 = b2.fma(a2, c22);
            DoubleVector a3 = DoubleVector.broadcast(DS, ap[ao + 3]);
            c30 = b0.fma(a3, c30); c31 = b1.fma(a3, c31); c32 = b2.fma(a3, c32);
            DoubleVector a4 = DoubleVector.broadcast(DS, ap[ao + 4]);
            c40 = b0.fma(a4, c40); c41 = b1.fma(a4, c41); c42 = b2.fma(a4, c42);
            DoubleVector a5 = DoubleVector.broadcast(DS, ap[ao + 5]);
            c50 = b0.fma(a5, c50); c51 = b1.fma(a5, c51); c52 = b2.fma(a5, c52);
            ao += 6;
            bo += 3 * l;
        }
        DoubleVector av = DoubleVector.broadcast(DS, alpha);
        int r0 = co;
        c00.fma(av, DoubleVector.fromArray(DS, c, r0)).intoArray(c, r0);
        c01.fma(av, DoubleVector.fromArray(DS, c, r0 + l)).intoArray(c, r0 + l);
        c02.fma(av, DoubleVector.fromArray(DS, c, r0 + 2 * l)).intoArray(c, r0 + 2 * l);
        int r1 = co + ldc;
        c10.fma(av, DoubleVector.fromArray(DS, c, r1)).intoArray(c, r1);
        c11.fma(av, DoubleVector.fromArray(DS, c, r1 + l)).intoArray(c, r1 + l);
        c12.fma(av, DoubleVector.fromArray(DS, c, r1 + 2 * l)).intoArray(c, r1 + 2 * l);
        int r2 = co + 2 * ldc;
        c20.fma(av, DoubleVector.fromArray(DS, c, r2)).intoArray(c, r2);
        c21.fma(av, DoubleVector.fromArray(DS, c, r2 + l)).intoArray(c, r2 + l);
        c22.fma(av, DoubleVector.fromArray(DS, c, r2 + 2 * l)).intoArray(c, r2 + 2 * l);
        int r3 = co + 3 * ldc;
        c30.fma(av, DoubleVector.fromArray(DS, c, r3)).intoArray(c, r3);
        c31.fma(av, DoubleVector.fromArray(DS, c, r3 + l)).intoArray(c, r3 + l);
        c32.fma(av, DoubleVector.fromArray(DS, c, r3 + 2 * l)).intoArray(c, r3 + 2 * l);
        int r4 = co + 4 * ldc;
        c40.fma(av, DoubleVector.fromArray(DS, c, r4)).intoArray(c, r4);
        c41.fma(av, DoubleVector.fromArray(DS, c, r4 + l)).intoArray(c, r4 + l);
        c42.fma(av, DoubleVector.fromArray(DS, c, r4 + 2 * l)).intoArray(c, r4 + 2 * l);
        int r5 = co + 5 * ldc;
        c50.fma(av, DoubleVector.fromArray(DS, c, r5)).intoArray(c, r5);
        c51.fma(av, DoubleVector.fromArray(DS, c, r5 + l)).intoArray(c, r5 + l);
        c52.fma(av, DoubleVector.fromArray(DS, c, r5 + 2 * l)).intoArray(c, r5 + 2 * l);
    }

    /** C[4 x 3L] += alpha * Ap * Bp, with 12 vector accumulators. */
    static void doubleKernel4(int kc, double[] ap, int ao, double[] bp, int bo, double alpha, double[] c, int co, int ldc) {
        final int l = DS.length();
        DoubleVector z = DoubleVector.zero(DS);
        DoubleVector c00 = z, c01 = z, c02 = z;
        DoubleVector c10 = z, c11 = z, c12 = z;
        DoubleVector c20 = z, c21 = z, c22 = z;
        DoubleVector c30 = z, c31 = z, c32 = z;
        for (int p = 0; p < kc; p++) {
            DoubleVector b0 = DoubleVector.fromArray(DS, bp, bo);
            DoubleVector b1 = DoubleVector.fromArray(DS, bp, bo + l);
            DoubleVector b2 = DoubleVector.fromArray(DS, bp, bo + 2 * l);
            DoubleVector a0 = DoubleVector.broadcast(DS, ap[ao]);
            c00 = b0.fma(a0, c00); c01 = b1.fma(a0, c01); c02 = b2.fma(a0, c02);
            DoubleVector a1 = DoubleVector.broadcast(DS, ap[ao + 1]);
            c10 = b0.fma(a1, c10); c11 = b1.fma(a1, c11); c12 = b2.fma(a1, c12);
            DoubleVector a2 = DoubleVector.broadcast(DS, ap[ao + 2]);
            c20 = b0.fma(a2, c20); c21 = b1.fma(a2, c21); c22 = b2.fma(a2, c22);
            DoubleVector a3 = DoubleVector.broadcast(DS, ap[ao + 3]);
            c30 = b0.fma(a3, c30); c31 = b1.fma(a3, c31); c32 = b2.fma(a3, c32);
            ao += 4;
            bo += 3 * l;
        }
        DoubleVector av = DoubleVector.broadcast(DS, alpha);
        int r0 = co;
        c00.fma(av, DoubleVector.fromArray(DS, c, r0)).intoArray(c, r0);
        c01.fma(av, DoubleVector.fromArray(DS, c, r0 + l)).intoArray(c, r0 + l);
        c02.fma(av, DoubleVector.fromArray(DS, c, r0 + 2 * l)).intoArray(c, r0 + 2 * l);
        int r1 = co + ldc;
        c10.fma(av, DoubleVector.fromArray(DS, c, r1)).intoArray(c, r1);
        c11.fma(av, DoubleVector.fromArray(DS, c, r1 + l)).intoArray(c, r1 + l);
        c12.fma(av, DoubleVector.fromArray(DS, c, r1 + 2 * l)).intoArray(c, r1 + 2 * l);
        int r2 = co + 2 * ldc;
        c20.fma(av, DoubleVector.fromArray(DS, c, r2)).intoArray(c, r2);
        c21.fma(av, DoubleVector.fromArray(DS, c, r2 + l)).intoArray(c, r2 + l);
        c22.fma(av, DoubleVector.fromArray(DS, c, r2 + 2 * l)).intoArray(c, r2 + 2 * l);
        int r3 = co + 3 * ldc;
        c30.fma(av, DoubleVector.fromArray(DS, c, r3)).intoArray(c, r3);
        c31.fma(av, DoubleVector.fromArray(DS, c, r3 + l)).intoArray(c, r3 + l);
        c32.fma(av, DoubleVector.fromArray(DS, c, r3 + 2 * l)).intoArray(c, r3 + 2 * l);
    }

    /** C[6 x 3L] += alpha * Ap * Bp, with 18 vector accumulators. */
    static void floatKernel6(int kc, float[] ap, int ao, float[] bp, int bo, float alpha, float[] c, int co, int ldc) {
        final int l = FS.length();
        FloatVector z = FloatVector.zero(FS);
        FloatVector c00 = z, c01 = z, c02 = z;
        FloatVector c10 = z, c11 = z, c12 = z;
        FloatVector c20 = z, c21 = z, c22 = z;
        FloatVector c30 = z, c31 = z, c32 = z;
        FloatVector c40 = z, c41 = z, c42 = z;
        FloatVector c50 = z, c51 = z, c52 = z;
        for (int p = 0; p < kc; p++) {
            FloatVector b0 = FloatVector.fromArray(FS, bp, bo);
            FloatVector b1 = FloatVector.fromArray(FS, bp, bo + l);
            FloatVector b2 = FloatVector.fromArray(FS, bp, bo + 2 * l);
            FloatVector a0 = FloatVector.broadcast(FS, ap[ao]);
            c00 = b0.fma(a0, c00); c01 = b1.fma(a0, c01); c02 = b2.fma(a0, c02);
            FloatVector a1 = FloatVector.broadcast(FS, ap[ao + 1]);
            c10 = b0.fma(a1, c10); c11 = b1.fma(a1, c11); c12 = b2.fma(a1, c12);
            FloatVector a2 = FloatVector.broadcast(FS, ap[ao + 2]);
            c20 = b0.fma(a2, c20); c21 = b1.fma(a2, c21); c22 = b2.fma(a2, c22);
            FloatVector a3 = FloatVector.broadcast(FS, ap[ao + 3]);
            c30 = b0.fma(a3, c30); c31 = b1.fma(a3, c31); c32 = b2.fma(a3, c32);
            FloatVector a4 = FloatVector.broadcast(FS, ap[ao + 4]);
            c40 = b0.fma(a4, c40); c41 = b1.fma(a4, c41); c42 = b2.fma(a4, c42);
            FloatVector a5 = FloatVector.broadcast(FS, ap[ao + 5]);
            c50 = b0.fma(a5, c50); c51 = b1.fma(a5, c51); c52 = b2.fma(a5, c52);
            ao += 6;
            bo += 3 * l;
        }
        FloatVector av = FloatVector.broadcast(FS, alpha);
        int r0 = co;
        c00.fma(av, FloatVector.fromArray(FS, c, r0)).intoArray(c, r0);
        c01.fma(av, FloatVector.fromArray(FS, c, r0 + l)).intoArray(c, r0 + l);
        c02.fma(av, FloatVector.fromArray(FS, c, r0 + 2 * l)).intoArray(c, r0 + 2 * l);
        int r1 = co + ldc;
        c10.fma(av, FloatVector.fromArray(FS, c, r1)).intoArray(c, r1);
        c11.fma(av, FloatVector.fromArray(FS, c, r1 + l)).intoArray(c, r1 + l);
        c12.fma(av, FloatVector.fromArray(FS, c, r1 + 2 * l)).intoArray(c, r1 + 2 * l);
        int r2 = co + 2 * ldc;
        c20.fma(av, FloatVector.fromArray(FS, c, r2)).intoArray(c, r2);
        c21.fma(av, FloatVector.fromArray(FS, c, r2 + l)).intoArray(c, r2 + l);
        c22.fma(av, FloatVector.fromArray(FS, c, r2 + 2 * l)).intoArray(c, r2 + 2 * l);
        int r3 = co + 3 * ldc;
        c30.fma(av, FloatVector.fromArray(FS, c, r3)).intoArray(c, r3);
        c31.fma(av, FloatVector.fromArray(FS, c, r3 + l)).intoArray(c, r3 + l);
        c32.fma(av, FloatVector.fromArray(FS, c, r3 + 2 * l)).intoArray(c, r3 + 2 * l);
        int r4 = co + 4 * ldc;
        c40.fma(av, FloatVector.fromArray(FS, c, r4)).intoArray(c, r4);
        c41.fma(av, FloatVector.fromArray(FS, c, r4 + l)).intoArray(c, r4 + l);
        c42.fma(av, FloatVector.fromArray(FS, c, r4 + 2 * l)).intoArray(c, r4 + 2 * l);
        int r5 = co + 5 * ldc;
        c50.fma(av, FloatVector.fromArray(FS, c, r5)).intoArray(c, r5);
        c51.fma(av, FloatVector.fromArray(FS, c, r5 + l)).intoArray(c, r5 + l);
        c52.fma(av, FloatVector.fromArray(FS, c, r5 + 2 * l)).intoArray(c, r5 + 2 * l);
    }

    /** C[4 x 3L] += alpha * Ap * Bp, with 12 vector accumulators. */
    static void floatKernel4(int kc, float[] ap, int ao, float[] bp, int bo, float alpha, float[] c, int co, int ldc) {
        final int l = FS.length();
        FloatVector z = FloatVector.zero(FS);
        FloatVector c00 = z, c01 = z, c02 = z;
        FloatVector c10 = z, c11 = z, c12 = z;
        FloatVector c20 = z, c21 = z, c22 = z;
        FloatVector c30 = z, c31 = z, c32 = z;
        for (int p = 0; p < kc; p++) {
            FloatVector b0 = FloatVector.fromArray(FS, bp, bo);
            FloatVector b1 = FloatVector.fromArray(FS, bp, bo + l);
            FloatVector b2 = FloatVector.fromArray(FS, bp, bo + 2 * l);
            FloatVector a0 = FloatVector.broadcast(FS, ap[ao]);
            c00 = b0.fma(a0, c00); c01 = b1.fma(a0, c01); c02 = b2.fma(a0, c02);
            FloatVector a1 = FloatVector.broadcast(FS, ap[ao + 1]);
            c10 = b0.fma(a1, c10); c11 = b1.fma(a1, c11); c12 = b2.fma(a1, c12);
            FloatVector a2 = FloatVector.broadcast(FS, ap[ao + 2]);
            c20 = b0.fma(a2, c20); c21 = b1.fma(a2, c21); c22 = b2.fma(a2, c22);
            FloatVector a3 = FloatVector.broadcast(FS, ap[ao + 3]);
            c30 = b0.fma(a3, c30); c31 = b1.fma(a3, c31); c32 = b2.fma(a3, c32);
            ao += 4;
            bo += 3 * l;
        }
        FloatVector av = FloatVector.broadcast(FS, alpha);
        int r0 = co;
        c00.fma(av, FloatVector.fromArray(FS, c, r0)).intoArray(c, r0);
        c01.fma(av, FloatVector.fromArray(FS, c, r0 + l)).intoArray(c, r0 + l);
        c02.fma(av, FloatVector.fromArray(FS, c, r0 + 2 * l)).intoArray(c, r0 + 2 * l);
        int r1 = co + ldc;
        c10.fma(av, FloatVector.fromArray(FS, c, r1)).intoArray(c, r1);
        c11.fma(av, FloatVector.fromArray(FS, c, r1 + l)).intoArray(c, r1 + l);
        c12.fma(av, FloatVector.fromArray(FS, c, r1 + 2 * l)).intoArray(c, r1 + 2 * l);
        int r2 = co + 2 * ldc;
        c20.fma(av, FloatVector.fromArray(FS, c, r2)).intoArray(c, r2);
        c21.fma(av, FloatVector.fromArray(FS, c, r2 + l)).intoArray(c, r2 + l);
        c22.fma(av, FloatVector.fromArray(FS, c, r2 + 2 * l)).intoArray(c, r2 + 2 * l);
        int r3 = co + 3 * ldc;
        c30.fma(av, FloatVector.fromArray(FS, c, r3)).intoArray(c, r3);
        c31.fma(av, FloatVector.fromArray(FS, c, r3 + l)).intoArray(c, r3 + l);
        c32.fma(av, FloatVector.fromArray(FS, c, r3 + 2 * l)).intoArray(c, r3 + 2 * l);
    }
}
