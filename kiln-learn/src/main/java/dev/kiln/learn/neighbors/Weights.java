package dev.kiln.learn.neighbors;

/** How the k neighbours of a query weigh in its prediction. */
public enum Weights {
    /** Every neighbour counts the same (scikit-learn's default). */
    UNIFORM,
    /**
     * A neighbour counts 1 / its distance; when some neighbours coincide with the query
     * (distance 0), they alone count, equally, as in scikit-learn.
     */
    DISTANCE
}
