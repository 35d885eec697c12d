package dev.kiln.learn.linear;

import dev.kiln.core.frame.Schema;

/** A fitted {@link ElasticNet}: prediction = x · coefficients + intercept. */
public final class ElasticNetModel extends CoordinateDescentModel {
    private final ElasticNet.Params params;

    ElasticNetModel(ElasticNet.Params params, Schema inputSchema, double[] coefficients, double intercept,
                    int iterations, double dualGap) {
        super(ElasticNet.NAME, inputSchema, coefficients, intercept, iterations, dualGap);
        this.params = params;
    }

    public ElasticNet.Params params() {
        return params;
    }
}
