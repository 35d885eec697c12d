package dev.kiln.text.ngram;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Character n-grams exactly as scikit-learn's {@code CountVectorizer} forms them for
 * {@code analyzer="char"} ({@code _char_ngrams}) and {@code analyzer="char_wb"}
 * ({@code _char_wb_ngrams}). Characters are Unicode code points, as in Python strings, so an
 * emoji outside the Basic Multilingual Plane counts once. Neither lower-cases nor strips accents:
 * do that first, as scikit-learn's preprocessor does.
 *
 * <p>Both first replace each run of two or more whitespace characters with one space (Python's
 * {@code re.sub(r"\s\s+", " ", text)}; a lone tab or newline stays as it is). Whitespace is
 * Python's {@code str.isspace()}: Java's space separators (including no-break spaces) plus tab,
 * line feed, vertical tab, form feed, carriage return, U+001C–U+001F and U+0085.
 */
public final class CharNGrams {
    private CharNGrams() {
    }

    /**
     * scikit-learn's "char": every n-gram of the whole text, spaces included, all of the shortest
     * length first. "ab c" with (1, 2) gives a, b, " ", c, ab, "b ", " c".
     */
    public static List<String> of(String text, NGramRange range) {
        check(text, range);
        int[] cps = collapseWhitespaceRuns(text);
        int longest = Math.min(range.max(), cps.length);
        List<String> ngrams = new ArrayList<>();
        for (int n = range.min(); n <= longest; n++) {
            for (int i = 0; i + n <= cps.length; i++) {
                ngrams.add(new String(cps, i, n));
            }
        }
        return ngrams;
    }

    /**
     * scikit-learn's "char_wb": n-grams only within words (split at whitespace), each word padded
     * with one space on each side; for each word, all n-grams of each length in turn. A padded
     * word shorter than a length gives itself once and no longer n-grams. "ab c" with (2, 3)
     * gives " a", ab, "b ", " ab", "ab ", " c", "c ", " c ".
     */
    public static List<String> withinWords(String text, NGramRange range) {
        check(text, range);
        int[] cps = collapseWhitespaceRuns(text);
        List<String> ngrams = new ArrayList<>();
        int i = 0;
        while (i < cps.length) {
            while (i < cps.length && isPythonSpace(cps[i])) {
                i++;
            }
            int start = i;
            while (i < cps.length && !isPythonSpace(cps[i])) {
                i++;
            }
            if (i > start) {
                addPaddedWordNGrams(cps, start, i, range, ngrams);
            }
        }
        return ngrams;
    }

    private static void addPaddedWordNGrams(int[] cps, int start, int end, NGramRange range, List<String> ngrams) {
        int[] w = new int[end - start + 2];
        w[0] = ' ';
        System.arraycopy(cps, start, w, 1, end - start);
        w[w.length - 1] = ' ';
        for (int n = range.min(); n <= range.max(); n++) {
            if (n >= w.length) {
                ngrams.add(new String(w, 0, w.length));
                return;
            }
            for (int offset = 0; offset + n <= w.length; offset++) {
                ngrams.add(new String(w, offset, n));
            }
        }
    }

    private static void check(String text, NGramRange range) {
        if (text == null || range == null) {
            throw new IllegalArgumentException("character n-grams need a text and a range, got "
                    + (text == null ? "null" : "text") + " and " + range);
        }
    }

    /** The code points of {@code text} with each run of two or more whitespace characters replaced by one space. */
    static int[] collapseWhitespaceRuns(String text) {
        int[] cps = text.codePoints().toArray();
        int out = 0;
        int i = 0;
        while (i < cps.length) {
            if (isPythonSpace(cps[i]) && i + 1 < cps.length && isPythonSpace(cps[i + 1])) {
                while (i < cps.length && isPythonSpace(cps[i])) {
                    i++;
                }
                cps[out++] = ' ';
            } else {
                cps[out++] = cps[i++];
            }
        }
        return out == cps.length ? cps : Arrays.copyOf(cps, out);
    }

    /** Python's {@code str.isspace()} for one code point. */
    static boolean isPythonSpace(int cp) {
        return cp >= 0x09 && cp <= 0x0D || cp >= 0x1C && cp <= 0x1F || cp == 0x85 || Character.isSpaceChar(cp);
    }
}
