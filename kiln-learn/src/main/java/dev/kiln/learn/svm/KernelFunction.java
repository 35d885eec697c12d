package dev.kiln.learn.svm;

import dev.kiln.core.math.Exp;

/**
 * A kernel with its coefficients resolved. Kernel values are computed from dot products, which
 * the callers form in blocks with the SIMD BLAS; the RBF kernel uses
 * ‖a − b‖² = ‖a‖² + ‖b‖² − 2 a·b, as libsvm does, clamped at 0, and the vectorised {@link Exp}.
 */
record KernelFunction(Kernel kernel, double gamma, int degree, double coef0) {

    boolean needsNorms() {
        return kernel == Kernel.RBF;
    }

    /** k(a, b) from a·b and, for RBF, ‖a‖² and ‖b‖². */
    double value(double dot, double normA, double normB) {
        return switch (kernel) {
            case LINEAR -> dot;
            case POLY -> power(gamma * dot + coef0, degree);
            case RBF -> Exp.of(-gamma * Math.max(0, normA + normB - 2 * dot));
            case SIGMOID -> Math.tanh(gamma * dot + coef0);
        };
    }

    /**
     * Turns {@code len} dot products a·b_j at {@code values[off..]} into kernel values k(a, b_j) in
     * place; {@code normsB[normOff + j]} is ‖b_j‖² (read for RBF only).
     */
    void apply(double[] values, int off, int len, double normA, double[] normsB, int normOff) {
        switch (kernel) {
            case LINEAR -> {
            }
            case RBF -> {
                for (int j = 0; j < len; j++) {
                    values[off + j] = -gamma * Math.max(0, normA + normsB[normOff + j] - 2 * values[off + j]);
                }
                Exp.inPlace(values, off, len);
            }
            default -> {
                for (int j = 0; j < len; j++) {
                    values[off + j] = value(values[off + j], 0, 0);
                }
            }
        }
    }

    /** base^times by repeated squaring, as libsvm's {@code powi}. */
    private static double power(double base, int times) {
        double result = 1;
        double t = base;
        for (int n = times; n > 0; n /= 2) {
            if (n % 2 == 1) {
                result *= t;
            }
            t *= t;
        }
        return result;
    }
}
