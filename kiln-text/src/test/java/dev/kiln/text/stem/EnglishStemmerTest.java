package dev.kiln.text.stem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EnglishStemmerTest {
    private final EnglishStemmer stemmer = new EnglishStemmer();

    @Test
    void reproducesEveryLineOfTheSnowballEnglishVocabulary() {
        ReferenceVocabulary.assertReproduced(stemmer, "english", 29_417);
    }

    /** Cases the Snowball English algorithm description calls out, one per rule it differs from Porter by. */
    @ParameterizedTest
    @CsvSource(quoteCharacter = '"', value = {
            "generously, generous", "communication, communic", "arsenal, arsenal",
            "skies, sky", "dying, die", "news, news", "only, onli",
            "inning, inning", "proceed, proceed", "exceed, exceed",
            "ties, tie", "cries, cri", "gas, gas", "gaps, gap", "kiwis, kiwi",
            "luxuriated, luxuri", "hoped, hope", "hopped, hop",
            "cry, cri", "by, by", "say, say",
            "fluently, fluentli", "logically, logic", "apology, apolog",
            "youth's, youth", "'tis, tis", "bays, bay"
    })
    void followsTheRules(String word, String stem) {
        assertThat(stemmer.stem(word)).isEqualTo(stem);
    }

    @Test
    void leavesWordsShorterThanThreeLettersAlone() {
        assertThat(stemmer.stem("")).isEmpty();
        assertThat(stemmer.stem("as")).isEqualTo("as");
        assertThat(stemmer.stem("'s")).isEqualTo("'s");
    }

    @Test
    void rejectsNull() {
        assertThatThrownBy(() -> stemmer.stem(null)).isInstanceOf(NullPointerException.class).hasMessageContaining("word");
    }
}
