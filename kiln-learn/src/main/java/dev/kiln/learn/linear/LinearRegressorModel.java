package dev.kiln.learn.linear;

import dev.kiln.core.frame.Frame;
import dev.kiln.core.frame.Schema;
import dev.kiln.core.linalg.Blas;
import dev.kiln.core.model.FeatureImportances;
import dev.kiln.core.model.RegressionModel;
import dev.kiln.core.model.RegressionPrediction;
import dev.kiln.learn.data.NumericInput;

/**
 * A fitted linear regressor, whatever estimated it: prediction = x · coefficients + intercept.
 * Immutable; the getters return copies.
 */
public abstract sealed class LinearRegressorModel implements RegressionModel, FeatureImportances
        permits LinearRegressionModel, RidgeModel, CoordinateDescentModel, SgdRegressorModel {
    private final String who;
    private final Schema inputSchema;
    private final double[] coefficients;
    private final double intercept;

    LinearRegressorModel(String who, Schema inputSchema, double[] coefficients, double intercept) {
        if (coefficients.length != inputSchema.size()) {
            throw new IllegalArgumentException(coefficients.length + " coefficients for " + inputSchema.size() + " input columns");
        }
        this.who = who;
        this.inputSchema = inputSchema;
        this.coefficients = coefficients.clone();
        this.intercept = intercept;
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
        double[] columns = NumericInput.featureColumnsFor(inputSchema, features, who);
        int n = features.rowCount();
        double[] out = new double[n];
        Blas.dgemv(true, coefficients.length, n, 1.0, columns, 0, n, coefficients, 0, 0.0, out, 0);
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
