package dev.kiln.learn.linear;

import dev.kiln.core.linalg.Blas;
import dev.kiln.core.math.Exp;
import dev.kiln.learn.optim.DifferentiableFunction;

/**
 * The logistic regression objective Σᵢ loss(xᵢ) + ½λ‖W‖² with its gradient, as scikit-learn's
 * lbfgs solver minimises it (λ = 1/C; the intercepts are not penalised). With two classes the
 * loss is the binomial log-loss of σ(x·w + b) with one coefficient row; with K > 2 classes it
 * is the multinomial (softmax) log-loss over K rows. The variables are W row-major
 * (rows × p), then the intercepts. Each instance keeps working buffers, so it serves one
 * minimisation at a time.
 */
final class LogisticLoss implements DifferentiableFunction {
    private final DesignMatrix x;
    private final int n;
    private final int p;
    private final int[] codes;
    private final int rows;
    private final boolean fitIntercept;
    private final double l2;
    private final double[] scores;

    /** As {@link #LogisticLoss(DesignMatrix, int[], int, boolean, double)} on the row-major n × p features x. */
    LogisticLoss(double[] x, int n, int p, int[] codes, int classCount, boolean fitIntercept, double l2) {
        this(new DesignMatrix.Dense(x, n, p), codes, classCount, fitIntercept, l2);
    }

    /**
     * @param x     the features, dense or sparse
     * @param codes each row's class, in [0, classCount)
     * @param l2    the penalty λ on the coefficients, 0 for none
     */
    LogisticLoss(DesignMatrix x, int[] codes, int classCount, boolean fitIntercept, double l2) {
        this.x = x;
        this.n = x.rows();
        this.p = x.cols();
        this.codes = codes;
        this.rows = LinearClassifierModel.decisionRows(classCount);
        this.fitIntercept = fitIntercept;
        this.l2 = l2;
        this.scores = new double[n * rows];
    }

    /** How many variables the objective has. */
    int dimension() {
        return rows * p + (fitIntercept ? rows : 0);
    }

    @Override
    public double valueAndGradient(double[] v, double[] gradient) {
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < rows; k++) {
                scores[i * rows + k] = fitIntercept ? v[rows * p + k] : 0;
            }
        }
        double loss = rows == 1 ? binary(v, gradient) : multinomial(v, gradient);
        double penalty = 0;
        if (l2 != 0) {
            penalty = 0.5 * l2 * Blas.dot(rows * p, v, 0, v, 0);
            Blas.axpy(rows * p, l2, v, 0, gradient, 0);
        }
        return loss + penalty;
    }

    /** Σ log(1 + e^z) − y·z with z = x·w + b; leaves Xᵀ(σ(z) − y) and Σ(σ(z) − y) in the gradient. */
    private double binary(double[] v, double[] gradient) {
        x.addTimesTransposed(v, 1, scores);
        double loss = 0;
        double interceptGradient = 0;
        for (int i = 0; i < n; i++) {
            double z = scores[i];
            boolean positive = codes[i] == 1;
            double e = Math.exp(-Math.abs(z));
            loss += Math.max(z, 0) + Math.log1p(e) - (positive ? z : 0);
            double residual = (z >= 0 ? 1 : e) / (1 + e) - (positive ? 1 : 0);
            scores[i] = residual;
            interceptGradient += residual;
        }
        x.transposedTimes(scores, 1, gradient);
        if (fitIntercept) {
            gradient[p] = interceptGradient;
        }
        return loss;
    }

    /** Σ logΣₖe^{zₖ} − z_y with Z = XWᵀ + b; leaves (P − Y)ᵀX and the column sums of P − Y in the gradient. */
    private double multinomial(double[] v, double[] gradient) {
        x.addTimesTransposed(v, rows, scores);
        double loss = 0;
        for (int i = 0; i < n; i++) {
            int o = i * rows;
            double max = Double.NEGATIVE_INFINITY;
            for (int k = 0; k < rows; k++) {
                max = Math.max(max, scores[o + k]);
            }
            loss += max - scores[o + codes[i]];
            for (int k = 0; k < rows; k++) {
                scores[o + k] -= max;
            }
        }
        Exp.inPlace(scores, 0, n * rows);
        for (int i = 0; i < n; i++) {
            int o = i * rows;
            double sum = 0;
            for (int k = 0; k < rows; k++) {
                sum += scores[o + k];
            }
            loss += Math.log(sum);
            double inverse = 1 / sum;
            for (int k = 0; k < rows; k++) {
                scores[o + k] *= inverse;
            }
            scores[o + codes[i]] -= 1;
        }
        x.transposedTimes(scores, rows, gradient);
        if (fitIntercept) {
            for (int k = 0; k < rows; k++) {
                gradient[rows * p + k] = 0;
            }
            for (int i = 0; i < n; i++) {
                for (int k = 0; k < rows; k++) {
                    gradient[rows * p + k] += scores[i * rows + k];
                }
            }
        }
        return loss;
    }

    /** log(1 + e^z) without overflow. */
    static double softplus(double z) {
        return Math.max(z, 0) + Math.log1p(Math.exp(-Math.abs(z)));
    }

    /** 1 / (1 + e^−z) without overflow. */
    static double sigmoid(double z) {
        if (z >= 0) {
            return 1 / (1 + Math.exp(-z));
        }
        double e = Math.exp(z);
        return e / (1 + e);
    }

    /** log Σ e^{v[o..o+k)}, shifted by the maximum so nothing overflows. */
    static double logSumExp(double[] v, int o, int k) {
        double max = Double.NEGATIVE_INFINITY;
        for (int j = 0; j < k; j++) {
            max = Math.max(max, v[o + j]);
        }
        double sum = 0;
        for (int j = 0; j < k; j++) {
            sum += Math.exp(v[o + j] - max);
        }
        return max + Math.log(sum);
    }
}
