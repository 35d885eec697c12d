package dev.kiln.learn.linear;

import dev.kiln.core.frame.Schema;

/** A fitted {@link Lasso}: prediction = x · coefficients + intercept. */
public final class LassoModel extends CoordinateDescentModel {
    private final Lasso.Params params;

    LassoModel(Lasso.Params params, Schema inputSchema, double[] coefficients, double intercept, int iterations,
               double dualGap) {
        super(Lasso.NAME, inputSchema, coefficients, intercept, iterations, dualGap);
        this.params = params;
    }

    public Lasso.Params params() {
        return params;
    }
}
