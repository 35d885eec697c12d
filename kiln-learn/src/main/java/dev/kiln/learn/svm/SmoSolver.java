package dev.kiln.learn.svm;

/**
 * Sequential minimal optimisation (Platt, "Fast Training of Support Vector Machines using
 * Sequential Minimal Optimization", 1998) of the SVM dual
 * <pre>
 *   min ½ αᵀQα + pᵀα   subject to  yᵀα = 0,  0 ≤ α_i ≤ C_i,  y_i = ±1,
 * </pre>
 * as libsvm solves it: the working pair chosen by second-order information (Fan, Chen and Lin,
 * "Working Set Selection Using Second Order Information for Training Support Vector Machines",
 * JMLR 2005, WSS 2), shrinking of variables stuck at a bound with the gradient rebuilt before
 * the final check (Joachims 1999; Chang and Lin 2011, §5.1), and columns of Q from a kernel
 * cache. Stops when the maximal violation m(α) − M(α) falls below the tolerance.
 */
final class SmoSolver {
    private static final double TAU = 1e-12;
    private static final byte LOWER = 0;
    private static final byte UPPER = 1;
    private static final byte FREE = 2;

    /**
     * The optimum: α in the original variable order, the offset ρ (the decision function is
     * Σ y_i α_i k(x_i, x) − ρ), the dual objective and the iterations taken.
     */
    record Solution(double[] alpha, double rho, double objective, int iterations, boolean converged) {
    }

    private final int l;
    private final QMatrix q;
    private final double[] qd;
    private final byte[] y;
    private final double[] p;
    private final double[] alpha;
    private final byte[] status;
    private final double[] gradient;
    private final double[] gradientBar;
    private final int[] activeSet;
    private final double cp;
    private final double cn;
    private final double eps;
    private final boolean shrinking;
    private final long maxIterations;
    private int activeSize;
    private boolean unshrunk;

    /**
     * @param y             the labels ±1
     * @param p             the linear term
     * @param alpha         the starting point, feasible
     * @param cp            the bound C for y = +1
     * @param cn            the bound C for y = −1
     * @param maxIterations the iteration limit, or −1 for libsvm's own, max(10⁷, 100·l)
     */
    SmoSolver(QMatrix q, byte[] y, double[] p, double[] alpha, double cp, double cn, double eps, boolean shrinking,
              long maxIterations) {
        this.l = y.length;
        this.q = q;
        this.qd = q.diagonal();
        this.y = y.clone();
        this.p = p.clone();
        this.alpha = alpha.clone();
        this.cp = cp;
        this.cn = cn;
        this.eps = eps;
        this.shrinking = shrinking;
        this.maxIterations = maxIterations > 0 ? maxIterations : Math.max(10_000_000L, 100L * l);
        this.status = new byte[l];
        this.gradient = new double[l];
        this.gradientBar = new double[l];
        this.activeSet = new int[l];
        this.activeSize = l;
    }

    Solution solve() {
        for (int i = 0; i < l; i++) {
            updateStatus(i);
            activeSet[i] = i;
            gradient[i] = p[i];
        }
        for (int i = 0; i < l; i++) {
            if (status[i] != LOWER) {
                float[] qi = q.column(i, l);
                double ai = alpha[i];
                for (int j = 0; j < l; j++) {
                    gradient[j] += ai * qi[j];
                }
                if (status[i] == UPPER) {
                    double ci = bound(i);
                    for (int j = 0; j < l; j++) {
                        gradientBar[j] += ci * qi[j];
                    }
                }
            }
        }
        long iterations = 0;
        int counter = Math.min(l, 1000) + 1;
        int[] pair = new int[2];
        while (iterations < maxIterations) {
            if (--counter == 0) {
                counter = Math.min(l, 1000);
                if (shrinking) {
                    shrink();
                }
            }
            if (!selectWorkingSet(pair)) {
                reconstructGradient();
                activeSize = l;
                if (!selectWorkingSet(pair)) {
                    break;
                }
                counter = 1;
            }
            iterations++;
            step(pair[0], pair[1]);
        }
        boolean converged = iterations < maxIterations;
        if (!converged && activeSize < l) {
            reconstructGradient();
            activeSize = l;
        }
        double rho = rho();
        double v = 0;
        for (int i = 0; i < l; i++) {
            v += alpha[i] * (gradient[i] + p[i]);
        }
        double[] out = new double[l];
        for (int i = 0; i < l; i++) {
            out[activeSet[i]] = alpha[i];
        }
        return new Solution(out, rho, v / 2, (int) Math.min(iterations, Integer.MAX_VALUE), converged);
    }

    /** Optimises the pair (i, j) analytically, clipped to the box, and updates the gradients. */
    private void step(int i, int j) {
        float[] qi = q.column(i, activeSize);
        float[] qj = q.column(j, activeSize);
        double ci = bound(i);
        double cj = bound(j);
        double oldI = alpha[i];
        double oldJ = alpha[j];
        if (y[i] != y[j]) {
            double quad = qd[i] + qd[j] + 2 * qi[j];
            if (quad <= 0) {
                quad = TAU;
            }
            double delta = (-gradient[i] - gradient[j]) / quad;
            double diff = alpha[i] - alpha[j];
            alpha[i] += delta;
            alpha[j] += delta;
            if (diff > 0) {
                if (alpha[j] < 0) {
                    alpha[j] = 0;
                    alpha[i] = diff;
                }
            } else if (alpha[i] < 0) {
                alpha[i] = 0;
                alpha[j] = -diff;
            }
            if (diff > ci - cj) {
                if (alpha[i] > ci) {
                    alpha[i] = ci;
                    alpha[j] = ci - diff;
                }
            } else if (alpha[j] > cj) {
                alpha[j] = cj;
                alpha[i] = cj + diff;
            }
        } else {
            double quad = qd[i] + qd[j] - 2 * qi[j];
            if (quad <= 0) {
                quad = TAU;
            }
            double delta = (gradient[i] - gradient[j]) / quad;
            double sum = alpha[i] + alpha[j];
            alpha[i] -= delta;
            alpha[j] += delta;
            if (sum > ci) {
                if (alpha[i] > ci) {
                    alpha[i] = ci;
                    alpha[j] = sum - ci;
                }
            } else if (alpha[j] < 0) {
                alpha[j] = 0;
                alpha[i] = sum;
            }
            if (sum > cj) {
                if (alpha[j] > cj) {
                    alpha[j] = cj;
                    alpha[i] = sum - cj;
                }
            } else if (alpha[i] < 0) {
                alpha[i] = 0;
                alpha[j] = sum;
            }
        }
        double dai = alpha[i] - oldI;
        double daj = alpha[j] - oldJ;
        for (int k = 0; k < activeSize; k++) {
            gradient[k] += qi[k] * dai + qj[k] * daj;
        }
        boolean wasUpperI = status[i] == UPPER;
        boolean wasUpperJ = status[j] == UPPER;
        updateStatus(i);
        updateStatus(j);
        if (wasUpperI != (status[i] == UPPER)) {
            addToGradientBar(i, wasUpperI ? -ci : ci);
        }
        if (wasUpperJ != (status[j] == UPPER)) {
            addToGradientBar(j, wasUpperJ ? -cj : cj);
        }
    }

    private void addToGradientBar(int i, double factor) {
        float[] qi = q.column(i, l);
        for (int k = 0; k < l; k++) {
            gradientBar[k] += factor * qi[k];
        }
    }

    /**
     * WSS 2: i maximises −y_i ∇f_i over I_up; j, among the t in I_low violating with i,
     * minimises the second-order decrease −b_it² / a_it. False when the maximal violation is
     * below eps (optimal on the active set).
     */
    private boolean selectWorkingSet(int[] pair) {
        double gmax = Double.NEGATIVE_INFINITY;
        double gmax2 = Double.NEGATIVE_INFINITY;
        int gmaxIndex = -1;
        int gminIndex = -1;
        double objDiffMin = Double.POSITIVE_INFINITY;
        for (int t = 0; t < activeSize; t++) {
            double v = -y[t] * gradient[t];
            if (v >= gmax && status[t] != (y[t] == 1 ? UPPER : LOWER)) {
                gmax = v;
                gmaxIndex = t;
            }
        }
        int i = gmaxIndex;
        float[] qi = i == -1 ? null : q.column(i, activeSize);
        double qdi = i == -1 ? 0 : qd[i];
        double yi = i == -1 ? 0 : y[i];
        for (int j = 0; j < activeSize; j++) {
            if (status[j] == (y[j] == 1 ? LOWER : UPPER)) {
                continue;
            }
            double yg = y[j] * gradient[j];
            double gradDiff = gmax + yg;
            gmax2 = Math.max(gmax2, yg);
            if (gradDiff > 0) {
                double quad = qdi + qd[j] - 2.0 * yi * y[j] * qi[j];
                double objDiff = -(gradDiff * gradDiff) / (quad > 0 ? quad : TAU);
                if (objDiff <= objDiffMin) {
                    gminIndex = j;
                    objDiffMin = objDiff;
                }
            }
        }
        if (gmax + gmax2 < eps || gminIndex == -1) {
            return false;
        }
        pair[0] = gmaxIndex;
        pair[1] = gminIndex;
        return true;
    }

    /**
     * Moves to the end of the active set the variables at a bound whose gradient says they will
     * stay there; once the violation first falls below 10·eps, rebuilds the gradient and starts
     * over from the whole set, as libsvm does.
     */
    private void shrink() {
        double gmax1 = Double.NEGATIVE_INFINITY;
        double gmax2 = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < activeSize; i++) {
            if (y[i] == 1) {
                if (status[i] != UPPER) {
                    gmax1 = Math.max(gmax1, -gradient[i]);
                }
                if (status[i] != LOWER) {
                    gmax2 = Math.max(gmax2, gradient[i]);
                }
            } else {
                if (status[i] != UPPER) {
                    gmax2 = Math.max(gmax2, -gradient[i]);
                }
                if (status[i] != LOWER) {
                    gmax1 = Math.max(gmax1, gradient[i]);
                }
            }
        }
        if (!unshrunk && gmax1 + gmax2 <= eps * 10) {
            unshrunk = true;
            reconstructGradient();
            activeSize = l;
        }
        for (int i = 0; i < activeSize; i++) {
            if (shrinkable(i, gmax1, gmax2)) {
                activeSize--;
                while (activeSize > i) {
                    if (!shrinkable(activeSize, gmax1, gmax2)) {
                        swap(i, activeSize);
                        break;
                    }
                    activeSize--;
                }
            }
        }
    }

    private boolean shrinkable(int i, double gmax1, double gmax2) {
        if (status[i] == UPPER) {
            return y[i] == 1 ? -gradient[i] > gmax1 : -gradient[i] > gmax2;
        }
        if (status[i] == LOWER) {
            return y[i] == 1 ? gradient[i] > gmax2 : gradient[i] > gmax1;
        }
        return false;
    }

    /**
     * Restores the gradient of the inactive variables from Ḡ (the part due to variables at their
     * upper bound) and the free variables' columns, whichever way reads fewer kernel entries.
     */
    private void reconstructGradient() {
        if (activeSize == l) {
            return;
        }
        for (int j = activeSize; j < l; j++) {
            gradient[j] = gradientBar[j] + p[j];
        }
        int free = 0;
        for (int j = 0; j < activeSize; j++) {
            if (status[j] == FREE) {
                free++;
            }
        }
        if ((long) free * l > 2L * activeSize * (l - activeSize)) {
            for (int i = activeSize; i < l; i++) {
                float[] qi = q.column(i, activeSize);
                for (int j = 0; j < activeSize; j++) {
                    if (status[j] == FREE) {
                        gradient[i] += alpha[j] * qi[j];
                    }
                }
            }
        } else {
            for (int i = 0; i < activeSize; i++) {
                if (status[i] == FREE) {
                    float[] qi = q.column(i, l);
                    double ai = alpha[i];
                    for (int j = activeSize; j < l; j++) {
                        gradient[j] += ai * qi[j];
                    }
                }
            }
        }
    }

    /** ρ: the mean of y_i ∇f_i over free variables, else the midpoint of its feasible range. */
    private double rho() {
        int free = 0;
        double ub = Double.POSITIVE_INFINITY;
        double lb = Double.NEGATIVE_INFINITY;
        double sumFree = 0;
        for (int i = 0; i < activeSize; i++) {
            double yg = y[i] * gradient[i];
            if (status[i] == UPPER) {
                if (y[i] == -1) {
                    ub = Math.min(ub, yg);
                } else {
                    lb = Math.max(lb, yg);
                }
            } else if (status[i] == LOWER) {
                if (y[i] == 1) {
                    ub = Math.min(ub, yg);
                } else {
                    lb = Math.max(lb, yg);
                }
            } else {
                free++;
                sumFree += yg;
            }
        }
        return free > 0 ? sumFree / free : (ub + lb) / 2;
    }

    private void swap(int i, int j) {
        q.swap(i, j);
        byte b = y[i];
        y[i] = y[j];
        y[j] = b;
        double t = gradient[i];
        gradient[i] = gradient[j];
        gradient[j] = t;
        b = status[i];
        status[i] = status[j];
        status[j] = b;
        t = alpha[i];
        alpha[i] = alpha[j];
        alpha[j] = t;
        t = p[i];
        p[i] = p[j];
        p[j] = t;
        int a = activeSet[i];
        activeSet[i] = activeSet[j];
        activeSet[j] = a;
        t = gradientBar[i];
        gradientBar[i] = gradientBar[j];
        gradientBar[j] = t;
    }

    private double bound(int i) {
        return y[i] == 1 ? cp : cn;
    }

    private void updateStatus(int i) {
        double c = bound(i);
        status[i] = alpha[i] >= c ? UPPER : alpha[i] <= 0 ? LOWER : FREE;
    }
}
