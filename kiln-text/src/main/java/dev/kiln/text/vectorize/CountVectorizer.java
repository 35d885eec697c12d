package dev.kiln.text.vectorize;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Term counts per document, as scikit-learn's {@code CountVectorizer}: learns a vocabulary of
 * the terms its {@link TextAnalyzer} produces, keeps those in enough (minDf) and not too many
 * (maxDf) documents, optionally only the maxFeatures most frequent, and counts them into a
 * sparse matrix.
 */
public final class CountVectorizer {

    /**
     * @param analyzer    how documents become terms
     * @param minDf       keep terms in at least this many documents (≥ 1; default 1)
     * @param maxDf       keep terms in at most this share of the documents, in (0, 1] (default 1)
     * @param maxFeatures keep only this many terms, the most frequent over the corpus (null: all)
     * @param binary      count presence (1) rather than occurrences (default false)
     */
    public record Params(TextAnalyzer analyzer, int minDf, double maxDf, Integer maxFeatures, boolean binary) {
        public Params {
            Objects.requireNonNull(analyzer, "analyzer");
            if (minDf < 1) {
                throw new IllegalArgumentException("min_df must be >= 1 document, got " + minDf);
            }
            if (!(maxDf > 0 && maxDf <= 1)) {
                throw new IllegalArgumentException("max_df must be a share of documents in (0, 1], got " + maxDf);
            }
            if (maxFeatures != null && maxFeatures < 1) {
                throw new IllegalArgumentException("max_features must be >= 1 (or none for all), got " + maxFeatures);
            }
        }

        public static Params defaults() {
            return new Params(TextAnalyzer.words(), 1, 1.0, null, false);
        }

        public Params withAnalyzer(TextAnalyzer v) {
            return new Params(v, minDf, maxDf, maxFeatures, binary);
        }

        public Params withMinDf(int v) {
            return new Params(analyzer, v, maxDf, maxFeatures, binary);
        }

        public Params withMaxDf(double v) {
            return new Params(analyzer, minDf, v, maxFeatures, binary);
        }

        public Params withMaxFeatures(Integer v) {
            return new Params(analyzer, minDf, maxDf, v, binary);
        }

        public Params withBinary(boolean v) {
            return new Params(analyzer, minDf, maxDf, maxFeatures, v);
        }
    }

    private final Params params;

    public CountVectorizer() {
        this(Params.defaults());
    }

    public CountVectorizer(Params params) {
        this.params = Objects.requireNonNull(params, "params");
    }

    public Params params() {
        return params;
    }

    public FittedCountVectorizer fit(List<String> documents) {
        return fit(DocumentTerms.of(documents, params.analyzer()));
    }

    /** Fits and counts the same documents, analysing each once. */
    public Counted fitTransform(List<String> documents) {
        DocumentTerms[] analysed = DocumentTerms.of(documents, params.analyzer());
        FittedCountVectorizer fitted = fit(analysed);
        return new Counted(fitted, fitted.count(analysed));
    }

    /** A fitted vectorizer and the counts of the documents it was fitted on. */
    public record Counted(FittedCountVectorizer vectorizer, dev.kiln.core.linalg.CsrMatrix counts) {
    }

    /** Learns the vocabulary, with the document frequency of each kept term. */
    FittedCountVectorizer fit(DocumentTerms[] documents) {
        int n = documents.length;
        if (n == 0) {
            throw new IllegalArgumentException("a vectorizer needs at least one document to learn a vocabulary");
        }
        Map<String, long[]> stats = new HashMap<>();
        for (DocumentTerms d : documents) {
            for (int k = 0; k < d.terms().length; k++) {
                long[] s = stats.computeIfAbsent(d.terms()[k], t -> new long[2]);
                s[0]++;
                s[1] += d.counts()[k];
            }
        }
        long maxDocs = (long) Math.floor(params.maxDf() * n);
        List<String> kept = new ArrayList<>();
        for (Map.Entry<String, long[]> e : stats.entrySet()) {
            long df = e.getValue()[0];
            if (df >= params.minDf() && (params.maxDf() == 1 || df <= maxDocs)) {
                kept.add(e.getKey());
            }
        }
        if (kept.isEmpty()) {
            throw new IllegalArgumentException(stats.isEmpty()
                    ? "the " + n + " documents hold no terms (are they empty, or only punctuation and stop words?)"
                    : "no term is left after min_df=" + params.minDf() + " and max_df=" + params.maxDf() + " (" + stats.size()
                    + " terms in " + n + " documents)");
        }
        if (params.maxFeatures() != null && kept.size() > params.maxFeatures()) {
            kept.sort((a, b) -> {
                int byFrequency = Long.compare(stats.get(b)[1], stats.get(a)[1]);
                return byFrequency != 0 ? byFrequency : Vocabulary.compareCodePoints(a, b);
            });
            kept = new ArrayList<>(kept.subList(0, params.maxFeatures()));
        }
        Vocabulary vocabulary = new Vocabulary(kept);
        int[] df = new int[vocabulary.size()];
        for (int j = 0; j < df.length; j++) {
            df[j] = (int) stats.get(vocabulary.term(j))[0];
        }
        return new FittedCountVectorizer(params, vocabulary, df, n);
    }
}
