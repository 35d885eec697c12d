package dev.kiln.learn.optim;

/** A smooth objective f: ℝⁿ → ℝ that can give its gradient, for the minimisers of this package. */
@FunctionalInterface
public interface DifferentiableFunction {

    /**
     * Returns f(x) and writes ∇f(x) into {@code gradient}, an array of x's length that the
     * caller owns. Neither argument may be kept after the call. A point outside the domain may
     * return {@link Double#NaN} or +∞; the line search then takes a shorter step.
     */
    double valueAndGradient(double[] x, double[] gradient);
}
