package dev.kiln.learn.optim;

import dev.kiln.core.linalg.Blas;

/**
 * The last curvature pairs (s, y) of a limited-memory quasi-Newton method, kept in a ring, and
 * the inverse-Hessian approximation they define, applied by the two-loop recursion of Nocedal
 * and Wright, Numerical Optimization, Algorithm 7.4, with H₀ = (sᵀy/yᵀy)·I (eq. 7.20).
 */
final class CurvatureMemory {
    private final int capacity;
    private final int n;
    private final double[] s;
    private final double[] y;
    private final double[] rho;
    private final double[] alpha;
    private int size;
    private int newest = -1;

    CurvatureMemory(int capacity, int n) {
        this.capacity = capacity;
        this.n = n;
        this.s = new double[capacity * n];
        this.y = new double[capacity * n];
        this.rho = new double[capacity];
        this.alpha = new double[capacity];
    }

    boolean isEmpty() {
        return size == 0;
    }

    void clear() {
        size = 0;
        newest = -1;
    }

    /**
     * Stores s = x1 − x0 and y = g1 − g0 unless sᵀy ≤ ε·{@code decrease}, where decrease is
     * −gᵀs, the first-order decrease predicted for the step (L-BFGS-B's test).
     */
    void add(double[] x0, double[] x1, double[] g0, double[] g1, double decrease) {
        double sy = 0;
        for (int i = 0; i < n; i++) {
            sy += (x1[i] - x0[i]) * (g1[i] - g0[i]);
        }
        if (!(sy > Math.ulp(1.0) * decrease)) {
            return;
        }
        int slot = (newest + 1) % capacity;
        int o = slot * n;
        for (int i = 0; i < n; i++) {
            s[o + i] = x1[i] - x0[i];
            y[o + i] = g1[i] - g0[i];
        }
        rho[slot] = 1 / sy;
        newest = slot;
        size = Math.min(size + 1, capacity);
    }

    /** d = −H·g by the two-loop recursion (Algorithm 7.4); −g when empty. */
    void direction(double[] g, double[] d) {
        steepestDescent(g, d);
        if (size == 0) {
            return;
        }
        for (int k = 0; k < size; k++) {
            int slot = Math.floorMod(newest - k, capacity);
            alpha[slot] = rho[slot] * Blas.dot(n, s, slot * n, d, 0);
            Blas.axpy(n, -alpha[slot], y, slot * n, d, 0);
        }
        int o = newest * n;
        double gamma = Blas.dot(n, s, o, y, o) / Blas.dot(n, y, o, y, o);
        for (int i = 0; i < n; i++) {
            d[i] *= gamma;
        }
        for (int k = size - 1; k >= 0; k--) {
            int slot = Math.floorMod(newest - k, capacity);
            double beta = rho[slot] * Blas.dot(n, y, slot * n, d, 0);
            Blas.axpy(n, alpha[slot] - beta, s, slot * n, d, 0);
        }
    }

    static void steepestDescent(double[] g, double[] d) {
        for (int i = 0; i < g.length; i++) {
            d[i] = -g[i];
        }
    }
}
