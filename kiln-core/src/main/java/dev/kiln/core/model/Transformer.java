package dev.kiln.core.model;

import dev.kiln.core.frame.Column;
import dev.kiln.core.frame.Frame;

/**
 * A preprocessing step (scaling, encoding, imputing, …) with its settings. {@link #fit} learns
 * what it needs from training data — means, categories — and returns an immutable
 * {@link FittedTransformer} that applies the same mapping to any later data.
 */
public interface Transformer {

    /** Learns from {@code features}; {@code target} is null unless the step uses it (feature selection). */
    FittedTransformer fit(Frame features, Column target);
}
