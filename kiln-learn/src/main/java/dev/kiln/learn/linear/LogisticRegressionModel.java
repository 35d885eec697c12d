package dev.kiln.learn.linear;

import dev.kiln.core.frame.Schema;
import java.util.List;

/**
 * A fitted {@link LogisticRegression}. Its predictions carry class probabilities: [1 − σ(s), σ(s)]
 * of the decision value s for two classes, the softmax of the K decision values otherwise.
 */
public final class LogisticRegressionModel extends LinearClassifierModel {
    private final LogisticRegression.Params params;

    LogisticRegressionModel(LogisticRegression.Params params, Schema inputSchema, List<String> classes,
                            double[] coefficients, double[] intercepts, int iterations) {
        super(LogisticRegression.NAME, inputSchema, classes, coefficients, intercepts, iterations);
        this.params = params;
    }

    public LogisticRegression.Params params() {
        return params;
    }

    @Override
    double[][] probabilities(double[][] scores, int n) {
        int k = classes().size();
        double[][] out = new double[n][k];
        for (int i = 0; i < n; i++) {
            double[] row = out[i];
            if (k == 2) {
                double p = LogisticLoss.sigmoid(scores[0][i]);
                row[0] = 1 - p;
                row[1] = p;
            } else {
                double max = Double.NEGATIVE_INFINITY;
                for (int c = 0; c < k; c++) {
                    max = Math.max(max, scores[c][i]);
                }
                double sum = 0;
                for (int c = 0; c < k; c++) {
                    row[c] = Math.exp(scores[c][i] - max);
                    sum += row[c];
                }
                for (int c = 0; c < k; c++) {
                    row[c] /= sum;
                }
            }
        }
        return out;
    }
}
