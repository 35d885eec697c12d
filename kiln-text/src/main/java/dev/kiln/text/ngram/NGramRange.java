package dev.kiln.text.ngram;

/**
 * The lengths of n-grams to produce, both ends included, as scikit-learn's {@code ngram_range}:
 * (1, 1) is single tokens, (1, 2) adds pairs.
 *
 * @param min the shortest length, at least 1
 * @param max the longest length, at least {@code min}
 */
public record NGramRange(int min, int max) {
    public NGramRange {
        if (min < 1 || max < min) {
            throw new IllegalArgumentException("an n-gram range needs 1 <= min <= max, got (" + min + ", " + max + ")");
        }
    }

    /** Only n-grams of length {@code n}. */
    public static NGramRange exactly(int n) {
        return new NGramRange(n, n);
    }
}
