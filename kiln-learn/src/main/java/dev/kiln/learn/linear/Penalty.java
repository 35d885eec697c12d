package dev.kiln.learn.linear;

/** The penalty on the coefficients of a linear model (never on the intercept). */
public enum Penalty {
    /** No penalty. */
    NONE,
    /** ½‖w‖², ridge-like shrinkage. */
    L2,
    /** ‖w‖₁, which sets coefficients exactly to zero. */
    L1,
    /** ρ‖w‖₁ + ½(1 − ρ)‖w‖², ρ = the estimator's l1Ratio. */
    ELASTICNET
}
