package dev.kiln.text.encode;

import java.util.List;

/**
 * Turns texts into dense vectors of one fixed dimension, for similarity search and as features:
 * a pretrained sentence encoder ({@link SentenceEncoder}), TF-IDF rows ({@link TfidfEmbedder}),
 * or averaged word vectors ({@link AveragedWordVectorEmbedder}). Implementations are safe to call from many threads.
 */
public interface Embedder {

    /** One vector of {@link #dimension()} values per text, in the texts' order. */
    float[][] embed(List<String> texts);

    /** The length of every vector. */
    int dimension();

    /** The vector of one text. */
    default float[] embed(String text) {
        return embed(List.of(text))[0];
    }
}
