package dev.kiln.learn.linear;

import dev.kiln.core.frame.Column;
import dev.kiln.core.frame.Frame;
import dev.kiln.core.linalg.LeastSquares;
import dev.kiln.core.linalg.Matrix;
import dev.kiln.core.linalg.Vector;
import dev.kiln.core.model.Estimator;
import dev.kiln.learn.data.NumericInput;

/**
 * Ordinary least squares: the coefficients w and intercept b minimising ‖y − Xw − b‖².
 * Solved by blocked Householder QR on the centred data (Golub and Van Loan, Matrix Computations,
 * §5.3); when the columns are linearly dependent, by a complete orthogonal decomposition
 * ({@link LeastSquares}), which gives the minimum-norm solution as scikit-learn's
 * {@code LinearRegression} (LAPACK {@code gelsd}) does.
 */
public final class LinearRegression implements Estimator<LinearRegressionModel> {
    static final String NAME = "linear-regression";

    /**
     * The hyperparameters.
     *
     * @param fitIntercept whether to fit b (true, as in scikit-learn) or force it to zero
     */
    public record Params(boolean fitIntercept) {
        public static Params defaults() {
            return new Params(true);
        }
    }

    private final Params params;

    public LinearRegression() {
        this(Params.defaults());
    }

    public LinearRegression(Params params) {
        this.params = java.util.Objects.requireNonNull(params, "params");
    }

    public Params params() {
        return params;
    }

    @Override
    public LinearRegressionModel fit(Frame features, Column target) {
        Matrix x = NumericInput.features(features, NAME);
        double[] y = NumericInput.target(target, x.rows(), NAME);
        int n = x.rows();
        int p = x.cols();
        double[] xMean = new double[p];
        double yMean = 0;
        if (params.fitIntercept()) {
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < p; j++) {
                    xMean[j] += x.get(i, j);
                }
                yMean += y[i];
            }
            for (int j = 0; j < p; j++) {
                xMean[j] /= n;
            }
            yMean /= n;
        }
        Matrix centred = Matrix.from(n, p, (i, j) -> x.get(i, j) - xMean[j]);
        double ym = yMean;
        Vector target0 = Vector.from(n, i -> y[i] - ym);
        Vector w = LeastSquares.solve(centred, target0);
        double intercept = params.fitIntercept() ? yMean - w.dot(Vector.wrap(xMean)) : 0.0;
        return new LinearRegressionModel(params, features.schema(), w.toArray(), intercept);
    }
}
