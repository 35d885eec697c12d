package dev.kiln.text.vectorize;

import dev.kiln.core.linalg.CsrMatrix;
import dev.kiln.core.parallel.Parallelism;
import java.util.Arrays;
import java.util.List;

/** A {@link CountVectorizer} with its vocabulary: counts documents' known terms (unknown ones are ignored). */
public final class FittedCountVectorizer {
    private final CountVectorizer.Params params;
    private final Vocabulary vocabulary;
    private final int[] documentFrequency;
    private final int documents;

    FittedCountVectorizer(CountVectorizer.Params params, Vocabulary vocabulary, int[] documentFrequency, int documents) {
        this.params = params;
        this.vocabulary = vocabulary;
        this.documentFrequency = documentFrequency;
        this.documents = documents;
    }

    public CountVectorizer.Params params() {
        return params;
    }

    public Vocabulary vocabulary() {
        return vocabulary;
    }

    /** In how many of the fitted documents each vocabulary term occurs. */
    public int[] documentFrequency() {
        return documentFrequency.clone();
    }

    /** How many documents the vocabulary was learnt from. */
    public int documents() {
        return documents;
    }

    /** The documents' term counts: one row per document, one column per vocabulary term. */
    public CsrMatrix transform(List<String> documents) {
        return count(DocumentTerms.of(documents, params.analyzer()));
    }

    CsrMatrix count(DocumentTerms[] documents) {
        int n = documents.length;
        int[][] columns = new int[n][];
        double[][] values = new double[n][];
        Parallelism.forEachRange(n, 64, (from, to) -> {
            for (int i = from; i < to; i++) {
                DocumentTerms d = documents[i];
                long[] packed = new long[d.terms().length];
                int size = 0;
                for (int k = 0; k < d.terms().length; k++) {
                    int column = vocabulary.indexOf(d.terms()[k]);
                    if (column >= 0) {
                        packed[size++] = (long) column << 32 | d.counts()[k];
                    }
                }
                Arrays.sort(packed, 0, size);
                int[] c = new int[size];
                double[] v = new double[size];
                for (int k = 0; k < size; k++) {
                    c[k] = (int) (packed[k] >>> 32);
                    v[k] = params.binary() ? 1 : (int) packed[k];
                }
                columns[i] = c;
                values[i] = v;
            }
        });
        return Rows.toCsr(columns, values, vocabulary.size());
    }
}
