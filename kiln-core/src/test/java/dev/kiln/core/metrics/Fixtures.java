package dev.kiln.core.metrics;

import static org.assertj.core.api.Assertions.within;

import org.assertj.core.data.Offset;

/**
 * The data sets shared by the metrics tests, declared under the names that
 * {@code src/test/resources/metrics/make_fixtures.py} gives them; figures quoted as
 * "sklearn: EXPR" in the tests are that script's output for EXPR (scikit-learn 1.2.1).
 */
final class Fixtures {
    static final Offset<Double> TOL = within(1e-12);

    /** Five targets whose errors are 0.5, 0.5, 0, 1, 1.5: small enough to score by hand. */
    static final double[] R_TRUE = {3.0, -0.5, 2.0, 7.0, 4.5};
    static final double[] R_PRED = {2.5, 0.0, 2.0, 8.0, 3.0};
    /** Eight targets (an even count, for the median) checked against scikit-learn. */
    static final double[] S_TRUE = {1.5, 2.0, -3.0, 10.0, 0.25, 4.0, 8.0, -1.0};
    static final double[] S_PRED = {1.0, 2.5, -2.0, 12.0, 0.0, 4.0, 5.0, -1.5};

    /** Binary: TP = 3 (indices 1, 4, 5), FN = 2 (2, 8), FP = 1 (6), TN = 4 (0, 3, 7, 9). */
    static final int[] B_TRUE = {0, 1, 1, 0, 1, 1, 0, 0, 1, 0};
    static final int[] B_PRED = {0, 1, 0, 0, 1, 1, 1, 0, 0, 0};
    /** Scores with ties: 0.8 twice among positives, 0.4 on two positives and a negative. */
    static final double[] B_SCORE = {0.1, 0.8, 0.4, 0.4, 0.9, 0.8, 0.6, 0.2, 0.4, 0.3};

    /** Three classes; confusion matrix [[3, 1, 1], [0, 2, 1], [0, 1, 3]]. */
    static final int[] M_TRUE = {0, 1, 2, 0, 1, 2, 0, 1, 2, 0, 0, 2};
    static final int[] M_PRED = {0, 2, 1, 0, 1, 2, 1, 1, 2, 0, 2, 2};
    static final double[][] M_PROBA = {
        {0.7, 0.2, 0.1},
        {0.2, 0.3, 0.5},
        {0.1, 0.5, 0.4},
        {0.6, 0.2, 0.2},
        {0.2, 0.6, 0.2},
        {0.1, 0.2, 0.7},
        {0.3, 0.5, 0.2},
        {0.1, 0.8, 0.1},
        {0.2, 0.2, 0.6},
        {0.5, 0.3, 0.2},
        {0.3, 0.2, 0.5},
        {0.0, 0.3, 0.7},
    };

    /** Class 2 is never predicted: its precision is 0 / 0. Matrix [[2, 0, 0], [0, 2, 0], [0, 2, 0]]. */
    static final int[] Z_TRUE = {0, 1, 2, 2, 1, 0};
    static final int[] Z_PRED = {0, 1, 1, 1, 1, 0};

    private Fixtures() {
    }
}
