package dev.kiln.learn.linear;

import dev.kiln.core.frame.Schema;

/** A fitted {@link Ridge}: prediction = x · coefficients + intercept. */
public final class RidgeModel extends LinearRegressorModel {
    private final Ridge.Params params;

    RidgeModel(Ridge.Params params, Schema inputSchema, double[] coefficients, double intercept) {
        super(Ridge.NAME, inputSchema, coefficients, intercept);
        this.params = params;
    }

    public Ridge.Params params() {
        return params;
    }
}
