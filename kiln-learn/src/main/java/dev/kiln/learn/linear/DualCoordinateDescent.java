package dev.kiln.learn.linear;

import dev.kiln.core.linalg.Blas;
import dev.kiln.core.random.Rng;

/**
 * Dual coordinate descent for the L2-regularised linear SVM, ½‖w‖² + C·Σ loss(yᵢ·w·xᵢ) with the
 * hinge or squared hinge loss: Hsieh, Chang, Lin, Keerthi and Sundararajan (2008), "A Dual
 * Coordinate Descent Method for Large-scale Linear SVM", Algorithm 1 with the shrinking of
 * §3.2, as liblinear implements it. The dual variables are visited in a fresh random order each
 * pass, w = Σ αᵢyᵢxᵢ is kept up to date by one SIMD axpy per change, and the solver stops when
 * the projected gradient's spread max − min falls to tol. The intercept is liblinear's: an extra
 * feature of constant value {@code bias} whose weight is penalised like the others.
 */
final class DualCoordinateDescent {
    private static final double NEGLIGIBLE_GRADIENT = 1e-12;

    private final double[] x;
    private final int n;
    private final int p;
    private final double bias;
    private final double[] rowNormsSquared;

    /** Over the row-major n × p features x, with the constant feature {@code bias} (0 for none). */
    DualCoordinateDescent(double[] x, int n, int p, double bias) {
        this.x = x;
        this.n = n;
        this.p = p;
        this.bias = bias;
        this.rowNormsSquared = new double[n];
        for (int i = 0; i < n; i++) {
            rowNormsSquared[i] = Blas.dot(p, x, i * p, x, i * p) + bias * bias;
        }
    }

    /** Solves for targets y (±1); the intercept of the result is the bias feature's weight times bias. */
    OneVsRest.Part solve(double[] y, boolean squaredHinge, double c, double tol, int maxIter, Rng rng) {
        double diagonal = squaredHinge ? 0.5 / c : 0;
        double upper = squaredHinge ? Double.POSITIVE_INFINITY : c;
        double[] w = new double[p];
        double wBias = 0;
        double[] alpha = new double[n];
        double[] qd = new double[n];
        int[] index = new int[n];
        for (int i = 0; i < n; i++) {
            qd[i] = rowNormsSquared[i] + diagonal;
            index[i] = i;
        }
        int active = n;
        double pgMaxOld = Double.POSITIVE_INFINITY;
        double pgMinOld = Double.NEGATIVE_INFINITY;
        int iteration = 0;
        while (iteration < maxIter) {
            double pgMax = Double.NEGATIVE_INFINITY;
            double pgMin = Double.POSITIVE_INFINITY;
            for (int s = 0; s < active; s++) {
                int j = s + rng.nextInt(active - s);
                int t = index[s];
                index[s] = index[j];
                index[j] = t;
            }
            for (int s = 0; s < active; s++) {
                int i = index[s];
                double yi = y[i];
                double g = yi * (Blas.dot(p, w, 0, x, i * p) + wBias * bias) - 1 + alpha[i] * diagonal;
                double pg = 0;
                if (alpha[i] == 0) {
                    if (g > pgMaxOld) {
                        active--;
                        index[s] = index[active];
                        index[active] = i;
                        s--;
                        continue;
                    }
                    pg = Math.min(g, 0);
                } else if (alpha[i] == upper) {
                    if (g < pgMinOld) {
                        active--;
                        index[s] = index[active];
                        index[active] = i;
                        s--;
                        continue;
                    }
                    pg = Math.max(g, 0);
                } else {
                    pg = g;
                }
                pgMax = Math.max(pgMax, pg);
                pgMin = Math.min(pgMin, pg);
                if (Math.abs(pg) > NEGLIGIBLE_GRADIENT) {
                    double old = alpha[i];
                    alpha[i] = Math.min(Math.max(old - g / qd[i], 0), upper);
                    double step = (alpha[i] - old) * yi;
                    Blas.axpy(p, step, x, i * p, w, 0);
                    wBias += step * bias;
                }
            }
            iteration++;
            if (pgMax - pgMin <= tol) {
                if (active == n) {
                    break;
                }
                active = n;
                pgMaxOld = Double.POSITIVE_INFINITY;
                pgMinOld = Double.NEGATIVE_INFINITY;
                continue;
            }
            pgMaxOld = pgMax <= 0 ? Double.POSITIVE_INFINITY : pgMax;
            pgMinOld = pgMin >= 0 ? Double.NEGATIVE_INFINITY : pgMin;
        }
        return new OneVsRest.Part(w, wBias * bias, iteration);
    }
}
