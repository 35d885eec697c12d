package dev.kiln.learn.linear;

import dev.kiln.core.frame.Frame;
import dev.kiln.core.frame.Schema;
import dev.kiln.core.linalg.Matrix;
import dev.kiln.core.model.FeatureImportances;
import dev.kiln.core.model.RegressionModel;
import dev.kiln.core.model.RegressionPrediction;
import dev.kiln.learn.data.NumericInput;

/** A fitted {@link LinearRegression}: prediction = x · coefficients + intercept. */
public final class LinearRegressionModel implements RegressionModel, FeatureImportances {
    private final LinearRegression.Params params;
    private final Schema inputSchema;
    private final double[] coefficients;
    private final double intercept;

    LinearRegressionModel(LinearRegression.Params params, Schema inputSchema, double[] coefficients, double intercept) {
        if (coefficients.length != inputSchema.size()) {
            throw new IllegalArgumentException(coefficients.length + " coefficients for " + inputSchema.size() + " input columns");
        }
        this.params = params;
        this.inputSchema = inputSchema;
        this.coefficients = coefficients.clone();
        this.intercept = intercept;
    }

    public LinearRegression.Params params() {
        return params;
    }

    /** One coefficient per input column, in the order of {@link #inputSchema()}. */
    public double[] coefficients() {
        return coefficients.clone();
    }

    public double intercept() {
        return intercept;
    }

    /** The coefficients' magnitudes, which rank features when the inputs share a scale. */
    @Override
    public double[] featureImportances() {
        double[] out = new double[coefficients.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = Math.abs(coefficients[i]);
        }
        return out;
    }

    @Override
    public RegressionPrediction predict(Frame features) {
        Matrix x = NumericInput.featuresFor(inputSchema, features, "linear-regression");
        double[] out = x.times(dev.kiln.core.linalg.Vector.wrap(coefficients)).toArray();
        for (int i = 0; i < out.length; i++) {
            out[i] += intercept;
        }
        return new RegressionPrediction(out);
    }

    @Override
    public Schema inputSchema() {
        return inputSchema;
    }
}
