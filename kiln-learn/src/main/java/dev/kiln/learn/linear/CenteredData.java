package dev.kiln.learn.linear;

import dev.kiln.core.frame.Column;
import dev.kiln.core.frame.Frame;
import dev.kiln.core.linalg.Blas;
import dev.kiln.learn.data.NumericInput;

/**
 * A regression problem with the features stored column by column (feature j's n values
 * contiguous at {@code xt[j·n]}), centred on their means when an intercept is fitted, as
 * scikit-learn's {@code _preprocess_data} does before solving for the coefficients alone;
 * the intercept is then {@code yMean − xMean · w}.
 *
 * @param n     rows
 * @param p     features
 * @param xt    the p × n transposed (and centred) features
 * @param xMean the feature means, zeros without an intercept
 * @param y     the (centred) target
 * @param yMean the target mean, 0 without an intercept
 */
record CenteredData(int n, int p, double[] xt, double[] xMean, double[] y, double yMean) {

    static CenteredData of(Frame features, Column target, boolean fitIntercept, String who) {
        double[] xt = NumericInput.featureColumns(features, who);
        int n = features.rowCount();
        int p = features.columnCount();
        double[] y = NumericInput.target(target, n, who);
        double[] xMean = new double[p];
        double yMean = 0;
        if (fitIntercept) {
            for (int j = 0; j < p; j++) {
                xMean[j] = centre(xt, j * n, n);
            }
            yMean = centre(y, 0, n);
        }
        return new CenteredData(n, p, xt, xMean, y, yMean);
    }

    /** Subtracts the mean of {@code v[from, from + n)} from each of its elements and returns that mean. */
    private static double centre(double[] v, int from, int n) {
        double sum = 0;
        for (int i = from; i < from + n; i++) {
            sum += v[i];
        }
        double mean = sum / n;
        for (int i = from; i < from + n; i++) {
            v[i] -= mean;
        }
        return mean;
    }

    /** The intercept that goes with coefficients {@code w} of the centred problem. */
    double intercept(double[] w) {
        return yMean - Blas.dot(p, xMean, 0, w, 0);
    }
}
