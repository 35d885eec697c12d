/**
 * Evaluation metrics with scikit-learn's semantics. Classes are int indices 0..k−1;
 * {@link dev.kiln.core.metrics.RegressionMetrics}, {@link dev.kiln.core.metrics.ClassificationMetrics}
 * and {@link dev.kiln.core.metrics.ConfusionMatrix} score predictions,
 * {@link dev.kiln.core.metrics.RocCurve} and {@link dev.kiln.core.metrics.PrecisionRecallCurve}
 * score rankings (ROC AUC, and average precision, which is what Kiln calls PR-AUC), and the two
 * report records gather the headline figures. Bad input is an {@link java.lang.IllegalArgumentException}.
 */
package dev.kiln.core.metrics;
