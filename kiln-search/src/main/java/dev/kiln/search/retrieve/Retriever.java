package dev.kiln.search.retrieve;

import dev.kiln.search.fusion.ReciprocalRankFusion;
import dev.kiln.search.index.MetadataFilter;
import dev.kiln.search.index.PassageHit;
import dev.kiln.search.index.PassageIndex;
import dev.kiln.text.encode.Embedder;
import java.util.List;
import java.util.Objects;

/**
 * Finds the passages of a {@link PassageIndex} that answer a text query: dense (the query
 * embedded by the index's encoder, then HNSW), BM25, or both fused by reciprocal rank. This is the
 * retriever that retrieval-augmented generation builds on. Thread-safe.
 */
public final class Retriever {
    /** How many passages each ranking contributes to a hybrid fusion, at least. */
    public static final int DEFAULT_FUSION_DEPTH = 50;

    private final PassageIndex index;
    private final Embedder embedder;
    private final ReciprocalRankFusion fusion;
    private final int fusionDepth;

    public Retriever(PassageIndex index, Embedder embedder) {
        this(index, embedder, ReciprocalRankFusion.standard(), DEFAULT_FUSION_DEPTH);
    }

    public Retriever(PassageIndex index, Embedder embedder, ReciprocalRankFusion fusion, int fusionDepth) {
        this.index = Objects.requireNonNull(index, "index");
        this.embedder = Objects.requireNonNull(embedder, "embedder");
        this.fusion = Objects.requireNonNull(fusion, "fusion");
        if (embedder.dimension() != index.settings().dimension()) {
            throw new IllegalArgumentException("the embedder makes " + embedder.dimension() + "-dimensional vectors; the index in "
                    + index.directory() + " holds " + index.settings().dimension());
        }
        if (fusionDepth < 1) {
            throw new IllegalArgumentException("fusionDepth must be >= 1, got " + fusionDepth);
        }
        this.fusionDepth = fusionDepth;
    }

    public PassageIndex index() {
        return index;
    }

    /** The {@code k} best passages for {@code query} by {@code mode}, among those {@code filter} allows. */
    public List<PassageHit> search(String query, int k, SearchMode mode, MetadataFilter filter) {
        if (query == null || query.isBlank()) {
            throw new IllegalArgumentException("the query is empty; give the text to look for");
        }
        return search(query, mode == SearchMode.BM25 ? null : embedder.embed(query), k, mode, filter);
    }

    /**
     * The same search with the query's vector already at hand (from this retriever's embedder), for
     * a caller that needs the vector too, e.g. to re-rank; {@code vector} may be null for BM25.
     */
    public List<PassageHit> search(String query, float[] vector, int k, SearchMode mode, MetadataFilter filter) {
        if (mode != SearchMode.BM25 && vector == null) {
            throw new IllegalArgumentException(mode.id() + " search needs the query's vector");
        }
        return switch (mode) {
            case DENSE -> index.searchDense(vector, k, filter);
            case BM25 -> index.searchKeywords(query, k, filter);
            case HYBRID -> {
                int depth = Math.max(k, fusionDepth);
                yield fusion.fuse(List.of(index.searchDense(vector, depth, filter), index.searchKeywords(query, depth, filter)), k);
            }
        };
    }

    /** {@link #search(String, int, SearchMode, MetadataFilter)} over every passage. */
    public List<PassageHit> search(String query, int k, SearchMode mode) {
        return search(query, k, mode, MetadataFilter.none());
    }
}
