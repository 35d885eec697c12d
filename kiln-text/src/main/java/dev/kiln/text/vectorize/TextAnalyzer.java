package dev.kiln.text.vectorize;

import dev.kiln.text.ngram.CharNGrams;
import dev.kiln.text.ngram.NGramRange;
import dev.kiln.text.ngram.WordNGrams;
import dev.kiln.text.stem.EnglishStemmer;
import dev.kiln.text.stem.PorterStemmer;
import dev.kiln.text.stem.Stemmer;
import dev.kiln.text.stop.StopWords;
import dev.kiln.text.token.Token;
import dev.kiln.text.token.TokenKind;
import dev.kiln.text.token.TokenizerOptions;
import dev.kiln.text.token.WordTokenizer;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * How a document becomes the terms a vectorizer counts, as scikit-learn's {@code analyzer}:
 * WORD n-grams of the {@link WordTokenizer}'s tokens (punctuation dropped, then stop words
 * removed and stems taken when asked), or CHAR / CHAR_WB n-grams of the whole text
 * ({@link CharNGrams}). Plain data, so that a saved model re-creates it exactly.
 *
 * @param unit       WORD, CHAR or CHAR_WB
 * @param ngrams     the n-gram lengths (default 1..1)
 * @param lowercase  lower-case first (default true)
 * @param foldAccents strip accents first (scikit-learn's {@code strip_accents="unicode"}; default false)
 * @param stopWords  the stop words removed before word n-grams are formed (default NONE)
 * @param stemmer    the stemmer applied to word tokens (default NONE)
 */
public record TextAnalyzer(Unit unit, NGramRange ngrams, boolean lowercase, boolean foldAccents, StopWordList stopWords,
                           StemmerChoice stemmer) {
    private static final Pattern COMBINING = Pattern.compile("\\p{M}+");

    /** What an n-gram is made of. */
    public enum Unit { WORD, CHAR, CHAR_WB }

    /** Which stop words to drop. */
    public enum StopWordList {
        NONE, ENGLISH;

        StopWords words() {
            return this == ENGLISH ? StopWords.english() : null;
        }
    }

    /** Which stemmer to apply to word tokens. */
    public enum StemmerChoice {
        NONE, PORTER, ENGLISH;

        Stemmer stemmer() {
            return switch (this) {
                case NONE -> null;
                case PORTER -> new PorterStemmer();
                case ENGLISH -> new EnglishStemmer();
            };
        }
    }

    public TextAnalyzer {
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(ngrams, "ngrams");
        Objects.requireNonNull(stopWords, "stopWords");
        Objects.requireNonNull(stemmer, "stemmer");
        if (unit != Unit.WORD && (stopWords != StopWordList.NONE || stemmer != StemmerChoice.NONE)) {
            throw new IllegalArgumentException("stop words and stemming apply to WORD analyzers, not " + unit);
        }
    }

    /** Lower-cased word unigrams, scikit-learn's default analyzer (with Kiln's tokenizer). */
    public static TextAnalyzer words() {
        return new TextAnalyzer(Unit.WORD, NGramRange.exactly(1), true, false, StopWordList.NONE, StemmerChoice.NONE);
    }

    /** Lower-cased character n-grams within words of lengths min..max (scikit-learn's "char_wb"). */
    public static TextAnalyzer charsWithinWords(int min, int max) {
        return new TextAnalyzer(Unit.CHAR_WB, new NGramRange(min, max), true, false, StopWordList.NONE, StemmerChoice.NONE);
    }

    public TextAnalyzer withNgrams(int min, int max) {
        return new TextAnalyzer(unit, new NGramRange(min, max), lowercase, foldAccents, stopWords, stemmer);
    }

    public TextAnalyzer withLowercase(boolean v) {
        return new TextAnalyzer(unit, ngrams, v, foldAccents, stopWords, stemmer);
    }

    public TextAnalyzer withFoldAccents(boolean v) {
        return new TextAnalyzer(unit, ngrams, lowercase, v, stopWords, stemmer);
    }

    public TextAnalyzer withStopWords(StopWordList v) {
        return new TextAnalyzer(unit, ngrams, lowercase, foldAccents, v, stemmer);
    }

    public TextAnalyzer withStemmer(StemmerChoice v) {
        return new TextAnalyzer(unit, ngrams, lowercase, foldAccents, stopWords, v);
    }

    /** A reusable, single-threaded instance that turns documents into terms. */
    public Terms terms() {
        return new Terms(this);
    }

    /** Turns documents into terms; holds a tokenizer and a stemmer, so one per thread. */
    public static final class Terms {
        private final TextAnalyzer analyzer;
        private final WordTokenizer tokenizer;
        private final StopWords stopWords;
        private final Stemmer stemmer;

        private Terms(TextAnalyzer analyzer) {
            this.analyzer = analyzer;
            this.tokenizer = new WordTokenizer(TokenizerOptions.defaults().withLowercase(analyzer.lowercase)
                    .withFoldAccents(analyzer.foldAccents));
            this.stopWords = analyzer.stopWords.words();
            this.stemmer = analyzer.stemmer.stemmer();
        }

        /** The terms of one document, in order, repeats kept. */
        public List<String> of(String document) {
            if (document == null) {
                throw new IllegalArgumentException("a document must not be null");
            }
            if (analyzer.unit != Unit.WORD) {
                String text = analyzer.lowercase ? document.toLowerCase(java.util.Locale.ROOT) : document;
                if (analyzer.foldAccents) {
                    text = COMBINING.matcher(Normalizer.normalize(text, Normalizer.Form.NFD)).replaceAll("");
                }
                return analyzer.unit == Unit.CHAR ? CharNGrams.of(text, analyzer.ngrams) : CharNGrams.withinWords(text, analyzer.ngrams);
            }
            List<Token> tokens = tokenizer.tokenize(document);
            List<String> words = new ArrayList<>(tokens.size());
            for (Token t : tokens) {
                if (t.kind() == TokenKind.PUNCT || (stopWords != null && stopWords.contains(t.text()))) {
                    continue;
                }
                words.add(stemmer == null ? t.text() : stemmer.stem(t.text()));
            }
            return analyzer.ngrams.min() == 1 && analyzer.ngrams.max() == 1 ? words : WordNGrams.of(words, analyzer.ngrams);
        }
    }
}
