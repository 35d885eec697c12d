package dev.kiln.learn.svm;

import org.slf4j.LoggerFactory;

/**
 * What the SMO solver is told, and the checks of the hyperparameters both SVM estimators share.
 *
 * @param tol       the stopping tolerance on the maximal KKT violation
 * @param shrinking whether to shrink the active set
 * @param cacheSize the kernel cache budget in MB
 * @param maxIter   the iteration limit, −1 for libsvm's own
 */
record SolverSettings(double tol, boolean shrinking, double cacheSize, int maxIter) {

    static void check(double c, Kernel kernel, int degree, Gamma gamma, double coef0, double tol, double cacheSize,
                      int maxIter) {
        if (!(c > 0) || Double.isInfinite(c)) {
            throw new IllegalArgumentException("c must be a finite number > 0, got " + c);
        }
        if (kernel == null) {
            throw new IllegalArgumentException("kernel must be LINEAR, POLY, RBF or SIGMOID, got null");
        }
        if (degree < 0) {
            throw new IllegalArgumentException("degree must be >= 0, got " + degree);
        }
        if (gamma == null) {
            throw new IllegalArgumentException("gamma must be Gamma.scale(), Gamma.auto() or Gamma.of(value), got null");
        }
        if (!Double.isFinite(coef0)) {
            throw new IllegalArgumentException("coef0 must be a finite number, got " + coef0);
        }
        if (!(tol > 0) || Double.isInfinite(tol)) {
            throw new IllegalArgumentException("tol must be a finite number > 0, got " + tol);
        }
        if (!(cacheSize > 0) || Double.isInfinite(cacheSize)) {
            throw new IllegalArgumentException("cacheSize must be a finite number of MB > 0, got " + cacheSize);
        }
        if (maxIter < 1 && maxIter != -1) {
            throw new IllegalArgumentException("maxIter must be -1 (no limit of its own) or >= 1, got " + maxIter);
        }
    }

    /** Logs that a solver stopped at {@link #maxIter} short of the tolerance. */
    void warnUnconverged() {
        LoggerFactory.getLogger(SmoSolver.class).warn("svm: the solver stopped at the iteration limit (maxIter = {}) "
                + "before reaching tolerance {}; consider standardising the features", maxIter, tol);
    }
}
