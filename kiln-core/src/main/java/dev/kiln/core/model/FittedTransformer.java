package dev.kiln.core.model;

import dev.kiln.core.frame.Frame;
import dev.kiln.core.frame.Schema;

/** A fitted preprocessing step: an immutable, thread-safe mapping from frames to frames. */
public interface FittedTransformer {

    /** Applies the mapping learned in fitting; the output has as many rows as the input. */
    Frame transform(Frame features);

    /** The columns the step was fitted on. */
    Schema inputSchema();
}
