package dev.kiln.core.linalg;

/** Kernels in plain Java, for JVMs without the Vector API; also the reference the SIMD ones are tested against. */
final class ScalarKernels implements Kernels {
    static final int MR = 4;
    static final int NR = 4;

    @Override
    public String description() {
        return "scalar";
    }

    @Override
    public double dot(int n, double[] x, int xo, double[] y, int yo) {
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        int i = 0;
        for (; i + 3 < n; i += 4) {
            s0 += x[xo + i] * y[yo + i];
            s1 += x[xo + i + 1] * y[yo + i + 1];
            s2 += x[xo + i + 2] * y[yo + i + 2];
            s3 += x[xo + i + 3] * y[yo + i + 3];
        }
        for (; i < n; i++) {
            s0 += x[xo + i] * y[yo + i];
        }
        return (s0 + s1) + (s2 + s3);
    }

    @Override
    public void axpy(int n, double alpha, double[] x, int xo, double[] y, int yo) {
        for (int i = 0; i < n; i++) {
            y[yo + i] += alpha * x[xo + i];
        }
    }

    @Override
    public float dot(int n, float[] x, int xo, float[] y, int yo) {
        float s0 = 0;
        float s1 = 0;
        float s2 = 0;
        float s3 = 0;
        int i = 0;
        for (; i + 3 < n; i += 4) {
            s0 += x[xo + i] * y[yo + i];
            s1 += x[xo + i + 1] * y[yo + i + 1];
            s2 += x[xo + i + 2] * y[yo + i + 2];
            s3 += x[xo + i + 3] * y[yo + i + 3];
        }
        for (; i < n; i++) {
            s0 += x[xo + i] * y[yo + i];
        }
        return (s0 + s1) + (s2 + s3);
    }

    @Override
    public void axpy(int n, float alpha, float[] x, int xo, float[] y, int yo) {
        for (int i = 0; i < n; i++) {
            y[yo + i] += alpha * x[xo + i];
        }
    }

    @Override
    public int doubleMr() {
        return MR;
    }

    @Override
    public int doubleNr() {
        return NR;
    }

    @Override
    public void doubleKernel(int kc, double[] ap, int ao, double[] bp, int bo, double alpha, double[] c, int co, int ldc) {
        double c00 = 0, c01 = 0, c02 = 0, c03 = 0;
        double c10 = 0, c11 = 0, c12 = 0, c13 = 0;
        double c20 = 0, c21 = 0, c22 = 0, c23 = 0;
        double c30 = 0, c31 = 0, c32 = 0, c33 = 0;
        for (int p = 0; p < kc; p++) {
            double b0 = bp[bo], b1 = bp[bo + 1], b2 = bp[bo + 2], b3 = bp[bo + 3];
            double a0 = ap[ao], a1 = ap[ao + 1], a2 = ap[ao + 2], a3 = ap[ao + 3];
            c00 += a0 * b0; c01 += a0 * b1; c02 += a0 * b2; c03 += a0 * b3;
            c10 += a1 * b0; c11 += a1 * b1; c12 += a1 * b2; c13 += a1 * b3;
            c20 += a2 * b0; c21 += a2 * b1; c22 += a2 * b2; c23 += a2 * b3;
            c30 += a3 * b0; c31 += a3 * b1; c32 += a3 * b2; c33 += a3 * b3;
            ao += MR;
            bo += NR;
        }
        int r = co;
        c[r] = Math.fma(c00, alpha, c[r]);
        c[r + 1] = Math.fma(c01, alpha, c[r + 1]);
        c[r + 2] = Math.fma(c02, alpha, c[r + 2]);
        c[r + 3] = Math.fma(c03, alpha, c[r + 3]);
        r += ldc;
        c[r] = Math.fma(c10, alpha, c[r]);
        c[r + 1] = Math.fma(c11, alpha, c[r + 1]);
        c[r + 2] = Math.fma(c12, alpha, c[r + 2]);
        c[r + 3] = Math.fma(c13, alpha, c[r + 3]);
        r += ldc;
        c[r] = Math.fma(c20, alpha, c[r]);
        c[r + 1] = Math.fma(c21, alpha, c[r + 1]);
        c[r + 2] = Math.fma(c22, alpha, c[r + 2]);
        c[r + 3] = Math.fma(c23, alpha, c[r + 3]);
        r += ldc;
        c[r] = Math.fma(c30, alpha, c[r]);
        c[r + 1] = Math.fma(c31, alpha, c[r + 1]);
        c[r + 2] = Math.fma(c32, alpha, c[r + 2]);
        c[r + 3] = Math.fma(c33, alpha, c[r + 3]);
    }

    @Override
    public int floatMr() {
        return MR;
    }

    @Override
    public int floatNr() {
        return NR;
    }

    @Override
    public void floatKernel(int kc, float[] ap, int ao, float[] bp, int bo, float alpha, float[] c, int co, int ldc) {
        float c00 = 0, c01 = 0, c02 = 0, c03 = 0;
        float c10 = 0, c11 = 0, c12 = 0, c13 = 0;
        float c20 = 0, c21 = 0, c22 = 0, c23 = 0;
        float c30 = 0, c31 = 0, c32 = 0, c33 = 0;
        for (int p = 0; p < kc; p++) {
            float b0 = bp[bo], b1 = bp[bo + 1], b2 = bp[bo + 2], b3 = bp[bo + 3];
            float a0 = ap[ao], a1 = ap[ao + 1], a2 = ap[ao + 2], a3 = ap[ao + 3];
            c00 += a0 * b0; c01 += a0 * b1; c02 += a0 * b2; c03 += a0 * b3;
            c10 += a1 * b0; c11 += a1 * b1; c12 += a1 * b2; c13 += a1 * b3;
            c20 += a2 * b0; c21 += a2 * b1; c22 += a2 * b2; c23 += a2 * b3;
            c30 += a3 * b0; c31 += a3 * b1; c32 += a3 * b2; c33 += a3 * b3;
            ao += MR;
            bo += NR;
        }
        int r = co;
        c[r] = Math.fma(c00, alpha, c[r]);
        c[r + 1] = Math.fma(c01, alpha, c[r + 1]);
        c[r + 2] = Math.fma(c02, alpha, c[r + 2]);
        c[r + 3] = Math.fma(c03, alpha, c[r + 3]);
        r += ldc;
        c[r] = Math.fma(c10, alpha, c[r]);
        c[r + 1] = Math.fma(c11, alpha, c[r + 1]);
        c[r + 2] = Math.fma(c12, alpha, c[r + 2]);
        c[r + 3] = Math.fma(c13, alpha, c[r + 3]);
        r += ldc;
        c[r] = Math.fma(c20, alpha, c[r]);
        c[r + 1] = Math.fma(c21, alpha, c[r + 1]);
        c[r + 2] = Math.fma(c22, alpha, c[r + 2]);
        c[r + 3] = Math.fma(c23, alpha, c[r + 3]);
        r += ldc;
        c[r] = Math.fma(c30, alpha, c[r]);
        c[r + 1] = Math.fma(c31, alpha, c[r + 1]);
        c[r + 2] = Math.fma(c32, alpha, c[r + 2]);
        c[r + 3] = Math.fma(c33, alpha, c[r + 3]);
    }
}
