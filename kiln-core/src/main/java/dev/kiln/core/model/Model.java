package dev.kiln.core.model;

import dev.kiln.core.frame.Frame;
import dev.kiln.core.frame.Schema;

/**
 * A fitted model: immutable, and safe to call from many threads at once.
 *
 * @param <P> the kind of prediction it makes
 */
public interface Model<P extends Prediction> {

    /** Predicts every row of {@code features}, which must match {@link #inputSchema()}. */
    P predict(Frame features);

    /** The columns (names, types, categorical levels) the model was fitted on. */
    Schema inputSchema();
}
