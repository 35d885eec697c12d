package dev.kiln.core.model;

/** Predicted numeric values for a batch of rows. */
public record RegressionPrediction(double[] values) implements Prediction {

    public RegressionPrediction {
        values = values.clone();
    }

    @Override
    public int size() {
        return values.length;
    }

    public double value(int row) {
        return values[row];
    }

    @Override
    public double[] values() {
        return values.clone();
    }
}
