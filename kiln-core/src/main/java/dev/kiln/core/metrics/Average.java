package dev.kiln.core.metrics;

/**
 * How per-class scores combine into one number, as scikit-learn's {@code average=} argument.
 * Class-averaging modes run over the classes that occur in yTrue or yPred, as scikit-learn does
 * when no label list is given.
 */
public enum Average {
    /** The score of the positive class alone (class 1 unless another is given); at most two classes may occur. */
    BINARY,
    /** The unweighted mean of the per-class scores. */
    MACRO,
    /** The score of the pooled counts over all classes; equals accuracy for single-label data. */
    MICRO,
    /** The mean of the per-class scores weighted by each class's count in yTrue. */
    WEIGHTED
}
