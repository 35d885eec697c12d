package dev.kiln.core.model;

import dev.kiln.core.frame.Frame;
import dev.kiln.core.frame.Schema;

/** A fitted preprocessing step: an immutable, thread-safe mapping from frames to frames. */
public interface FittedTransformer {

    /** Applies the mapping learned in fitting; the output has as many rows as the input. */
    Frame transform(Frame features);

    /** The columns the step was fitted on. */
    Schema inputSchema();

    /**
     * The input columns an output column was made from, so explanations can speak in the
     * user's column names: a one-hot column "city=Oslo" comes from "city", a product "a*b" from
     * "a" and "b". Steps that keep their columns' names need not override this.
     */
    default java.util.List<String> sources(String outputColumn) {
        return java.util.List.of(outputColumn);
    }
}
