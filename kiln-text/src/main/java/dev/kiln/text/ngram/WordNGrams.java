package dev.kiln.text.ngram;

import java.util.ArrayList;
import java.util.List;

/**
 * Word n-grams exactly as scikit-learn's {@code CountVectorizer(analyzer="word")} forms them
 * ({@code _word_ngrams}): all n-grams of the shortest length first, then the next length, each
 * in text order, their tokens joined by one space.
 */
public final class WordNGrams {
    private WordNGrams() {
    }

    /** The n-grams of {@code tokens} with lengths in {@code range}; ["a", "b", "c"] with (1, 2) gives a, b, c, "a b", "b c". */
    public static List<String> of(List<String> tokens, NGramRange range) {
        if (tokens == null || range == null) {
            throw new IllegalArgumentException("word n-grams need tokens and a range, got " + tokens + " and " + range);
        }
        for (int i = 0; i < tokens.size(); i++) {
            if (tokens.get(i) == null) {
                throw new IllegalArgumentException("tokens must not be null, token " + i + " is");
            }
        }
        int count = tokens.size();
        int longest = Math.min(range.max(), count);
        List<String> ngrams = new ArrayList<>(expectedSize(count, range.min(), longest));
        for (int n = range.min(); n <= longest; n++) {
            for (int i = 0; i + n <= count; i++) {
                ngrams.add(n == 1 ? tokens.get(i) : String.join(" ", tokens.subList(i, i + n)));
            }
        }
        return ngrams;
    }

    private static int expectedSize(int count, int shortest, int longest) {
        long total = 0;
        for (int n = shortest; n <= longest; n++) {
            total += count - n + 1;
        }
        return (int) Math.min(total, Integer.MAX_VALUE - 8);
    }
}
