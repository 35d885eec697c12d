package dev.kiln.explain.fairness;

import java.util.function.ToDoubleFunction;

/** The metrics a bias audit disaggregates by group, named as Fairlearn names them. */
public enum GroupMetric {
    SELECTION_RATE("selection_rate", ConfusionCounts::selectionRate),
    ACCURACY("accuracy", ConfusionCounts::accuracy),
    PRECISION("precision", ConfusionCounts::precision),
    TRUE_POSITIVE_RATE("true_positive_rate", ConfusionCounts::truePositiveRate),
    FALSE_POSITIVE_RATE("false_positive_rate", ConfusionCounts::falsePositiveRate),
    FALSE_NEGATIVE_RATE("false_negative_rate", ConfusionCounts::falseNegativeRate),
    /** The observed positive rate P(y=1 | g), which calibration compares the mean score with. */
    OBSERVED_POSITIVE_RATE("observed_positive_rate", ConfusionCounts::baseRate),
    /** The mean predicted probability of the positive label; only when the model gives probabilities. */
    MEAN_PREDICTED_PROBABILITY("mean_predicted_probability", ConfusionCounts::meanScore);

    private final String key;
    private final ToDoubleFunction<ConfusionCounts> formula;

    GroupMetric(String key, ToDoubleFunction<ConfusionCounts> formula) {
        this.key = key;
        this.formula = formula;
    }

    /** The snake_case name used in JSON. */
    public String key() {
        return key;
    }

    /** The metric of rows with counts {@code c}. */
    public double of(ConfusionCounts c) {
        return formula.applyAsDouble(c);
    }
}
