package dev.kiln.rag.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kiln.rag.WordHashEmbedder;
import dev.kiln.text.encode.Embedder;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The extractive answerer with {@link WordHashEmbedder}, so that which sentence wins follows from word overlap alone. */
class ExtractiveGeneratorTest {
    static final Embedder WORDS = WordHashEmbedder.INSTANCE;

    private static Source source(int n, String text) {
        return new Source(n, "c" + n, "d" + n, "Title " + n, "doc" + n + ".md", text, 1.0 / n);
    }

    @Test
    void quotesTheBestSentencesWithTheirSourceNumbers() {
        List<Source> sources = List.of(
                source(1, "The weather was mild. Copy an object with copy.deepcopy for a deep copy."),
                source(2, "Lists can be copied by slicing: new = old[:]. Bananas are yellow."));
        Answer a = new ExtractiveGenerator(WORDS).answer("How do I copy an object?", sources);
        assertThat(a.abstained()).isFalse();
        assertThat(a.text()).contains("Copy an object with copy.deepcopy for a deep copy. [1]").doesNotContain("Bananas")
                .doesNotContain("weather");
        assertThat(a.cited()).startsWith(1);
    }

    @Test
    void streamsTheAnswerToTheConsumer() {
        List<String> tokens = new ArrayList<>();
        Answer a = new ExtractiveGenerator(WORDS).answer("copy an object", List.of(source(1, "Copy an object with copy.copy.")),
                tokens::add);
        assertThat(String.join("", tokens)).isEqualTo(a.text());
    }

    @Test
    void nearRepeatsFromOverlappingChunksAreQuotedOnce() {
        String s = "Copy an object with copy.deepcopy for a deep copy.";
        Answer a = new ExtractiveGenerator(WORDS).answer("copy an object deep copy", List.of(source(1, s), source(2, s)));
        assertThat(a.text().split("copy.deepcopy", -1)).hasSize(2);
    }

    @Test
    void abstainsWhenNothingScoresHighEnoughAndNamesTheClosestSources() {
        List<Source> sources = List.of(source(1, "Bananas are yellow."), source(2, "The sea is salty."));
        Answer a = new ExtractiveGenerator(WORDS).answer("How do I compile a kernel module?", sources);
        assertThat(a.abstained()).isTrue();
        assertThat(a.text()).startsWith("I don't know").contains("[1] Title 1").contains("[2] Title 2");
        assertThat(a.cited()).containsExactly(1, 2);
    }

    @Test
    void noSourcesIsAnAnswerNotAnError() {
        Answer a = new ExtractiveGenerator(WORDS).answer("anything?", List.of());
        assertThat(a.abstained()).isTrue();
        assertThat(a.text()).contains("no passage");
        assertThatThrownBy(() -> new ExtractiveGenerator(WORDS).answer(" ", List.of())).hasMessageContaining("empty");
    }

    @Test
    void answersFollowReadingOrderNotScoreOrder() {
        Source one = source(1, "Install the package with pip. Then import the package in your program.");
        Answer a = new ExtractiveGenerator(WORDS, ExtractiveGenerator.Settings.defaults().withMinScore(0))
                .answer("import the package program", List.of(one));
        assertThat(a.text().indexOf("Install")).isLessThan(a.text().indexOf("Then import"));
    }

    @Test
    void codeAndMarkupAreNotQuoted() {
        assertThat(ExtractiveGenerator.isProse("Use copy.deepcopy for a deep copy of nested lists.")).isTrue();
        assertThat(ExtractiveGenerator.isProse(".. method:: list.copy()")).isFalse();
        assertThat(ExtractiveGenerator.isProse("def __get__(self, obj):\n    return self")).isFalse();
        assertThat(ExtractiveGenerator.isProse(">>> x = [1, 2, 3]")).isFalse();
        assertThat(ExtractiveGenerator.isProse("## Passage indexes and their settings")).isFalse();
        assertThat(ExtractiveGenerator.isProse("{k: v for (k, v) in d.items() if v > 0}")).isFalse();
    }
}
