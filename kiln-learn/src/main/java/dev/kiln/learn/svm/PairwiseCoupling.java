package dev.kiln.learn.svm;

/**
 * Class probabilities from pairwise ones by the second method of Wu, Lin and Weng, "Probability
 * Estimates for Multi-class Classification by Pairwise Coupling", JMLR 2004: the p minimising
 * Σ_i Σ_{j≠i} (r_ji p_i − r_ij p_j)² on the simplex, by their fixed-point iteration (libsvm's
 * {@code multiclass_probability}).
 */
final class PairwiseCoupling {
    private PairwiseCoupling() {
    }

    /** p from r, where r[i][j] estimates P(class i | class i or j) and r[j][i] = 1 − r[i][j]. */
    static double[] couple(double[][] r) {
        int k = r.length;
        double[][] q = new double[k][k];
        double[] p = new double[k];
        double[] qp = new double[k];
        int maxIterations = Math.max(100, k);
        double eps = 0.005 / k;
        for (int t = 0; t < k; t++) {
            p[t] = 1.0 / k;
            for (int j = 0; j < t; j++) {
                q[t][t] += r[j][t] * r[j][t];
                q[t][j] = q[j][t];
            }
            for (int j = t + 1; j < k; j++) {
                q[t][t] += r[j][t] * r[j][t];
                q[t][j] = -r[j][t] * r[t][j];
            }
        }
        for (int iter = 0; iter < maxIterations; iter++) {
            double pqp = 0;
            for (int t = 0; t < k; t++) {
                qp[t] = 0;
                for (int j = 0; j < k; j++) {
                    qp[t] += q[t][j] * p[j];
                }
                pqp += p[t] * qp[t];
            }
            double maxError = 0;
            for (int t = 0; t < k; t++) {
                maxError = Math.max(maxError, Math.abs(qp[t] - pqp));
            }
            if (maxError < eps) {
                break;
            }
            for (int t = 0; t < k; t++) {
                double diff = (-qp[t] + pqp) / q[t][t];
                p[t] += diff;
                pqp = (pqp + diff * (diff * q[t][t] + 2 * qp[t])) / (1 + diff) / (1 + diff);
                for (int j = 0; j < k; j++) {
                    qp[j] = (qp[j] + diff * q[t][j]) / (1 + diff);
                    p[j] /= (1 + diff);
                }
            }
        }
        return p;
    }
}
