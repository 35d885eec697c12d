package dev.kiln.text.stop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kiln.text.stop.StopWords.Lexicon;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class StopWordsTest {

    /**
     * The data set's README counts 174 snowball, 571 SMART and 404 onix rows and 728 distinct
     * words; some rows repeat within a list ("would" twice in SMART, six repeats in onix), so the
     * lists hold 174, 570 and 398 distinct words (counted with {@code sort -u} per lexicon).
     */
    @Test
    void readsEachPackagedListWhole() {
        assertThat(StopWords.english().size()).isEqualTo(174);
        assertThat(StopWords.english(Lexicon.SNOWBALL).size()).isEqualTo(174);
        assertThat(StopWords.english(Lexicon.SMART).size()).isEqualTo(570);
        assertThat(StopWords.english(Lexicon.ONIX).size()).isEqualTo(398);
        assertThat(StopWords.english(Lexicon.SNOWBALL, Lexicon.SMART, Lexicon.ONIX).size()).isEqualTo(728);
    }

    @Test
    void theSnowballListHasFunctionWordsAndWholeContractions() {
        StopWords english = StopWords.english();
        assertThat(Arrays.asList("i", "the", "and", "of", "don't", "it's", "ourselves", "very", "cannot"))
                .allMatch(english::contains);
        assertThat(Arrays.asList("computer", "The", "dont", "", "according")).noneMatch(english::contains);
        assertThat(StopWords.english(Lexicon.SMART).contains("according")).isTrue();
    }

    @Test
    void wordsThatLookLikeMissingValuesAreKept() {
        assertThat(StopWords.english(Lexicon.SMART).contains("none")).isTrue();
        assertThat(StopWords.english(Lexicon.SMART).words()).doesNotContainNull().allMatch(w -> !w.isEmpty());
    }

    @Test
    void removesStopWordsFromTokensInOrder() {
        List<String> tokens = List.of("the", "cat", "sat", "on", "the", "mat", "and", "didn't", "move");
        assertThat(StopWords.english().removeFrom(tokens)).containsExactly("cat", "sat", "mat", "move");
    }

    @Test
    void buildsCustomListsAndVariants() {
        StopWords custom = StopWords.of("foo", "bar", "foo");
        assertThat(custom.size()).isEqualTo(2);
        assertThat(custom.words()).containsExactly("bar", "foo");
        assertThat(custom.with("baz").words()).containsExactly("bar", "baz", "foo");
        assertThat(custom.size()).as("the original is unchanged").isEqualTo(2);

        StopWords forSentiment = StopWords.english().without("not", "no", "nor");
        assertThat(forSentiment.size()).isEqualTo(171);
        assertThat(forSentiment.contains("not")).isFalse();
        assertThat(forSentiment.contains("the")).isTrue();
        assertThatThrownBy(() -> forSentiment.words().add("x")).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void rejectsEmptyAndNullWordsAndLexicons() {
        assertThatThrownBy(() -> StopWords.of("a", "")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("non-empty");
        assertThatThrownBy(() -> StopWords.of(Arrays.asList("a", null))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("null");
        assertThatThrownBy(() -> StopWords.english(null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("SNOWBALL, SMART or ONIX");
        assertThatThrownBy(() -> StopWords.english(Lexicon.SMART, (Lexicon) null)).isInstanceOf(IllegalArgumentException.class);
    }
}
