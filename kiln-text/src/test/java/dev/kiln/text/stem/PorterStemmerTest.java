package dev.kiln.text.stem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PorterStemmerTest {
    private final PorterStemmer stemmer = new PorterStemmer();

    @Test
    void reproducesEveryLineOfTheSnowballPorterVocabulary() {
        ReferenceVocabulary.assertReproduced(stemmer, "porter", 30_428);
    }

    /** The worked examples of Porter (1980), step by step. */
    @ParameterizedTest
    @CsvSource({
            "caresses, caress", "ponies, poni", "ties, ti", "caress, caress", "cats, cat",
            "feed, feed", "agreed, agre", "plastered, plaster", "bled, bled", "motoring, motor", "sing, sing",
            "conflated, conflat", "troubled, troubl", "sized, size", "hopping, hop", "tanned, tan",
            "falling, fall", "hissing, hiss", "fizzed, fizz", "failing, fail", "filing, file",
            "happy, happi", "sky, sky",
            "relational, relat", "conditional, condit", "rational, ration", "valenci, valenc",
            "digitizer, digit", "conformabli, conform", "radicalli, radic", "differentli, differ",
            "vileli, vile", "analogousli, analog", "vietnamization, vietnam", "predication, predic",
            "operator, oper", "feudalism, feudal", "decisiveness, decis", "hopefulness, hope",
            "callousness, callous", "formaliti, formal", "sensitiviti, sensit", "sensibiliti, sensibl",
            "triplicate, triplic", "formative, form", "formalize, formal", "electriciti, electr",
            "electrical, electr", "hopeful, hope", "goodness, good",
            "revival, reviv", "allowance, allow", "inference, infer", "airliner, airlin",
            "gyroscopic, gyroscop", "adjustable, adjust", "defensible, defens", "irritant, irrit",
            "replacement, replac", "adjustment, adjust", "dependent, depend", "adoption, adopt",
            "homologou, homolog", "communism, commun", "activate, activ", "angulariti, angular",
            "homologous, homolog", "effective, effect", "bowdlerize, bowdler",
            "probate, probat", "rate, rate", "cease, ceas", "controll, control", "roll, roll"
    })
    void followsThePapersExamples(String word, String stem) {
        assertThat(stemmer.stem(word)).isEqualTo(stem);
    }

    @Test
    void stemsShortWordsAndTheEmptyString() {
        assertThat(stemmer.stem("")).isEmpty();
        assertThat(stemmer.stem("as")).isEqualTo("a");
        assertThat(stemmer.stem("a")).isEqualTo("a");
    }

    @Test
    void rejectsNull() {
        assertThatThrownBy(() -> stemmer.stem(null)).isInstanceOf(NullPointerException.class).hasMessageContaining("word");
    }
}
