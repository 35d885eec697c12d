package dev.kiln.search.retrieve;

import java.util.Locale;

/** How a {@link Retriever} ranks passages. */
public enum SearchMode {
    /** By cosine similarity of sentence embeddings (HNSW). */
    DENSE,
    /** By BM25 over the passages' words. */
    BM25,
    /** Dense and BM25 rankings fused by reciprocal rank (k = 60). */
    HYBRID;

    /** {@code dense}, {@code bm25} or {@code hybrid}, in any case. */
    public static SearchMode parse(String s) {
        try {
            return valueOf(s.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown search mode '" + s + "'; expected dense, bm25 or hybrid");
        }
    }

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
