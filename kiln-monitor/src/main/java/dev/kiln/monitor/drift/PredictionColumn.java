package dev.kiln.monitor.drift;

import dev.kiln.core.frame.CategoricalColumn;
import dev.kiln.core.frame.Column;
import dev.kiln.core.frame.DoubleColumn;
import dev.kiln.core.model.ClassificationPrediction;
import dev.kiln.core.model.ClusterPrediction;
import dev.kiln.core.model.Prediction;
import dev.kiln.core.model.RegressionPrediction;

/**
 * A model's predictions as one more column to compare for prediction drift, as Evidently adds a
 * {@code prediction} column: the labels of a classifier or clusterer as categories, the values of
 * a regressor as numbers.
 */
public final class PredictionColumn {
    /** The column's name. */
    public static final String NAME = "prediction";

    private PredictionColumn() {
    }

    /** {@code prediction} as the column {@link #NAME}. */
    public static Column of(Prediction prediction) {
        if (prediction instanceof RegressionPrediction r) {
            return DoubleColumn.of(NAME, r.values());
        }
        String[] labels = new String[prediction.size()];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = label(prediction, i);
        }
        return CategoricalColumn.of(NAME, labels);
    }

    /** Row {@code row}'s label: the class, the cluster number, or a regressor's value as text. */
    public static String label(Prediction prediction, int row) {
        return switch (prediction) {
            case ClassificationPrediction c -> c.label(row);
            case ClusterPrediction c -> Integer.toString(c.cluster(row));
            case RegressionPrediction r -> Double.toString(r.value(row));
        };
    }
}
