package dev.kiln.learn.linear;

import dev.kiln.core.frame.Schema;

/** A linear regressor fitted by coordinate descent ({@link Lasso}, {@link ElasticNet}), with how the solver ended. */
public abstract sealed class CoordinateDescentModel extends LinearRegressorModel permits LassoModel, ElasticNetModel {
    private final int iterations;
    private final double dualGap;

    CoordinateDescentModel(String who, Schema inputSchema, double[] coefficients, double intercept, int iterations,
                           double dualGap) {
        super(who, inputSchema, coefficients, intercept);
        this.iterations = iterations;
        this.dualGap = dualGap;
    }

    /** The coordinate sweeps the fit took (scikit-learn's {@code n_iter_}). */
    public int iterations() {
        return iterations;
    }

    /** The duality gap at the end, in the scale of the objective (scikit-learn's {@code dual_gap_}). */
    public double dualGap() {
        return dualGap;
    }
}
