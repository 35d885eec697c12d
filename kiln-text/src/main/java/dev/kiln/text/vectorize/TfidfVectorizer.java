package dev.kiln.text.vectorize;

import dev.kiln.core.linalg.CsrMatrix;
import java.util.List;
import java.util.Objects;

/**
 * TF-IDF vectors, as scikit-learn's {@code TfidfVectorizer} (Salton and Buckley 1988): term
 * counts tf (or 1 + ln tf when sublinear), times idf = ln((1 + n) / (1 + df)) + 1 (smooth, the
 * default) or ln(n / df) + 1, each row then scaled to unit L2 (or L1) norm.
 */
public final class TfidfVectorizer {

    /** The row normalisation. */
    public enum Norm { L2, L1, NONE }

    /**
     * @param counting    the vocabulary and counting settings
     * @param norm        row normalisation (default L2)
     * @param useIdf      weight by inverse document frequency (default true)
     * @param smoothIdf   add one to n and every df, as if a document held every term once (default true)
     * @param sublinearTf use 1 + ln(tf) for tf (default false)
     */
    public record Params(CountVectorizer.Params counting, Norm norm, boolean useIdf, boolean smoothIdf, boolean sublinearTf) {
        public Params {
            Objects.requireNonNull(counting, "counting");
            Objects.requireNonNull(norm, "norm");
        }

        public static Params defaults() {
            return new Params(CountVectorizer.Params.defaults(), Norm.L2, true, true, false);
        }

        public Params withCounting(CountVectorizer.Params v) {
            return new Params(v, norm, useIdf, smoothIdf, sublinearTf);
        }

        public Params withAnalyzer(TextAnalyzer v) {
            return new Params(counting.withAnalyzer(v), norm, useIdf, smoothIdf, sublinearTf);
        }

        public Params withNorm(Norm v) {
            return new Params(counting, v, useIdf, smoothIdf, sublinearTf);
        }

        public Params withUseIdf(boolean v) {
            return new Params(counting, norm, v, smoothIdf, sublinearTf);
        }

        public Params withSmoothIdf(boolean v) {
            return new Params(counting, norm, useIdf, v, sublinearTf);
        }

        public Params withSublinearTf(boolean v) {
            return new Params(counting, norm, useIdf, smoothIdf, v);
        }
    }

    private final Params params;

    public TfidfVectorizer() {
        this(Params.defaults());
    }

    public TfidfVectorizer(Params params) {
        this.params = Objects.requireNonNull(params, "params");
    }

    public Params params() {
        return params;
    }

    public FittedTfidfVectorizer fit(List<String> documents) {
        return fitTransform(documents).vectorizer();
    }

    /** Fits and weighs the same documents, analysing each once. */
    public Weighted fitTransform(List<String> documents) {
        CountVectorizer.Counted counted = new CountVectorizer(params.counting()).fitTransform(documents);
        FittedTfidfVectorizer fitted = new FittedTfidfVectorizer(params, counted.vectorizer(), idf(counted.vectorizer()));
        return new Weighted(fitted, fitted.weigh(counted.counts()));
    }

    /** A fitted vectorizer and the TF-IDF rows of the documents it was fitted on. */
    public record Weighted(FittedTfidfVectorizer vectorizer, CsrMatrix vectors) {
    }

    private double[] idf(FittedCountVectorizer counts) {
        int[] df = counts.documentFrequency();
        double[] idf = new double[df.length];
        double smooth = params.smoothIdf() ? 1 : 0;
        for (int j = 0; j < df.length; j++) {
            idf[j] = params.useIdf() ? Math.log((counts.documents() + smooth) / (df[j] + smooth)) + 1 : 1;
        }
        return idf;
    }
}
