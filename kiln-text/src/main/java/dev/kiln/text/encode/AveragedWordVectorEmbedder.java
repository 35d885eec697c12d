package dev.kiln.text.encode;

import dev.kiln.text.ngram.NGramRange;
import dev.kiln.text.vectorize.TextAnalyzer;
import dev.kiln.text.vectors.Vocabulary;
import dev.kiln.text.vectors.WordVectors;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Averaged word embeddings: a text's vector is the mean of the {@link WordVectors} of its words,
 * scaled to unit L2 length by default. Texts are split into words by a {@link TextAnalyzer}
 * ({@link TextAnalyzer#words()} by default: lower-cased words, punctuation dropped, as
 * {@link dev.kiln.text.vectors.Corpus} reads the texts that {@link dev.kiln.text.vectors.Word2Vec}
 * and {@link dev.kiln.text.vectors.GloVe} train on), and each word is looked up as the analyzer
 * gives it; words the vectors lack are left out. A text with no word the vectors hold (an empty
 * text included) gets the zero vector, which has no direction: cosine indexes such as
 * {@code ExactIndex} reject it, so check {@link #coverage(String)} first where that can happen.
 *
 * <p>With {@link #withSifWeights(Vocabulary, double)} each word's vector is weighted by
 * a / (a + p(w)), p(w) its frequency in a corpus: the smooth inverse frequency weights of Arora,
 * Liang and Ma (2017, "A Simple but Tough-to-Beat Baseline for Sentence Embeddings"), without
 * their removal of the first principal component. Immutable and thread-safe.
 */
public final class AveragedWordVectorEmbedder implements Embedder {
    private final WordVectors vectors;
    private final TextAnalyzer analyzer;
    private final boolean normalize;
    /** The weight of each row of the vectors, or null for the plain mean. */
    private final float[] weights;

    /** The plain mean of {@code vectors}' rows over {@link TextAnalyzer#words()}' words, scaled to unit length. */
    public AveragedWordVectorEmbedder(WordVectors vectors) {
        this(Objects.requireNonNull(vectors, "vectors"), TextAnalyzer.words(), true, null);
    }

    private AveragedWordVectorEmbedder(WordVectors vectors, TextAnalyzer analyzer, boolean normalize, float[] weights) {
        this.vectors = vectors;
        this.analyzer = analyzer;
        this.normalize = normalize;
        this.weights = weights;
    }

    /**
     * Words from {@code analyzer}, which must give single words in order (unit WORD, n-grams
     * 1..1); for instance {@code TextAnalyzer.words().withLowercase(false)} for cased vectors.
     */
    public AveragedWordVectorEmbedder withAnalyzer(TextAnalyzer analyzer) {
        Objects.requireNonNull(analyzer, "analyzer");
        if (analyzer.unit() != TextAnalyzer.Unit.WORD || !analyzer.ngrams().equals(NGramRange.exactly(1))) {
            throw new IllegalArgumentException("averaged word vectors: the analyzer must give single words in order (unit WORD, "
                    + "n-grams 1..1), got " + analyzer.unit() + " " + analyzer.ngrams());
        }
        return new AveragedWordVectorEmbedder(vectors, analyzer, normalize, weights);
    }

    /** Whether to scale each non-zero vector to unit L2 length (default true); without, the (weighted) mean as it is. */
    public AveragedWordVectorEmbedder withNormalize(boolean normalize) {
        return new AveragedWordVectorEmbedder(vectors, analyzer, normalize, weights);
    }

    /**
     * Weights each word by a / (a + p(w)), p(w) = its count in {@code frequencies} over their
     * total (for instance {@code corpus.vocabulary(1)}); a word the frequencies lack has p(w) = 0,
     * weight 1, as in Arora et al.'s code. The vector is Σ weight·vector / (words found), the
     * paper's definition. Arora et al. take a between 1e-4 and 1e-3.
     */
    public AveragedWordVectorEmbedder withSifWeights(Vocabulary frequencies, double a) {
        Objects.requireNonNull(frequencies, "frequencies");
        if (!(a > 0) || Double.isInfinite(a)) {
            throw new IllegalArgumentException("averaged word vectors: the SIF parameter a must be a finite number > 0, got " + a);
        }
        if (frequencies.totalCount() <= 0) {
            throw new IllegalArgumentException("averaged word vectors: the SIF frequencies hold no words");
        }
        double total = frequencies.totalCount();
        float[] w = new float[vectors.size()];
        for (int row = 0; row < w.length; row++) {
            int i = frequencies.indexOf(vectors.words().get(row));
            double p = i < 0 ? 0 : frequencies.count(i) / total;
            w[row] = (float) (a / (a + p));
        }
        return new AveragedWordVectorEmbedder(vectors, analyzer, normalize, w);
    }

    public WordVectors vectors() {
        return vectors;
    }

    /**
     * One vector per text, in the texts' order: the (weighted) mean of its known words' vectors,
     * unit length unless {@code withNormalize(false)}; the zero vector for a text without known words.
     */
    @Override
    public float[][] embed(List<String> texts) {
        if (texts == null) {
            throw new IllegalArgumentException("averaged word vectors: the list of texts is null");
        }
        TextAnalyzer.Terms terms = analyzer.terms();
        int dim = vectors.dimension();
        float[][] out = new float[texts.size()][];
        double[] sum = new double[dim];
        for (int t = 0; t < out.length; t++) {
            Arrays.fill(sum, 0);
            int found = 0;
            for (String word : terms.of(text(texts, t))) {
                int row = vectors.indexOf(word);
                if (row < 0) {
                    continue;
                }
                float[] v = vectors.vector(row);
                double w = weights == null ? 1 : weights[row];
                for (int j = 0; j < dim; j++) {
                    sum[j] += w * v[j];
                }
                found++;
            }
            out[t] = finish(sum, found);
        }
        return out;
    }

    /** How many of {@code text}'s words (as the analyzer gives them) there are, and how many the vectors hold. */
    public Coverage coverage(String text) {
        if (text == null) {
            throw new IllegalArgumentException("averaged word vectors: the text is null; expected a string (it may be empty)");
        }
        List<String> words = analyzer.terms().of(text);
        int found = 0;
        for (String word : words) {
            if (vectors.contains(word)) {
                found++;
            }
        }
        return new Coverage(words.size(), found);
    }

    /** The vectors' dimension. */
    @Override
    public int dimension() {
        return vectors.dimension();
    }

    /**
     * A text's words and how many of them have a vector; {@code found == 0} means the zero vector.
     *
     * @param words the analyzer's words of the text, repeats counted
     * @param found those the vectors hold
     */
    public record Coverage(int words, int found) {
    }

    private static String text(List<String> texts, int t) {
        String text = texts.get(t);
        if (text == null) {
            throw new IllegalArgumentException("averaged word vectors: text " + (t + 1) + " is null; expected a string (it may be empty)");
        }
        return text;
    }

    private float[] finish(double[] sum, int found) {
        float[] v = new float[sum.length];
        if (found == 0) {
            return v;
        }
        double scale = 1.0 / found;
        if (normalize) {
            double sq = 0;
            for (double x : sum) {
                sq += x * x;
            }
            if (sq == 0) {
                return v;
            }
            scale = 1 / Math.sqrt(sq);
        }
        for (int j = 0; j < v.length; j++) {
            v[j] = (float) (sum[j] * scale);
        }
        return v;
    }
}
