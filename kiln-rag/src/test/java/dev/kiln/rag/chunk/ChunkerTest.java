package dev.kiln.rag.chunk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.kiln.rag.ingest.Document;
import dev.kiln.rag.ingest.Document.Heading;
import dev.kiln.rag.ingest.DocumentReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChunkerTest {
    private static final TokenCounter MINILM = TokenCounter.allMiniLmL6V2();

    @Test
    void settingsAreValidated() {
        assertThat(Chunker.Settings.defaults()).isEqualTo(new Chunker.Settings(256, 32));
        new Chunker.Settings(1, 0);
        assertThatThrownBy(() -> new Chunker.Settings(0, 0)).hasMessageContaining("maxTokens");
        assertThatThrownBy(() -> new Chunker.Settings(10, 10)).hasMessageContaining("overlapTokens");
        assertThatThrownBy(() -> new Chunker.Settings(10, -1)).hasMessageContaining("overlapTokens");
    }

    @Test
    void theMiniLmCounterCountsWordPiecesWithoutClsAndSep() {
        assertThat(MINILM.count("unaffable")).isEqualTo(3);
        assertThat(MINILM.count("Hello, world!")).isEqualTo(4);
        assertThat(MINILM.count("")).isZero();
    }

    @Test
    void chunksStayWithinTheWordPieceBudgetAndKeepTheirDocument() {
        String text = prose(new Random(1), 120);
        Document doc = new Document("guide.txt", "Guide", "/kb/guide.txt", text, List.of());
        List<Chunk> chunks = Chunker.allMiniLmL6V2().chunk(doc);
        assertThat(chunks).hasSizeGreaterThan(3);
        for (int i = 0; i < chunks.size(); i++) {
            Chunk c = chunks.get(i);
            assertThat(c.id()).isEqualTo("guide.txt#" + (i + 1));
            assertThat(List.of(c.documentId(), c.title(), c.source())).containsExactly("guide.txt", "Guide", "/kb/guide.txt");
            assertThat(text.substring(c.start(), c.end())).isEqualTo(c.text());
            assertThat(MINILM.count(c.text())).isLessThanOrEqualTo(256);
            assertThat(c.text()).endsWith(".");
        }
        assertThat(MINILM.count(chunks.get(0).text())).isGreaterThan(200);
    }

    @Test
    void overlapRepeatsTheLastSentencesThatFit() {
        String text = "One two three. Four five six. Seven eight nine. Ten eleven twelve. Thirteen.";
        Document doc = new Document("d", "", "", text, List.of());
        List<String> overlapping = new Chunker(new Chunker.Settings(7, 3), TokenCounter.words()).chunk(doc).stream().map(Chunk::text).toList();
        assertThat(overlapping).containsExactly("One two three. Four five six.", "Four five six. Seven eight nine.",
                "Seven eight nine. Ten eleven twelve. Thirteen.");
        List<String> wider = new Chunker(new Chunker.Settings(7, 4), TokenCounter.words()).chunk(doc).stream().map(Chunk::text).toList();
        assertThat(wider).isEqualTo(overlapping);
        List<String> none = new Chunker(new Chunker.Settings(7, 0), TokenCounter.words()).chunk(doc).stream().map(Chunk::text).toList();
        assertThat(none).containsExactly("One two three. Four five six.", "Seven eight nine. Ten eleven twelve. Thirteen.");
    }

    @Test
    void overlapGivesWayWhenTheNextSentenceNeedsTheRoom() {
        String text = "One two. Three four five six seven.";
        Document doc = new Document("d", "", "", text, List.of());
        assertThat(new Chunker(new Chunker.Settings(6, 3), TokenCounter.words()).chunk(doc)).extracting(Chunk::text)
                .containsExactly("One two.", "Three four five six seven.");
    }

    @Test
    void aSentenceOverBudgetIsCutBetweenWordsAndAnOverlongWordStandsAlone() {
        String words = String.join(" ", java.util.Collections.nCopies(40, "alpha beta"));
        Document doc = new Document("d", "", "", words + " end.", List.of());
        List<Chunk> chunks = new Chunker(new Chunker.Settings(30, 0), MINILM).chunk(doc);
        assertThat(chunks).hasSize(3);
        assertThat(chunks).allSatisfy(c -> assertThat(MINILM.count(c.text())).isLessThanOrEqualTo(30));
        assertThat(chunks.get(2).text()).endsWith("end.");

        String longWord = "x-".repeat(20) + "x";
        Document withLongWord = new Document("w", "", "", "Short one. " + longWord + " tail words.", List.of());
        List<Chunk> cut = new Chunker(new Chunker.Settings(10, 2), MINILM).chunk(withLongWord);
        assertThat(cut).extracting(Chunk::text).containsExactly("Short one.", longWord, "tail words.");
        assertThat(MINILM.count(longWord)).isEqualTo(41);
    }

    @Test
    void chunksNeverSpanAHeadingAndCarryTheirHeadingPath() {
        String text = """
                Preamble sentence.
                # Guide
                Guide text.
                ## Install
                Install text. More install text.
                ### Linux
                Linux text.
                ## Use

                # Reference
                Reference text.
                """;
        List<Heading> headings = new ArrayList<>();
        for (String line : text.split("\n")) {
            if (line.startsWith("#")) {
                int level = line.indexOf(' ');
                headings.add(new Heading(level, line.substring(level + 1), text.indexOf(line)));
            }
        }
        Document doc = new Document("g.md", "Guide", "g.md", text, headings);
        List<Chunk> chunks = new Chunker(new Chunker.Settings(100, 10), TokenCounter.words()).chunk(doc);
        assertThat(chunks).extracting(Chunk::headingPath).containsExactly(List.of(), List.of("Guide"), List.of("Guide", "Install"),
                List.of("Guide", "Install", "Linux"), List.of("Guide", "Use"), List.of("Reference"));
        assertThat(chunks).extracting(Chunk::text).containsExactly("Preamble sentence.", "# Guide\nGuide text.",
                "## Install\nInstall text. More install text.", "### Linux\nLinux text.", "## Use", "# Reference\nReference text.");
    }

    @Test
    void blankSectionsAndBlankDocumentsGiveNoChunks() {
        Document blank = new Document("b", "", "", " \n\t\n", List.of(new Heading(1, "H", 2)));
        assertThat(Chunker.allMiniLmL6V2().chunk(blank)).isEmpty();
        Document pages = new Document("p", "", "", "One.\n\n\n\nThree.", List.of(new Heading(1, "page 1", 0),
                new Heading(1, "page 2", 6), new Heading(1, "page 3", 8)));
        assertThat(Chunker.allMiniLmL6V2().chunk(pages)).extracting(Chunk::headingPath, Chunk::text).containsExactly(
                tuple(List.of("page 1"), "One."),
                tuple(List.of("page 3"), "Three."));
    }

    @Test
    void readDocumentsChunkWithTheirHeadingPaths(@TempDir Path tmp) throws IOException {
        Path page = Files.writeString(tmp.resolve("page.html"), "<title>T</title><p>Intro.</p><h1>Setup</h1><p>Do this. Then that.</p>"
                + "<h2>Linux</h2><p>Use apt.</p>");
        Path notes = Files.writeString(tmp.resolve("notes.md"), "# Notes\nFirst.\n\n## Later\nSecond.\n");
        List<Chunk> chunks = DocumentReader.defaults().read(page, notes).documents().stream()
                .flatMap(d -> Chunker.allMiniLmL6V2().chunk(d).stream()).toList();
        assertThat(chunks).extracting(Chunk::id, Chunk::headingPath, Chunk::text).containsExactly(
                tuple("page.html#1", List.of(), "Intro."), tuple("page.html#2", List.of("Setup"), "Setup\n\nDo this. Then that."),
                tuple("page.html#3", List.of("Setup", "Linux"), "Linux\n\nUse apt."),
                tuple("notes.md#1", List.of("Notes"), "# Notes\nFirst."), tuple("notes.md#2", List.of("Notes", "Later"), "## Later\nSecond."));
    }

    /** Sentences of 5 to 25 ordinary words, in paragraphs. */
    static String prose(Random random, int sentences) {
        String[] vocabulary = {"the", "index", "retrieval", "documents", "chunking", "embedding", "models", "are", "read", "quickly",
                "with", "tokenizers", "and", "sentences", "of", "unbelievable", "length", "kiln", "java", "vectors"};
        StringBuilder sb = new StringBuilder();
        for (int s = 0; s < sentences; s++) {
            int n = 5 + random.nextInt(21);
            StringBuilder sentence = new StringBuilder();
            for (int w = 0; w < n; w++) {
                sentence.append(w == 0 ? "" : " ").append(vocabulary[random.nextInt(vocabulary.length)]);
            }
            sentence.setCharAt(0, Character.toUpperCase(sentence.charAt(0)));
            sb.append(sentence).append('.').append(random.nextInt(6) == 0 ? "\n\n" : " ");
        }
        return sb.toString();
    }
}
