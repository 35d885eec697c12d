package dev.kiln.core.model;

import dev.kiln.core.frame.Column;
import dev.kiln.core.frame.Frame;

/**
 * A learning algorithm with its hyperparameters, validated when the estimator is built.
 * {@link #fit} learns from data and returns an immutable {@link Model}; the estimator itself
 * keeps no state, so one estimator can fit many models (as cross-validation does).
 *
 * @param <M> the model it fits
 */
public interface Estimator<M extends Model<?>> {

    /**
     * Fits a model on {@code features} and {@code target} (null for unsupervised estimators).
     *
     * @throws IllegalArgumentException when the data cannot be used, saying why
     */
    M fit(Frame features, Column target);

    /** Fits on all columns of {@code data} but {@code targetColumn}, predicting that column. */
    default M fit(Frame data, String targetColumn) {
        return fit(data.drop(targetColumn), data.column(targetColumn));
    }

    /** Fits without a target (clustering, density estimation). */
    default M fit(Frame features) {
        return fit(features, (Column) null);
    }
}
