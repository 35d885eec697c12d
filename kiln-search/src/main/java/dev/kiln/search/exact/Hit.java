package dev.kiln.search.exact;

/**
 * One search result: the item's position in the index, its id, and its cosine similarity to the
 * query (the dot product of unit vectors, in [−1, 1]).
 */
public record Hit(int index, String id, float score) {
}
