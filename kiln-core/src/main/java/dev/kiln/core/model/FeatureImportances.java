package dev.kiln.core.model;

/**
 * A fitted model that scores how much each input column matters — impurity decrease for trees,
 * coefficient magnitude for linear models — indexed like its input schema. Feature selection
 * (recursive elimination) and explanations read these.
 */
public interface FeatureImportances {

    /** One non-negative score per input column, in the order of the model's input schema. */
    double[] featureImportances();
}
