package dev.kiln.explain.exact;

/**
 * A cooperative game over at most 30 features: the worth of each coalition, given as a bit mask
 * (bit j set when feature j is in the coalition). For explanations, the model's expected output
 * when only the coalition's features are known.
 */
@FunctionalInterface
public interface ValueFunction {

    /** The worth of the coalition {@code mask}. */
    double value(int mask);
}
