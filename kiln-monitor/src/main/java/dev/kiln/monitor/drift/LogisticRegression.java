package dev.kiln.monitor.drift;

import dev.kiln.core.linalg.Blas;
import dev.kiln.core.linalg.Cholesky;
import dev.kiln.core.linalg.Matrix;
import dev.kiln.core.linalg.Vector;

/**
 * L2-regularised binary logistic regression fitted by Newton's method (iteratively reweighted
 * least squares): minimises Σ log-loss + (λ/2)‖w‖² on standardised features, the intercept
 * unpenalised. Small and exact enough to be the domain classifier of {@link DomainClassifierDrift}.
 */
final class LogisticRegression {
    private static final int MAX_ITERATIONS = 50;
    private static final double TOLERANCE = 1e-9;

    private final double[] mean;
    private final double[] scale;
    private final double[] weights;

    private LogisticRegression(double[] mean, double[] scale, double[] weights) {
        this.mean = mean;
        this.scale = scale;
        this.weights = weights;
    }

    /** Fits rows {@code x[rows[i]]} to labels {@code y[rows[i]]} (0 or 1). */
    static LogisticRegression fit(double[][] x, int[] y, int[] rows, double lambda) {
        int d = x[0].length;
        double[] mean = new double[d];
        double[] scale = new double[d];
        for (int r : rows) {
            for (int k = 0; k < d; k++) {
                mean[k] += x[r][k];
            }
        }
        for (int k = 0; k < d; k++) {
            mean[k] /= rows.length;
        }
        for (int r : rows) {
            for (int k = 0; k < d; k++) {
                scale[k] += (x[r][k] - mean[k]) * (x[r][k] - mean[k]);
            }
        }
        for (int k = 0; k < d; k++) {
            double sd = Math.sqrt(scale[k] / rows.length);
            scale[k] = sd > 0 ? sd : 1;
        }
        LogisticRegression model = new LogisticRegression(mean, scale, new double[d + 1]);
        int p = d + 1;
        double[] design = new double[rows.length * p];
        for (int i = 0; i < rows.length; i++) {
            model.features(x[rows[i]], design, i * p);
        }
        double[] w = model.weights;
        for (int iteration = 0; iteration < MAX_ITERATIONS; iteration++) {
            double[] weighted = new double[design.length];
            double[] gradient = new double[p];
            for (int i = 0; i < rows.length; i++) {
                double prob = sigmoid(Blas.dot(p, design, i * p, w, 0));
                double residual = prob - y[rows[i]];
                double root = Math.sqrt(Math.max(prob * (1 - prob), 1e-12));
                for (int k = 0; k < p; k++) {
                    gradient[k] += residual * design[i * p + k];
                    weighted[i * p + k] = root * design[i * p + k];
                }
            }
            Matrix a = Matrix.wrap(rows.length, p, weighted);
            Matrix hessian = a.transposeTimes(a);
            for (int k = 1; k < p; k++) {
                gradient[k] += lambda * w[k];
                hessian.set(k, k, hessian.get(k, k) + lambda);
            }
            symmetrise(hessian);
            Vector step = Cholesky.of(hessian).solve(Vector.of(gradient));
            double largest = 0;
            for (int k = 0; k < p; k++) {
                w[k] -= step.get(k);
                largest = Math.max(largest, Math.abs(step.get(k)));
            }
            if (largest < TOLERANCE) {
                break;
            }
        }
        return model;
    }

    /** P(label 1 | row). */
    double probability(double[] row) {
        double[] f = new double[weights.length];
        features(row, f, 0);
        return sigmoid(Blas.dot(weights.length, f, 0, weights, 0));
    }

    private void features(double[] row, double[] out, int at) {
        out[at] = 1;
        for (int k = 0; k < mean.length; k++) {
            out[at + 1 + k] = (row[k] - mean[k]) / scale[k];
        }
    }

    private static void symmetrise(Matrix m) {
        for (int i = 0; i < m.rows(); i++) {
            for (int j = 0; j < i; j++) {
                double v = (m.get(i, j) + m.get(j, i)) / 2;
                m.set(i, j, v);
                m.set(j, i, v);
            }
        }
    }

    private static double sigmoid(double t) {
        return t >= 0 ? 1 / (1 + Math.exp(-t)) : Math.exp(t) / (1 + Math.exp(t));
    }
}
