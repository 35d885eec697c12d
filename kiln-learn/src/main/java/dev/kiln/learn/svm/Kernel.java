package dev.kiln.learn.svm;

/** The kernel k(a, b) of a support vector machine, with γ, the degree and coef0 from the hyperparameters. */
public enum Kernel {
    /** a · b */
    LINEAR,
    /** (γ a · b + coef0)^degree */
    POLY,
    /** exp(−γ ‖a − b‖²), scikit-learn's default */
    RBF,
    /** tanh(γ a · b + coef0) */
    SIGMOID
}
