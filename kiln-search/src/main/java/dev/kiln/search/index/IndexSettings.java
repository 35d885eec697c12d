package dev.kiln.search.index;

/**
 * How a {@link PassageIndex} is built and searched: the vector {@code dimension}, the encoder that
 * made the vectors (an id such as {@code all-MiniLM-L6-v2}, recorded so queries are embedded the
 * same way), and the HNSW parameters of Malkov &amp; Yashunin (2018): {@code maxConnections} (M),
 * {@code beamWidth} (efConstruction) and {@code efSearch}, the candidate list kept while searching.
 */
public record IndexSettings(int dimension, String encoder, int maxConnections, int beamWidth, int efSearch) {
    /** Lucene's and hnswlib's usual M; with it Lucene's graph matches faiss's recall (kiln-bench/results/embeddings.md). */
    public static final int DEFAULT_MAX_CONNECTIONS = 16;
    public static final int DEFAULT_BEAM_WIDTH = 100;
    /**
     * The efSearch of an index that was not calibrated: recall@10 0.983 on 100,000 sentence
     * embeddings, but 0.13 on random vectors — {@link PassageIndex#calibrate} measures instead.
     */
    public static final int DEFAULT_EF_SEARCH = 100;

    public IndexSettings {
        if (dimension < 1 || dimension > 4096) {
            throw new IllegalArgumentException("dimension must be in [1, 4096], got " + dimension);
        }
        if (encoder == null || encoder.isBlank()) {
            throw new IllegalArgumentException("encoder must name the model that made the vectors");
        }
        if (maxConnections < 2 || maxConnections > 512) {
            throw new IllegalArgumentException("maxConnections (M) must be in [2, 512], got " + maxConnections);
        }
        if (beamWidth < 1 || beamWidth > 3200) {
            throw new IllegalArgumentException("beamWidth (efConstruction) must be in [1, 3200], got " + beamWidth);
        }
        if (efSearch < 1 || efSearch > 10_000) {
            throw new IllegalArgumentException("efSearch must be in [1, 10000], got " + efSearch);
        }
    }

    /** The default HNSW parameters for vectors of {@code dimension} made by {@code encoder}. */
    public static IndexSettings of(int dimension, String encoder) {
        return new IndexSettings(dimension, encoder, DEFAULT_MAX_CONNECTIONS, DEFAULT_BEAM_WIDTH, DEFAULT_EF_SEARCH);
    }

    public IndexSettings withEfSearch(int v) {
        return new IndexSettings(dimension, encoder, maxConnections, beamWidth, v);
    }

    public IndexSettings withHnsw(int m, int beam) {
        return new IndexSettings(dimension, encoder, m, beam, efSearch);
    }
}
