package dev.kiln.core.model;

/** A fitted regressor: predicts one number per row. */
public interface RegressionModel extends Model<RegressionPrediction> {
}
