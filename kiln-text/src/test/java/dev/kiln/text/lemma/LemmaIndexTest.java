package dev.kiln.text.lemma;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class LemmaIndexTest {

    @Test
    void knowsEachLemmaByPartOfSpeech() {
        LemmaIndex index = LemmaIndex.builder().add("dog", Pos.NOUN).add("dog", Pos.VERB).add("run", Pos.VERB)
                .add("hot_dog", Pos.NOUN).build();
        assertThat(index.contains("dog", Pos.NOUN)).isTrue();
        assertThat(index.contains("dog", Pos.VERB)).isTrue();
        assertThat(index.contains("dog", Pos.ADJECTIVE)).isFalse();
        assertThat(index.contains("run", Pos.NOUN)).isFalse();
        assertThat(index.contains("hot_dog", Pos.NOUN)).isTrue();
        assertThat(index.contains("do", Pos.NOUN)).as("a prefix").isFalse();
        assertThat(index.contains("dogs", Pos.NOUN)).as("an extension").isFalse();
        assertThat(index.contains("", Pos.NOUN)).isFalse();
        assertThat(index.size()).as("dog is stored once for two parts of speech").isEqualTo(3);
    }

    /** Words with characters beyond ASCII are never lemmas, whatever their hash. */
    @Test
    void answersNoForNonAsciiWords() {
        LemmaIndex index = LemmaIndex.builder().add("naive", Pos.ADJECTIVE).build();
        assertThat(index.contains("naïve", Pos.ADJECTIVE)).isFalse();
        assertThat(index.contains("naive", Pos.ADJECTIVE)).isTrue();
    }

    /** 100,000 lemmas outgrow the first table (8,192 slots) several times; every one is still found, and no other. */
    @Test
    void growsAndFindsEveryLemma() {
        LemmaIndex.Builder builder = LemmaIndex.builder();
        int count = 100_000;
        for (int i = 0; i < count; i++) {
            builder.add("w" + Integer.toString(i, 36), i % 3 == 0 ? Pos.VERB : Pos.NOUN);
        }
        LemmaIndex index = builder.build();
        assertThat(index.size()).isEqualTo(count);
        for (int i = 0; i < count; i++) {
            String word = "w" + Integer.toString(i, 36);
            assertThat(index.contains(word, i % 3 == 0 ? Pos.VERB : Pos.NOUN)).as(word).isTrue();
            assertThat(index.contains(word, i % 3 == 0 ? Pos.NOUN : Pos.VERB)).as(word).isFalse();
            assertThat(index.contains("x" + Integer.toString(i, 36), Pos.NOUN)).isFalse();
        }
        assertThat(index.footprintBytes()).as("characters, offsets, parts of speech and slots")
                .isLessThan(count * 30L);
    }

    @Test
    void addsSlicesOfAByteArray() {
        byte[] line = "cat n 2 1 @ 2 0 02124272".getBytes(StandardCharsets.US_ASCII);
        LemmaIndex index = LemmaIndex.builder().add(line, 0, 3, Pos.NOUN).build();
        assertThat(index.contains("cat", Pos.NOUN)).isTrue();
        assertThat(index.contains("cat n", Pos.NOUN)).isFalse();
    }

    @Test
    void rejectsEmptyAndNonAsciiLemmasAndSpaces() {
        assertThatThrownBy(() -> LemmaIndex.builder().add("", Pos.NOUN)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("empty");
        assertThatThrownBy(() -> LemmaIndex.builder().add("hot dog", Pos.NOUN)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("position 3 of \"hot dog\"");
        assertThatThrownBy(() -> LemmaIndex.builder().add("café", Pos.NOUN)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'é' at position 3 of \"café\"");
    }
}
