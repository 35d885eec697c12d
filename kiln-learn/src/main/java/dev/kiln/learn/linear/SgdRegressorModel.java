package dev.kiln.learn.linear;

import dev.kiln.core.frame.Schema;

/** A fitted {@link SgdRegressor}: prediction = x · coefficients + intercept. */
public final class SgdRegressorModel extends LinearRegressorModel {
    private final SgdRegressor.Params params;
    private final int iterations;

    SgdRegressorModel(SgdRegressor.Params params, Schema inputSchema, double[] coefficients, double intercept, int iterations) {
        super(SgdRegressor.NAME, inputSchema, coefficients, intercept);
        this.params = params;
        this.iterations = iterations;
    }

    public SgdRegressor.Params params() {
        return params;
    }

    /** The passes over the data the fit made (scikit-learn's {@code n_iter_}). */
    public int iterations() {
        return iterations;
    }
}
