package dev.kiln.learn.tree;

/**
 * How a classification tree measures a node's impurity (Breiman et al. 1984, §4.3): the Gini
 * index {@code 1 − Σ p_k²} or the entropy {@code −Σ p_k log₂ p_k}; scikit-learn's
 * {@code "log_loss"} is the entropy under another name.
 */
public enum ClassificationCriterion {
    GINI,
    ENTROPY,
    LOG_LOSS
}
