package dev.kiln.core.model;

/** What a model predicts for a batch of rows: one typed result per row. */
public sealed interface Prediction permits ClassificationPrediction, RegressionPrediction, ClusterPrediction {

    /** How many rows were predicted. */
    int size();
}
