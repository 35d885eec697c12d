package dev.kiln.explain;

import dev.kiln.core.frame.Frame;

import java.util.List;

/** Explains a model's predictions row by row; implementations are immutable and thread-safe. */
public interface Explainer {

    /** One explanation per row of {@code rows}, which must match the model's input schema. */
    List<Explanation> explain(Frame rows);
}
