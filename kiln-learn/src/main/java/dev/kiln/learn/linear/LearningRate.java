package dev.kiln.learn.linear;

/** The step size schedule of stochastic gradient descent, as scikit-learn's {@code learning_rate}; t counts samples seen from 1. */
public enum LearningRate {
    /** η = eta0. */
    CONSTANT,
    /** η = 1 / (α·(t₀ + t − 1)), Bottou's schedule with t₀ from a typical weight size. */
    OPTIMAL,
    /** η = eta0 / t^powerT. */
    INVSCALING,
    /** η = eta0, divided by 5 each time the loss stops improving for nIterNoChange epochs, down to 1e-6. */
    ADAPTIVE
}
