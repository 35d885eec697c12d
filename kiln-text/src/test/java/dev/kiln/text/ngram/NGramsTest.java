package dev.kiln.text.ngram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Fixtures computed by hand from scikit-learn's definitions in sklearn/feature_extraction/text.py
 * ({@code _word_ngrams}, {@code _char_ngrams}, {@code _char_wb_ngrams}): each expected list is
 * written out by following those loops step by step, as the comments show. The character
 * fixtures were also cross-checked by running those loops, with {@code re.compile(r"\s\s+")},
 * in CPython 3.11.
 */
class NGramsTest {

    @Test
    void wordNGramsListEachLengthInTurn() {
        List<String> tokens = List.of("the", "cat", "sat", "down");
        // n = 1: the tokens; n = 2: windows at 0, 1, 2; n = 3: windows at 0, 1.
        assertThat(WordNGrams.of(tokens, new NGramRange(1, 3))).containsExactly(
                "the", "cat", "sat", "down",
                "the cat", "cat sat", "sat down",
                "the cat sat", "cat sat down");
        // min = 2 drops the unigrams; max = 9 is capped at the 4 tokens there are.
        assertThat(WordNGrams.of(tokens, new NGramRange(2, 9))).containsExactly(
                "the cat", "cat sat", "sat down", "the cat sat", "cat sat down", "the cat sat down");
        assertThat(WordNGrams.of(tokens, NGramRange.exactly(1))).isEqualTo(tokens);
    }

    @Test
    void wordNGramsOfTooFewTokensAreEmpty() {
        assertThat(WordNGrams.of(List.of(), new NGramRange(1, 2))).isEmpty();
        assertThat(WordNGrams.of(List.of("one"), NGramRange.exactly(2))).isEmpty();
    }

    @Test
    void charNGramsSpanTheWholeTextAndCollapseOnlyWhitespaceRuns() {
        // "ab  c\td": the two spaces become one, the lone tab stays: "ab c\td" (6 characters).
        // n = 2: windows at 0..4; n = 3: windows at 0..3.
        assertThat(CharNGrams.of("ab  c\td", new NGramRange(2, 3))).containsExactly(
                "ab", "b ", " c", "c\t", "\td",
                "ab ", "b c", " c\t", "c\td");
        // "a\n \tb" has a three-character run, which becomes one space: "a b".
        assertThat(CharNGrams.of("a\n \tb", new NGramRange(1, 5))).containsExactly("a", " ", "b", "a ", " b", "a b");
    }

    @Test
    void charNGramsCountCodePointsAsPythonDoes() {
        // "x😀y" is three code points (four Java chars): unigrams x, 😀, y, bigrams "x😀", "😀y".
        assertThat(CharNGrams.of("x😀y", new NGramRange(1, 2))).containsExactly("x", "😀", "y", "x😀", "😀y");
        assertThat(CharNGrams.of("", new NGramRange(1, 3))).isEmpty();
    }

    @Test
    void charWordBoundaryNGramsPadEachWordWithSpaces() {
        // Words "hi" and "a", padded to " hi " (4) and " a " (3).
        // " hi ": n = 1 → " ", h, i, " "; n = 2 → " h", hi, "i "; n = 3 → " hi", "hi ".
        // " a ":  n = 1 → " ", a, " "; n = 2 → " a", "a "; n = 3 equals the padded length: " a " once.
        assertThat(CharNGrams.withinWords("hi  a", new NGramRange(1, 3))).containsExactly(
                " ", "h", "i", " ", " h", "hi", "i ", " hi", "hi ",
                " ", "a", " ", " a", "a ", " a ");
    }

    @Test
    void aPaddedWordShorterThanTheLengthCountsOnceAndEndsItsWord() {
        // " a " (3) with n = 4: the slice is the whole padded word, and offset 0 stops the loop, so no n = 5.
        // " abc " (5) with n = 4: " abc", "abc "; n = 5 equals its length: " abc " once.
        assertThat(CharNGrams.withinWords("a abc", new NGramRange(4, 5))).containsExactly(" a ", " abc", "abc ", " abc ");
    }

    @Test
    void charWordBoundaryNGramsSplitAtPythonWhitespace() {
        // U+00A0 (no-break space) and U+3000 are whitespace to str.split(); U+200B (zero-width space) is not.
        assertThat(CharNGrams.withinWords("a\u00A0b\u3000c\u200Bd", NGramRange.exactly(3)))
                .containsExactly(" a ", " b ", " c\u200B", "c\u200Bd", "\u200Bd ");
        assertThat(CharNGrams.withinWords(" \t\n", NGramRange.exactly(2))).isEmpty();
    }

    @Test
    void pythonWhitespaceMatchesStrIsspace() {
        // Every code point for which str.isspace() is true in CPython 3.11 (Unicode 14).
        int[] pythonSpaces = {0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0x1C, 0x1D, 0x1E, 0x1F, 0x20, 0x85, 0xA0, 0x1680,
                0x2000, 0x2001, 0x2002, 0x2003, 0x2004, 0x2005, 0x2006, 0x2007, 0x2008, 0x2009, 0x200A,
                0x2028, 0x2029, 0x202F, 0x205F, 0x3000};
        int[] found = java.util.stream.IntStream.rangeClosed(0, Character.MAX_CODE_POINT).filter(CharNGrams::isPythonSpace).toArray();
        assertThat(found).isEqualTo(pythonSpaces);
    }

    @Test
    void validatesRangesAndInputs() {
        assertThatThrownBy(() -> new NGramRange(2, 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("1 <= min <= max").hasMessageContaining("(2, 1)");
        assertThatThrownBy(() -> new NGramRange(0, 2)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> WordNGrams.of(Arrays.asList("a", null), NGramRange.exactly(1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("token 1");
        assertThatThrownBy(() -> CharNGrams.of(null, NGramRange.exactly(1))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CharNGrams.withinWords("a", null)).isInstanceOf(IllegalArgumentException.class);
    }
}
