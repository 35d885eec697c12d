package dev.kiln.search.index;

/**
 * A passage found by a search, with its score: cosine similarity for dense search, the BM25 score
 * for keyword search, the fused reciprocal-rank score for hybrid search.
 */
public record PassageHit(Passage passage, double score) {
    public String id() {
        return passage.id();
    }
}
