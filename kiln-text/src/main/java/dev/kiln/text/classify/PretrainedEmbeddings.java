package dev.kiln.text.classify;

import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * Word vectors to start a neural text model's embedding table from (for instance word2vec
 * vectors trained on a larger corpus): the rows of known words are copied in, the other rows
 * keep their random start, and all are trained further. Looked up by the model's lower-cased
 * tokens.
 */
public interface PretrainedEmbeddings {

    /** The length of every vector. */
    int dimension();

    /** The vector of {@code word} ({@link #dimension()} long), or null when there is none. */
    float[] vector(String word);

    /** The vectors of a map, all of one length. */
    static PretrainedEmbeddings of(Map<String, float[]> vectors) {
        Objects.requireNonNull(vectors, "vectors");
        if (vectors.isEmpty()) {
            throw new IllegalArgumentException("pretrained embeddings: the map holds no vectors");
        }
        int dimension = vectors.values().iterator().next().length;
        for (Map.Entry<String, float[]> e : vectors.entrySet()) {
            if (e.getValue().length != dimension) {
                throw new IllegalArgumentException("pretrained embeddings: the vector of '" + e.getKey() + "' has "
                        + e.getValue().length + " values, others have " + dimension);
            }
        }
        return of(dimension, vectors::get);
    }

    /** Vectors of {@code dimension} values from a lookup that answers null for words it lacks. */
    static PretrainedEmbeddings of(int dimension, Function<String, float[]> lookup) {
        Objects.requireNonNull(lookup, "lookup");
        if (dimension < 1) {
            throw new IllegalArgumentException("pretrained embeddings: dimension must be >= 1, got " + dimension);
        }
        return new PretrainedEmbeddings() {
            @Override
            public int dimension() {
                return dimension;
            }

            @Override
            public float[] vector(String word) {
                return lookup.apply(word);
            }
        };
    }
}
