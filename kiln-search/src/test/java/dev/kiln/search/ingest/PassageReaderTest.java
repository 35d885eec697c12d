package dev.kiln.search.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kiln.core.io.DataFormatException;
import dev.kiln.search.index.Passage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PassageReaderTest {
    @TempDir
    Path tmp;

    @Test
    void jsonLinesGiveOnePassageARecordWithTitleAndMetadata() throws IOException {
        Path f = Files.writeString(tmp.resolve("c.jsonl"), """
                {"id": "a", "title": "Copying", "text": "Use copy.copy.", "doc": "faq", "rank": 3, "tags": ["x"]}

                {"text": "No id here."}
                """);
        List<Passage> ps = PassageReader.defaults().read(List.of(f)).passages();
        assertThat(ps).hasSize(2);
        assertThat(ps.get(0).id()).isEqualTo("a");
        assertThat(ps.get(0).text()).isEqualTo("Use copy.copy.");
        assertThat(ps.get(0).title()).isEqualTo("Copying");
        assertThat(ps.get(0).embeddingText()).isEqualTo("Copying\n\nUse copy.copy.");
        assertThat(ps.get(0).metadata()).containsEntry("doc", "faq").containsEntry("rank", "3").containsEntry("title", "Copying")
                .containsEntry("line", "1").doesNotContainKey("tags");
        assertThat(ps.get(1).id()).isEqualTo("c.jsonl:3");
    }

    @Test
    void withoutATitleFieldOnlyTheTextIsIndexed() throws IOException {
        Path f = Files.writeString(tmp.resolve("c.jsonl"), "{\"id\": \"a\", \"title\": \"T\", \"text\": \"body\"}\n");
        Passage p = new PassageReader("id", "text", null, 200).read(List.of(f)).passages().get(0);
        assertThat(p.text()).isEqualTo("body");
        assertThat(p.title()).isEmpty();
        assertThat(p.metadata()).doesNotContainKey("title");
    }

    @Test
    void malformedRecordsAreNamedByFileAndLine() throws IOException {
        Path f = Files.writeString(tmp.resolve("bad.jsonl"), "{\"id\": \"a\", \"text\": \"ok\"}\n{\"id\": \"b\", \"txt\": \"typo\"}\n");
        assertThatThrownBy(() -> PassageReader.defaults().read(List.of(f))).isInstanceOf(DataFormatException.class)
                .hasMessageContaining("bad.jsonl:2").hasMessageContaining("/text: missing");
        Files.writeString(f, "{\"id\": \"a\", \"text\": \"ok\"}\n{not json\n");
        assertThatThrownBy(() -> PassageReader.defaults().read(List.of(f))).hasMessageContaining("bad.jsonl:2")
                .hasMessageContaining("malformed JSON");
        Files.writeString(f, "{\"id\": \"a\", \"text\": \"ok\"}\n{\"id\": \"a\", \"text\": \"again\"}\n");
        assertThatThrownBy(() -> PassageReader.defaults().read(List.of(f))).hasMessageContaining("bad.jsonl:2")
                .hasMessageContaining("'a' was already used at").hasMessageContaining("bad.jsonl:1");
        Files.writeString(f, "{\"id\": \"a\", \"text\": {\"nested\": 1}}\n");
        assertThatThrownBy(() -> PassageReader.defaults().read(List.of(f))).hasMessageContaining("/text: expected a string, got object");
    }

    @Test
    void textFilesAreCutAtParagraphsAndPackedUpToTheWordBudget() throws IOException {
        Path f = Files.writeString(tmp.resolve("notes.md"), """
                # Intro
                one two three
                four five

                six seven

                ## Details
                eight nine ten eleven twelve
                """);
        List<Passage> ps = new PassageReader("id", "text", "title", 6).read(List.of(f)).passages();
        assertThat(ps).extracting(Passage::text).containsExactly("one two three four five", "six seven",
                "eight nine ten eleven twelve");
        assertThat(ps).extracting(Passage::id).containsExactly("notes.md#1", "notes.md#2", "notes.md#3");
        assertThat(ps.get(0).metadata()).containsEntry("section", "Intro").containsEntry("line", "2");
        assertThat(ps.get(1).metadata()).containsEntry("line", "5");
        assertThat(ps.get(2).metadata()).containsEntry("section", "Details").containsEntry("line", "8");
    }

    @Test
    void aLongParagraphIsCutBetweenSentences() throws IOException {
        Path f = Files.writeString(tmp.resolve("long.txt"), "The cat sat down. The dog ran off fast. A bird sang.\n");
        List<Passage> ps = new PassageReader("id", "text", "title", 5).read(List.of(f)).passages();
        assertThat(ps).extracting(Passage::text).containsExactly("The cat sat down.", "The dog ran off fast.", "A bird sang.");
    }

    @Test
    void directoriesAreReadRecursivelyWithRelativeIdsAndEmptyFilesReported() throws IOException {
        Files.createDirectories(tmp.resolve("docs/a"));
        Files.createDirectories(tmp.resolve("docs/b"));
        Files.writeString(tmp.resolve("docs/a/x.txt"), "alpha");
        Files.writeString(tmp.resolve("docs/b/x.txt"), "beta");
        Files.writeString(tmp.resolve("docs/b/empty.txt"), "\n\n");
        Files.writeString(tmp.resolve("docs/b/image.png"), "not text");
        PassageReader.Result r = PassageReader.defaults().read(List.of(tmp.resolve("docs")));
        assertThat(r.passages()).extracting(Passage::id).containsExactly("a/x.txt#1", "b/x.txt#1");
        assertThat(r.emptyFiles()).containsExactly(tmp.resolve("docs/b/empty.txt"));
        assertThat(r.files()).hasSize(3);
    }

    @Test
    void nothingToReadIsAClearError() throws IOException {
        Path empty = Files.writeString(tmp.resolve("empty.txt"), "   \n");
        assertThatThrownBy(() -> PassageReader.defaults().read(List.of(empty))).hasMessageContaining("hold no text")
                .hasMessageContaining("empty.txt");
        assertThatThrownBy(() -> PassageReader.defaults().read(List.of(tmp.resolve("missing.txt"))))
                .hasMessageContaining("no such file or directory");
        Path png = Files.writeString(tmp.resolve("a.png"), "x");
        assertThatThrownBy(() -> PassageReader.defaults().read(List.of(png))).hasMessageContaining("cannot read .png files");
    }
}
