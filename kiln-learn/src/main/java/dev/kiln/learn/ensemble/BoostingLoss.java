package dev.kiln.learn.ensemble;

/**
 * A differentiable loss for gradient boosting (Friedman, "Greedy Function Approximation: A
 * Gradient Boosting Machine", 2001) with its per-row gradient and hessian in the raw score, as
 * scikit-learn's {@code _loss} module defines them: half squared error, binary cross-entropy on
 * the logit, multinomial cross-entropy on softmax scores (one tree per class and iteration).
 * Raw scores are held per output: {@code raw[k][i]}.
 */
abstract sealed class BoostingLoss {

    /** How many trees each iteration grows (outputs of the raw score). */
    abstract int outputs();

    /** Whether every hessian is 1 (then histograms count rows instead of adding hessians). */
    abstract boolean constantHessian();

    /** The raw score of the best constant model over {@code rows}. */
    abstract double[] baseline(int[] rows);

    /**
     * Writes each output's gradient and hessian for rows {@code from} to {@code to} − 1 of
     * {@code rows}, and returns those rows' summed loss, which comes almost free on the way.
     */
    abstract double gradients(double[][] raw, int[] rows, int from, int to, double[][] gradient, double[][] hessian);

    /** The mean loss over {@code rows} of raw scores {@code raw[k][j]} (j indexing {@code rows}). */
    abstract double meanLoss(double[][] raw, int[] rows);

    /** Half squared error {@code (y − f)²/2}: gradient f − y, hessian 1. */
    static final class SquaredError extends BoostingLoss {
        private final double[] y;

        SquaredError(double[] y) {
            this.y = y;
        }

        @Override
        int outputs() {
            return 1;
        }

        @Override
        boolean constantHessian() {
            return true;
        }

        @Override
        double[] baseline(int[] rows) {
            double s = 0;
            for (int r : rows) {
                s += y[r];
            }
            return new double[] {s / rows.length};
        }

        @Override
        double gradients(double[][] raw, int[] rows, int from, int to, double[][] gradient, double[][] hessian) {
            double[] f = raw[0];
            double[] g = gradient[0];
            double loss = 0;
            for (int j = from; j < to; j++) {
                double d = f[j] - y[rows[j]];
                g[j] = d;
                loss += 0.5 * d * d;
            }
            return loss;
        }

        @Override
        double meanLoss(double[][] raw, int[] rows) {
            double s = 0;
            for (int j = 0; j < rows.length; j++) {
                double d = y[rows[j]] - raw[0][j];
                s += 0.5 * d * d;
            }
            return s / rows.length;
        }
    }

    /** Binary cross-entropy on the logit f: gradient σ(f) − y, hessian σ(f)(1 − σ(f)). */
    static final class Binomial extends BoostingLoss {
        private final int[] y;

        Binomial(int[] codes) {
            this.y = codes;
        }

        @Override
        int outputs() {
            return 1;
        }

        @Override
        boolean constantHessian() {
            return false;
        }

        /** The logit of the share of class 1, kept within 10 ulps(1) of 0 and 1. */
        @Override
        double[] baseline(int[] rows) {
            double p = 0;
            for (int r : rows) {
                p += y[r];
            }
            double eps = 10 * Math.ulp(1.0);
            p = Math.min(Math.max(p / rows.length, eps), 1 - eps);
            return new double[] {Math.log(p / (1 - p))};
        }

        @Override
        double gradients(double[][] raw, int[] rows, int from, int to, double[][] gradient, double[][] hessian) {
            double[] f = raw[0];
            double[] g = gradient[0];
            double[] h = hessian[0];
            double loss = 0;
            for (int j = from; j < to; j++) {
                double fj = f[j];
                double e = Math.exp(-Math.abs(fj));
                double p = fj >= 0 ? 1 / (1 + e) : e / (1 + e);
                int yj = y[rows[j]];
                g[j] = p - yj;
                h[j] = p * (1 - p);
                loss += loss(fj, e, yj);
            }
            return loss;
        }

        @Override
        double meanLoss(double[][] raw, int[] rows) {
            double s = 0;
            for (int j = 0; j < rows.length; j++) {
                double f = raw[0][j];
                s += loss(f, Math.exp(-Math.abs(f)), y[rows[j]]);
            }
            return s / rows.length;
        }

        /** {@code log(1 + e^f) − y·f}, computed stably from {@code e = e^−|f|}. */
        private static double loss(double f, double e, int y) {
            return Math.max(f, 0) + Math.log1p(e) - y * f;
        }

        static double sigmoid(double f) {
            return f >= 0 ? 1 / (1 + Math.exp(-f)) : Math.exp(f) / (1 + Math.exp(f));
        }
    }

    /** Multinomial cross-entropy on softmax scores: gradient p_k − [y = k], hessian p_k(1 − p_k). */
    static final class Multinomial extends BoostingLoss {
        private final int[] y;
        private final int classes;

        Multinomial(int[] codes, int classes) {
            this.y = codes;
            this.classes = classes;
        }

        @Override
        int outputs() {
            return classes;
        }

        @Override
        boolean constantHessian() {
            return false;
        }

        /** The log class shares (kept within an ulp of 0 and 1), centred on their mean. */
        @Override
        double[] baseline(int[] rows) {
            double[] p = new double[classes];
            for (int r : rows) {
                p[y[r]]++;
            }
            double eps = Math.ulp(1.0);
            double mean = 0;
            for (int k = 0; k < classes; k++) {
                p[k] = Math.log(Math.min(Math.max(p[k] / rows.length, eps), 1 - eps));
                mean += p[k] / classes;
            }
            for (int k = 0; k < classes; k++) {
                p[k] -= mean;
            }
            return p;
        }

        @Override
        double gradients(double[][] raw, int[] rows, int from, int to, double[][] gradient, double[][] hessian) {
            double[] p = new double[classes];
            double loss = 0;
            for (int j = from; j < to; j++) {
                int c = y[rows[j]];
                loss += softmax(raw, j, p) - raw[c][j];
                for (int k = 0; k < classes; k++) {
                    gradient[k][j] = p[k] - (k == c ? 1 : 0);
                    hessian[k][j] = p[k] * (1 - p[k]);
                }
            }
            return loss;
        }

        @Override
        double meanLoss(double[][] raw, int[] rows) {
            double[] p = new double[classes];
            double s = 0;
            for (int j = 0; j < rows.length; j++) {
                s += softmax(raw, j, p) - raw[y[rows[j]]][j];
            }
            return s / rows.length;
        }

        /** The softmax of row j's raw scores, into {@code p}; returns their log-sum-exp. */
        static double softmax(double[][] raw, int j, double[] p) {
            double max = Double.NEGATIVE_INFINITY;
            for (double[] r : raw) {
                max = Math.max(max, r[j]);
            }
            double sum = 0;
            for (int k = 0; k < p.length; k++) {
                p[k] = Math.exp(raw[k][j] - max);
                sum += p[k];
            }
            for (int k = 0; k < p.length; k++) {
                p[k] /= sum;
            }
            return max + Math.log(sum);
        }
    }
}
