package dev.kiln.text.encode;

import dev.kiln.core.linalg.CsrMatrix;
import dev.kiln.text.vectorize.FittedTfidfVectorizer;
import java.util.List;
import java.util.Objects;

/**
 * TF-IDF vectors as embeddings: a fitted {@link FittedTfidfVectorizer}'s rows (unit L2 length with
 * its default norm), one dimension per vocabulary term, written out densely. Dense rows are what
 * similarity indexes take; they cost vocabulary size × 4 bytes a text, so for large vocabularies
 * keep the vectorizer's sparse rows instead.
 */
public final class TfidfEmbedder implements Embedder {
    private final FittedTfidfVectorizer vectorizer;

    public TfidfEmbedder(FittedTfidfVectorizer vectorizer) {
        this.vectorizer = Objects.requireNonNull(vectorizer, "vectorizer");
    }

    public FittedTfidfVectorizer vectorizer() {
        return vectorizer;
    }

    @Override
    public float[][] embed(List<String> texts) {
        CsrMatrix rows = vectorizer.transform(texts);
        float[][] out = new float[rows.rows()][rows.cols()];
        for (int i = 0; i < rows.rows(); i++) {
            for (int at = rows.rowStart(i); at < rows.rowEnd(i); at++) {
                out[i][rows.column(at)] = (float) rows.value(at);
            }
        }
        return out;
    }

    @Override
    public int dimension() {
        return vectorizer.vocabulary().size();
    }
}
