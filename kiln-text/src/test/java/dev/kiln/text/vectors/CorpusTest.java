package dev.kiln.text.vectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kiln.core.io.DataFormatException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CorpusTest {
    @TempDir
    Path dir;

    private static Path excerpt() throws Exception {
        return Path.of(CorpusTest.class.getResource("/vectors/austen-excerpt.jsonl").toURI());
    }

    @Test
    void documentsAreSplitIntoLowerCasedSentencesWithoutPunctuation() {
        Corpus c = Corpus.ofTexts(List.of("Mr. Darcy arrived at noon.  He was late, wasn't he?", "", "A U.S. state-of-the-art idea!"));
        assertThat(sentences(c)).containsExactly(
                List.of("mr", "darcy", "arrived", "at", "noon"),
                List.of("he", "was", "late", "wasn't", "he"),
                List.of("a", "u.s.", "state-of-the-art", "idea"));
        assertThat(c.tokenCount()).isEqualTo(14);
        assertThat(c.distinctWords()).isEqualTo(13);
    }

    @Test
    void jsonLinesAreReadThroughTheTextField() throws Exception {
        Corpus c = Corpus.read(excerpt(), "text");
        // Read by hand: paragraph 20 has 6 sentences ("Mrs." ends none), 21 has 1 (its "me," is no end), 22 has 2.
        assertThat(c.sentenceCount()).isEqualTo(9);
        assertThat(c.sentence(0)).containsExactly("mrs", "john", "dashwood", "did", "not", "at", "all", "approve", "of", "what",
                "her", "husband", "intended", "to", "do", "for", "his", "sisters");
        assertThat(c.sentence(6)).contains("father's", "widow");
        assertThat(c.sentence(7)).contains("light-headed");
    }

    @Test
    void plainTextHasADocumentPerLine() throws Exception {
        Path file = dir.resolve("c.txt");
        Files.writeString(file, "\uFEFFOne sentence here\n\nAnother line. And a second sentence\n");
        assertThat(sentences(Corpus.read(file, "ignored"))).containsExactly(
                List.of("one", "sentence", "here"), List.of("another", "line"), List.of("and", "a", "second", "sentence"));
    }

    @Test
    void tokenisedTextRoundTrips() throws Exception {
        Corpus c = Corpus.ofTexts(List.of("The cat sat. The dog didn't!", "Émile was here."));
        Path file = dir.resolve("t.txt");
        c.writeTokenised(file);
        assertThat(Files.readString(file)).isEqualTo("the cat sat\nthe dog didn't\némile was here\n");
        assertThat(sentences(Corpus.readTokenised(file))).isEqualTo(sentences(c));
    }

    @Test
    void vocabularyKeepsFrequentWordsMostFrequentFirst() {
        Corpus c = Corpus.ofSentences(List.of(List.of("b", "a", "c", "a"), List.of("c", "d", "a", "b", "e")));
        // Counts: a 3, b 2, c 2, d 1, e 1; b and c tie, b came first.
        Vocabulary v = c.vocabulary(2);
        assertThat(v.words()).containsExactly("a", "b", "c");
        assertThat(v.count(0)).isEqualTo(3);
        assertThat(v.totalCount()).isEqualTo(7);
        assertThat(v.indexOf("d")).isEqualTo(-1);
        assertThat(c.vocabulary(1).words()).containsExactly("a", "b", "c", "d", "e");
        assertThatThrownBy(() -> c.vocabulary(0)).hasMessage("min_count must be >= 1, got 0");
    }

    @Test
    void concatKeepsBothCorporasSentences() {
        Corpus a = Corpus.ofSentences(List.of(List.of("x", "y")));
        Corpus b = Corpus.ofSentences(List.of(List.of("y", "z"), List.of("x")));
        assertThat(sentences(a.concat(b))).containsExactly(List.of("x", "y"), List.of("y", "z"), List.of("x"));
    }

    @Test
    void badJsonLinesNameFileAndLine() throws Exception {
        Path file = dir.resolve("bad.jsonl");
        Files.writeString(file, "{\"text\": \"fine\"}\n\n{\"body\": \"no text\", \"id\": 3}\n");
        assertThatThrownBy(() -> Corpus.read(file, "text"))
                .isInstanceOf(DataFormatException.class)
                .hasMessage(file + ":3: no field 'text'; the record has fields body, id (choose one with the text field option)");
        Files.writeString(file, "{\"text\": 12}\n");
        assertThatThrownBy(() -> Corpus.read(file, "text")).hasMessage(file + ":1: field 'text' must be a string, got number 12");
        Files.writeString(file, "{\"text\": \"a\"}\n{\"text\": \"b\"\n");
        assertThatThrownBy(() -> Corpus.read(file, "text")).hasMessageStartingWith(file + ":2: expected a JSON object, got malformed JSON");
        Files.writeString(file, "[1, 2]\n");
        assertThatThrownBy(() -> Corpus.read(file, "text")).hasMessage(file + ":1: expected a JSON object, got array");
        Files.writeString(file, "{\"text\": null}\n{\"text\": \"kept\"}\n");
        assertThat(sentences(Corpus.read(file, "text"))).containsExactly(List.of("kept"));
    }

    @Test
    void unreadableFilesAreReported() throws Exception {
        assertThatThrownBy(() -> Corpus.readText(dir.resolve("missing.txt")))
                .hasMessage("cannot read " + dir.resolve("missing.txt") + ": the file does not exist");
        Path latin1 = dir.resolve("latin1.txt");
        Files.write(latin1, new byte[] {'o', 'k', '\n', 'c', 'a', 'f', (byte) 0xE9, '\n'});
        assertThatThrownBy(() -> Corpus.readText(latin1)).hasMessage(latin1 + ":2: not valid UTF-8 text");
    }

    private static List<List<String>> sentences(Corpus c) {
        List<List<String>> out = new ArrayList<>();
        for (int i = 0; i < c.sentenceCount(); i++) {
            out.add(List.copyOf(c.sentence(i)));
        }
        return out;
    }
}
