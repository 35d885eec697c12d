package dev.kiln.learn.svm;

/**
 * Platt's sigmoid P(y = +1 | f) = 1 / (1 + exp(A f + B)) fitted to decision values f (Platt,
 * "Probabilistic Outputs for Support Vector Machines and Comparisons to Regularized Likelihood
 * Methods", 1999) by the Newton method with backtracking line search of Lin, Lin and Weng, "A
 * Note on Platt's Probabilistic Outputs for Support Vector Machines", Machine Learning 2007
 * (their Algorithm 1, libsvm's {@code sigmoid_train}), with Platt's regularised targets.
 */
final class PlattScaling {
    private static final int MAX_ITERATIONS = 100;
    private static final double MIN_STEP = 1e-10;
    private static final double SIGMA = 1e-12;
    private static final double EPS = 1e-5;

    private PlattScaling() {
    }

    /** (A, B) for decision values {@code f} of rows whose class is {@code positive[i]}. */
    static double[] fit(double[] f, boolean[] positive) {
        int l = f.length;
        double prior1 = 0;
        for (boolean b : positive) {
            if (b) {
                prior1++;
            }
        }
        double prior0 = l - prior1;
        double hiTarget = (prior1 + 1.0) / (prior1 + 2.0);
        double loTarget = 1 / (prior0 + 2.0);
        double[] t = new double[l];
        for (int i = 0; i < l; i++) {
            t[i] = positive[i] ? hiTarget : loTarget;
        }
        double a = 0;
        double b = Math.log((prior0 + 1.0) / (prior1 + 1.0));
        double fval = objective(f, t, a, b);
        for (int iter = 0; iter < MAX_ITERATIONS; iter++) {
            double h11 = SIGMA;
            double h22 = SIGMA;
            double h21 = 0;
            double g1 = 0;
            double g2 = 0;
            for (int i = 0; i < l; i++) {
                double fApB = f[i] * a + b;
                double p;
                double q;
                if (fApB >= 0) {
                    p = Math.exp(-fApB) / (1.0 + Math.exp(-fApB));
                    q = 1.0 / (1.0 + Math.exp(-fApB));
                } else {
                    p = 1.0 / (1.0 + Math.exp(fApB));
                    q = Math.exp(fApB) / (1.0 + Math.exp(fApB));
                }
                double d2 = p * q;
                h11 += f[i] * f[i] * d2;
                h22 += d2;
                h21 += f[i] * d2;
                double d1 = t[i] - p;
                g1 += f[i] * d1;
                g2 += d1;
            }
            if (Math.abs(g1) < EPS && Math.abs(g2) < EPS) {
                break;
            }
            double det = h11 * h22 - h21 * h21;
            double dA = -(h22 * g1 - h21 * g2) / det;
            double dB = -(-h21 * g1 + h11 * g2) / det;
            double gd = g1 * dA + g2 * dB;
            double step = 1;
            while (step >= MIN_STEP) {
                double newA = a + step * dA;
                double newB = b + step * dB;
                double newF = objective(f, t, newA, newB);
                if (newF < fval + 0.0001 * step * gd) {
                    a = newA;
                    b = newB;
                    fval = newF;
                    break;
                }
                step /= 2;
            }
            if (step < MIN_STEP) {
                break;
            }
        }
        return new double[] {a, b};
    }

    /** 1 / (1 + exp(A f + B)), computed without overflow. */
    static double probability(double f, double a, double b) {
        double fApB = f * a + b;
        return fApB >= 0 ? Math.exp(-fApB) / (1.0 + Math.exp(-fApB)) : 1.0 / (1 + Math.exp(fApB));
    }

    /** The regularised cross-entropy of the sigmoid (A, B) against targets t. */
    private static double objective(double[] f, double[] t, double a, double b) {
        double v = 0;
        for (int i = 0; i < f.length; i++) {
            double fApB = f[i] * a + b;
            v += fApB >= 0 ? t[i] * fApB + Math.log1p(Math.exp(-fApB)) : (t[i] - 1) * fApB + Math.log1p(Math.exp(fApB));
        }
        return v;
    }
}
