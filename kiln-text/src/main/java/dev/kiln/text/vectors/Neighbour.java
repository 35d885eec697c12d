package dev.kiln.text.vectors;

/**
 * A word found near a query in a {@link WordVectors} space.
 *
 * @param word       the word
 * @param similarity its cosine similarity to the query, in [−1, 1]
 */
public record Neighbour(String word, double similarity) {
    public Neighbour {
        if (word == null) {
            throw new IllegalArgumentException("a neighbour needs a word, got null");
        }
    }
}
