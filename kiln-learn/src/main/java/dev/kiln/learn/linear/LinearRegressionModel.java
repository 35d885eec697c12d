package dev.kiln.learn.linear;

import dev.kiln.core.frame.Schema;

/** A fitted {@link LinearRegression}: prediction = x · coefficients + intercept. */
public final class LinearRegressionModel extends LinearRegressorModel {
    private final LinearRegression.Params params;

    LinearRegressionModel(LinearRegression.Params params, Schema inputSchema, double[] coefficients, double intercept) {
        super(LinearRegression.NAME, inputSchema, coefficients, intercept);
        this.params = params;
    }

    public LinearRegression.Params params() {
        return params;
    }
}
