package dev.kiln.rag.kb;

import dev.kiln.text.encode.Embedder;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * An {@link Embedder} that serves a knowledge base's stored sentence vectors (unit length) for the
 * sentences it holds, and runs the encoder for the rest, remembering the last
 * {@value #RECENT} texts it embedded: a question is embedded for retrieval and again by the extractive
 * answerer, and a chat repeats itself.
 */
final class StoredSentenceEmbedder implements Embedder {
    static final int RECENT = 64;

    private final Supplier<SentenceVectors> stored;
    private final Embedder encoder;
    private final Map<String, float[]> recent = new LinkedHashMap<>(RECENT * 2, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, float[]> eldest) {
            return size() > RECENT;
        }
    };

    StoredSentenceEmbedder(Supplier<SentenceVectors> stored, Embedder encoder) {
        this.stored = stored;
        this.encoder = encoder;
    }

    @Override
    public float[][] embed(List<String> texts) {
        float[][] out = new float[texts.size()][];
        List<Integer> missing = new ArrayList<>();
        SentenceVectors vectors = stored.get();
        for (int i = 0; i < texts.size(); i++) {
            String t = texts.get(i);
            synchronized (recent) {
                float[] v = recent.get(t);
                out[i] = v == null ? null : v.clone();
            }
            if (out[i] == null && vectors.size() > 0) {
                out[i] = vectors.vector(SentenceVectors.key(t));
            }
            if (out[i] == null) {
                missing.add(i);
            }
        }
        if (!missing.isEmpty()) {
            float[][] fresh = encoder.embed(missing.stream().map(texts::get).toList());
            synchronized (recent) {
                for (int j = 0; j < fresh.length; j++) {
                    out[missing.get(j)] = fresh[j];
                    recent.put(texts.get(missing.get(j)), fresh[j].clone());
                }
            }
        }
        return out;
    }

    @Override
    public int dimension() {
        return encoder.dimension();
    }
}
