package dev.kiln.learn.linear;

import dev.kiln.core.linalg.Blas;

/**
 * Cyclic coordinate descent for the elastic net, ½‖y − Xw‖² + λ₁‖w‖₁ + ½λ₂‖w‖² (Friedman,
 * Hastie and Tibshirani 2010, "Regularization Paths for Generalized Linear Models via
 * Coordinate Descent", §2), on column-stored data. It starts with their "naive updates": the
 * residual r = y − Xw is kept and changed by one SIMD axpy per changed coefficient, O(n) per
 * coordinate. When a solve has made p/2 sweeps and n > p it switches to their "covariance
 * updates" on the Gram matrix XᵀX: O(p) per coordinate after an O(np²) product, which by then
 * costs no more than the sweeps already made, and is kept for later solves (a path). It stops as
 * scikit-learn's {@code enet_coordinate_descent} does: when a sweep's largest coefficient change
 * is below tol times the largest coefficient (or on the last sweep), the duality gap is computed
 * and the solver stops once it is below tol·‖y‖².
 */
final class CoordinateDescent {
    private final CenteredData data;
    private final double[] columnNormsSquared;
    private final double yNormSquared;
    private double[] gram;
    private double[] xty;

    CoordinateDescent(CenteredData data) {
        this.data = data;
        int n = data.n();
        this.columnNormsSquared = new double[data.p()];
        for (int j = 0; j < data.p(); j++) {
            columnNormsSquared[j] = Blas.dot(n, data.xt(), j * n, data.xt(), j * n);
        }
        this.yNormSquared = Blas.dot(n, data.y(), 0, data.y(), 0);
    }

    /**
     * The outcome of one solve.
     *
     * @param iterations the sweeps made
     * @param gap        the duality gap at the end, in the scale of ½‖y − Xw‖² (NaN if never computed)
     * @param converged  whether the gap fell below the tolerance
     */
    record Result(int iterations, double gap, boolean converged) {
    }

    /**
     * Minimises from {@code w} (a warm start, updated in place).
     *
     * @param positive whether to constrain every coefficient to be ≥ 0
     */
    Result solve(double l1, double l2, boolean positive, int maxIter, double tol, double[] w) {
        int n = data.n();
        int p = data.p();
        double[] r = null;
        double[] q = null;
        int switchAfter = data.n() > p ? Math.max(1, p / 2) : Integer.MAX_VALUE;
        if (gram != null) {
            q = gradient(w);
        } else {
            r = residual(w);
        }
        double gapTolerance = tol * yNormSquared;
        double gap = Double.NaN;
        for (int iteration = 0; iteration < maxIter; iteration++) {
            if (q == null && iteration >= switchAfter) {
                computeGram();
                q = gradient(w);
            }
            double wMax = 0;
            double changeMax = 0;
            for (int j = 0; j < p; j++) {
                double norm = columnNormsSquared[j];
                if (norm == 0) {
                    continue;
                }
                double old = w[j];
                double rho = (q != null ? q[j] : Blas.dot(n, data.xt(), j * n, r, 0)) + old * norm;
                double updated = positive && rho < 0 ? 0 : Math.signum(rho) * Math.max(Math.abs(rho) - l1, 0) / (norm + l2);
                if (updated != old) {
                    w[j] = updated;
                    if (q != null) {
                        Blas.axpy(p, old - updated, gram, j * p, q, 0);
                    } else {
                        Blas.axpy(n, old - updated, data.xt(), j * n, r, 0);
                    }
                }
                changeMax = Math.max(changeMax, Math.abs(updated - old));
                wMax = Math.max(wMax, Math.abs(updated));
            }
            if (wMax == 0 || changeMax / wMax < tol || iteration == maxIter - 1) {
                gap = q != null ? gramDualityGap(l1, l2, positive, w) : dualityGap(l1, l2, positive, w, r);
                if (gap < gapTolerance) {
                    return new Result(iteration + 1, gap, true);
                }
            }
        }
        return new Result(maxIter, gap, false);
    }

    private double[] residual(double[] w) {
        int n = data.n();
        double[] r = data.y().clone();
        for (int j = 0; j < data.p(); j++) {
            if (w[j] != 0) {
                Blas.axpy(n, -w[j], data.xt(), j * n, r, 0);
            }
        }
        return r;
    }

    private void computeGram() {
        if (gram == null) {
            int n = data.n();
            int p = data.p();
            double[] g = new double[p * p];
            Blas.dgemm(false, true, p, p, n, 1.0, data.xt(), 0, n, data.xt(), 0, n, 0.0, g, 0, p);
            xty = new double[p];
            Blas.dgemv(false, p, n, 1.0, data.xt(), 0, n, data.y(), 0, 0.0, xty, 0);
            gram = g;
        }
    }

    /** Xᵀr = Xᵀy − XᵀX·w, from the Gram matrix. */
    private double[] gradient(double[] w) {
        int p = data.p();
        double[] q = xty.clone();
        Blas.dgemv(false, p, p, -1.0, gram, 0, p, w, 0, 1.0, q, 0);
        return q;
    }

    /**
     * The gap between the primal objective at w and the dual objective at the residual scaled
     * into the dual feasible set, as scikit-learn computes it.
     */
    private double dualityGap(double l1, double l2, boolean positive, double[] w, double[] r) {
        int n = data.n();
        double[] xtr = new double[data.p()];
        Blas.dgemv(false, data.p(), n, 1.0, data.xt(), 0, n, r, 0, 0.0, xtr, 0);
        return gap(l1, l2, positive, w, xtr, Blas.dot(n, r, 0, r, 0), Blas.dot(n, r, 0, data.y(), 0));
    }

    /** The same gap from the Gram matrix: ‖r‖² = ‖y‖² − w·Xᵀy − w·Xᵀr and r·y = ‖y‖² − w·Xᵀy. */
    private double gramDualityGap(double l1, double l2, boolean positive, double[] w) {
        int p = data.p();
        double[] xtr = gradient(w);
        double wxty = Blas.dot(p, w, 0, xty, 0);
        return gap(l1, l2, positive, w, xtr, yNormSquared - wxty - Blas.dot(p, w, 0, xtr, 0), yNormSquared - wxty);
    }

    private static double gap(double l1, double l2, boolean positive, double[] w, double[] xtr, double rNorm2, double ry) {
        double dualNorm = 0;
        double l1Norm = 0;
        for (int j = 0; j < w.length; j++) {
            double v = xtr[j] - l2 * w[j];
            dualNorm = Math.max(dualNorm, positive ? v : Math.abs(v));
            l1Norm += Math.abs(w[j]);
        }
        double scale = dualNorm > l1 ? l1 / dualNorm : 1.0;
        double gap = dualNorm > l1 ? 0.5 * rNorm2 * (1 + scale * scale) : rNorm2;
        return gap + l1 * l1Norm - scale * ry + 0.5 * l2 * (1 + scale * scale) * Blas.dot(w.length, w, 0, w, 0);
    }
}
