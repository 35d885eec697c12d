package dev.kiln.rag;

import dev.kiln.text.encode.Embedder;
import java.util.List;
import java.util.Locale;

/**
 * A transparent embedder for tests: a bag of lower-cased words hashed into 64 dimensions, so that
 * similarity follows from shared words alone.
 */
public final class WordHashEmbedder implements Embedder {
    public static final WordHashEmbedder INSTANCE = new WordHashEmbedder();

    @Override
    public float[][] embed(List<String> texts) {
        float[][] out = new float[texts.size()][64];
        for (int i = 0; i < texts.size(); i++) {
            for (String w : texts.get(i).toLowerCase(Locale.ROOT).split("\\W+")) {
                if (!w.isEmpty()) {
                    out[i][Math.floorMod(w.hashCode(), 64)] += 1;
                }
            }
            if (java.util.Arrays.equals(out[i], new float[64])) {
                out[i][0] = 1e-3f;
            }
        }
        return out;
    }

    @Override
    public int dimension() {
        return 64;
    }
}
