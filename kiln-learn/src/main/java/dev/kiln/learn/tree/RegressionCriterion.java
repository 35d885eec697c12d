package dev.kiln.learn.tree;

/**
 * How a regression tree measures a node's impurity: the weighted variance of the target around
 * the node mean ({@code squared_error}; leaves predict the mean) or the weighted mean absolute
 * deviation around the node median ({@code absolute_error}; leaves predict the median).
 */
public enum RegressionCriterion {
    SQUARED_ERROR,
    ABSOLUTE_ERROR
}
