package dev.kiln.learn.linear;

import dev.kiln.core.linalg.Blas;

/**
 * Binary logistic regression with an L1 or elastic-net penalty, C·Σᵢ loss(xᵢ) + ½λ₂‖w‖² + λ₁‖w‖₁
 * (the intercept unpenalised), by proximal Newton: glmnet's scheme (Friedman, Hastie and
 * Tibshirani 2010, §3) made globally convergent by the Armijo line search of Tseng and Yun (2009,
 * "A coordinate gradient descent method for nonsmooth separable minimization"), as in newGLMNET
 * (Yuan, Ho and Lin 2012). Each iteration replaces the loss by its second-order expansion, which
 * weights xᵢ by C·pᵢ(1 − pᵢ), minimises the penalised quadratic by cyclic coordinate descent on
 * column-stored data (one SIMD dot and axpy per coordinate), and halves the step along the
 * result until the objective falls by a hundredth of the predicted decrease. It stops when the
 * largest component of the minimum-norm subgradient of Σ loss + penalty/C — the objective in the
 * scale of scikit-learn's lbfgs solver — is at most tol, or when no step decreases the objective
 * in floating point.
 */
final class ProximalNewton {
    private static final double SUFFICIENT_DECREASE = 0.01;
    private static final int MAX_HALVINGS = 40;
    private static final int MAX_INNER_PASSES = 50;
    /** Inner passes stop when the largest curvature-weighted change is this fraction of the first pass's. */
    private static final double INNER_TOLERANCE = 1e-4;

    private final double[] x;
    private final double[] xt;
    private final int n;
    private final int p;
    private final boolean[] positive;
    private final boolean fitIntercept;
    private final double c;
    private final double l1;
    private final double l2;

    private final double[] w;
    private double b;
    private final double[] z;
    private final double[] prob;
    private final double[] hx;
    private final double[] g;
    private final double[] h;
    private final double[] v;
    private final double[] u;
    private final double[] d;
    private double loss;

    /**
     * @param x        the row-major n × p features
     * @param positive each row's class: true for the second class
     * @param l1       the L1 weight λ₁
     * @param l2       the L2 weight λ₂
     */
    ProximalNewton(double[] x, int n, int p, boolean[] positive, boolean fitIntercept, double c, double l1, double l2) {
        this.x = x;
        this.n = n;
        this.p = p;
        this.positive = positive;
        this.fitIntercept = fitIntercept;
        this.c = c;
        this.l1 = l1;
        this.l2 = l2;
        this.xt = new double[p * n];
        Blas.transpose(n, p, x, 0, p, xt, 0, n);
        this.w = new double[p];
        this.z = new double[n];
        this.prob = new double[n];
        this.hx = new double[p * n];
        this.g = new double[n];
        this.h = new double[n];
        this.v = new double[n];
        this.u = new double[n];
        this.d = new double[p];
    }

    /**
     * The solution.
     *
     * @param coefficients w
     * @param intercept    b
     * @param iterations   the Newton steps taken
     */
    record Result(double[] coefficients, double intercept, int iterations) {
    }

    Result solve(int maxIter, double tol) {
        refresh();
        int iteration = 0;
        boolean moved = true;
        while (subgradient() > tol && moved && iteration < maxIter) {
            moved = step();
            iteration++;
        }
        return new Result(w.clone(), b, iteration);
    }

    /** One proximal Newton step; false if no step along its direction decreased the objective. */
    private boolean step() {
        for (int i = 0; i < n; i++) {
            g[i] = c * (prob[i] - (positive[i] ? 1 : 0));
            h[i] = c * prob[i] * (1 - prob[i]);
        }
        double db = solveQuadratic();
        Blas.dgemv(false, n, p, 1.0, x, 0, p, d, 0, 0.0, u, 0);
        for (int i = 0; i < n; i++) {
            u[i] += db;
        }
        double l1Before = 0;
        double l1After = 0;
        double ridge = 0;
        for (int j = 0; j < p; j++) {
            l1Before += Math.abs(w[j]);
            l1After += Math.abs(w[j] + d[j]);
            ridge += w[j] * d[j];
        }
        double predicted = Blas.dot(n, g, 0, u, 0) + l2 * ridge + l1 * (l1After - l1Before);
        if (!(predicted < 0)) {
            return false;
        }
        double before = loss + penalty(0);
        double step = 1;
        for (int halving = 0; halving < MAX_HALVINGS; halving++, step *= 0.5) {
            if (lossAlong(step) + penalty(step) - before <= SUFFICIENT_DECREASE * step * predicted) {
                Blas.axpy(p, step, d, 0, w, 0);
                b += step * db;
                Blas.axpy(n, step, u, 0, z, 0);
                refresh();
                return true;
            }
        }
        return false;
    }

    /**
     * Minimises gᵀu + ½Σhᵢuᵢ² + penalty(w + d) over d and the intercept change db, where
     * u = Xd + db, by cyclic coordinate descent keeping vᵢ = gᵢ + hᵢuᵢ; leaves d in its field and
     * returns db.
     */
    private double solveQuadratic() {
        java.util.Arrays.fill(d, 0);
        System.arraycopy(g, 0, v, 0, n);
        double[] curvature = new double[p];
        for (int j = 0; j < p; j++) {
            int col = j * n;
            for (int i = 0; i < n; i++) {
                hx[col + i] = h[i] * xt[col + i];
            }
            curvature[j] = Blas.dot(n, xt, col, hx, col);
        }
        double hSum = 0;
        for (int i = 0; i < n; i++) {
            hSum += h[i];
        }
        double db = 0;
        double firstPass = 0;
        for (int pass = 0; pass < MAX_INNER_PASSES; pass++) {
            double largest = 0;
            if (fitIntercept && hSum > 0) {
                double delta = -sum(v) / hSum;
                db += delta;
                Blas.axpy(n, delta, h, 0, v, 0);
                largest = hSum * delta * delta;
            }
            for (int j = 0; j < p; j++) {
                double a = curvature[j];
                if (a + l2 == 0) {
                    continue;
                }
                int col = j * n;
                double current = w[j] + d[j];
                double target = a * current - Blas.dot(n, xt, col, v, 0);
                double updated = Math.signum(target) * Math.max(Math.abs(target) - l1, 0) / (a + l2);
                double delta = updated - current;
                if (delta != 0) {
                    d[j] += delta;
                    Blas.axpy(n, delta, hx, col, v, 0);
                    largest = Math.max(largest, a * delta * delta);
                }
            }
            if (pass == 0) {
                firstPass = largest;
            }
            if (largest <= INNER_TOLERANCE * firstPass) {
                break;
            }
        }
        return db;
    }

    private static double sum(double[] a) {
        double s = 0;
        for (double e : a) {
            s += e;
        }
        return s;
    }

    /** The penalty at w + step·d. */
    private double penalty(double step) {
        double total = 0;
        for (int j = 0; j < p; j++) {
            double e = w[j] + step * d[j];
            total += 0.5 * l2 * e * e + l1 * Math.abs(e);
        }
        return total;
    }

    /** C·Σ loss with the scores moved by step·u. */
    private double lossAlong(double step) {
        double total = 0;
        for (int i = 0; i < n; i++) {
            double s = z[i] + step * u[i];
            total += LogisticLoss.softplus(s) - (positive[i] ? s : 0);
        }
        return c * total;
    }

    /** Recomputes the probabilities and the loss from the scores. */
    private void refresh() {
        double total = 0;
        for (int i = 0; i < n; i++) {
            total += LogisticLoss.softplus(z[i]) - (positive[i] ? z[i] : 0);
            prob[i] = LogisticLoss.sigmoid(z[i]);
        }
        loss = c * total;
    }

    /**
     * The largest component of the minimum-norm subgradient of F/C = Σ loss + penalty/C, the
     * objective in scikit-learn's lbfgs scale, so tol means what it means for the L2 penalty.
     */
    private double subgradient() {
        double[] residual = new double[n];
        double gb = 0;
        for (int i = 0; i < n; i++) {
            residual[i] = c * (prob[i] - (positive[i] ? 1 : 0));
            gb += residual[i];
        }
        double[] gradient = new double[p];
        Blas.dgemv(true, n, p, 1.0, x, 0, p, residual, 0, 0.0, gradient, 0);
        double largest = fitIntercept ? Math.abs(gb) : 0;
        for (int j = 0; j < p; j++) {
            double gj = gradient[j] + l2 * w[j];
            double component = w[j] > 0 ? gj + l1 : w[j] < 0 ? gj - l1 : Math.max(Math.abs(gj) - l1, 0);
            largest = Math.max(largest, Math.abs(component));
        }
        return largest / c;
    }
}
