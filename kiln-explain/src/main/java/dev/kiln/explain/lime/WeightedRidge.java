package dev.kiln.explain.lime;

import dev.kiln.core.linalg.LeastSquares;
import dev.kiln.core.linalg.Matrix;
import dev.kiln.core.linalg.Vector;

/**
 * Ridge regression with sample weights and an intercept, as scikit-learn's {@code Ridge}
 * (which LIME fits as its surrogate): the weighted means of X and y are removed, the centred rows
 * scaled by √weight, and min ‖√W(y − Xβ)‖² + α‖β‖² solved by least squares on the rows stacked
 * over √α·I (minimum-norm when α = 0 and the columns are dependent); the intercept is
 * ȳ − x̄·β. Its score is the weighted coefficient of determination R².
 *
 * @param coefficients one per column
 * @param intercept    the fitted intercept
 */
public record WeightedRidge(double[] coefficients, double intercept) {

    public WeightedRidge {
        coefficients = coefficients.clone();
    }

    @Override
    public double[] coefficients() {
        return coefficients.clone();
    }

    /**
     * Fits columns {@code columns} of {@code x} (rows × features) to {@code y} with {@code weights} and penalty {@code alpha ≥ 0}.
     */
    public static WeightedRidge fit(double[][] x, int[] columns, double[] y, double[] weights, double alpha) {
        if (!(alpha >= 0)) {
            throw new IllegalArgumentException("alpha must be >= 0, got " + alpha);
        }
        int n = y.length;
        int p = columns.length;
        double wsum = 0;
        double yMean = 0;
        double[] xMean = new double[p];
        for (int i = 0; i < n; i++) {
            wsum += weights[i];
            yMean += weights[i] * y[i];
            for (int j = 0; j < p; j++) {
                xMean[j] += weights[i] * x[i][columns[j]];
            }
        }
        if (!(wsum > 0)) {
            throw new IllegalArgumentException("the sample weights sum to " + wsum + "; expected a positive sum");
        }
        yMean /= wsum;
        for (int j = 0; j < p; j++) {
            xMean[j] /= wsum;
        }
        if (p == 0) {
            return new WeightedRidge(new double[0], yMean);
        }
        int extra = alpha > 0 ? p : 0;
        Matrix a = Matrix.zeros(n + extra, p);
        double[] b = new double[n + extra];
        for (int i = 0; i < n; i++) {
            double root = Math.sqrt(weights[i]);
            for (int j = 0; j < p; j++) {
                a.set(i, j, root * (x[i][columns[j]] - xMean[j]));
            }
            b[i] = root * (y[i] - yMean);
        }
        for (int j = 0; j < extra; j++) {
            a.set(n + j, j, Math.sqrt(alpha));
        }
        Vector beta = LeastSquares.solve(a, Vector.wrap(b));
        double[] coef = new double[p];
        double intercept = yMean;
        for (int j = 0; j < p; j++) {
            coef[j] = beta.get(j);
            intercept -= xMean[j] * coef[j];
        }
        return new WeightedRidge(coef, intercept);
    }

    /** The prediction for one row, reading {@code columns} of {@code row}. */
    public double predict(double[] row, int[] columns) {
        double s = intercept;
        for (int j = 0; j < columns.length; j++) {
            s += coefficients[j] * row[columns[j]];
        }
        return s;
    }

    /**
     * The weighted R² on {@code x, y}: 1 − Σw(y − ŷ)² / Σw(y − ȳ)², with ȳ the weighted mean; as
     * scikit-learn, 1 when both sums are zero and 0 when only the second is.
     */
    public double score(double[][] x, int[] columns, double[] y, double[] weights) {
        double wsum = 0;
        double yMean = 0;
        for (int i = 0; i < y.length; i++) {
            wsum += weights[i];
            yMean += weights[i] * y[i];
        }
        yMean /= wsum;
        double residual = 0;
        double total = 0;
        for (int i = 0; i < y.length; i++) {
            double e = y[i] - predict(x[i], columns);
            residual += weights[i] * e * e;
            total += weights[i] * (y[i] - yMean) * (y[i] - yMean);
        }
        if (total == 0) {
            return residual == 0 ? 1.0 : 0.0;
        }
        return 1 - residual / total;
    }
}
