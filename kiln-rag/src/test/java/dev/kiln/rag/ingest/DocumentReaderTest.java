package dev.kiln.rag.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.kiln.rag.ingest.Document.Heading;
import dev.kiln.rag.ingest.SkippedFile.Reason;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DocumentReaderTest {
    @TempDir
    Path tmp;

    private final DocumentReader reader = DocumentReader.defaults();

    @Test
    void plainTextIsKeptAsWrittenAndTitledByItsFileName() throws IOException {
        Path f = Files.writeString(tmp.resolve("notes.txt"), "\uFEFFFirst line.\r\nSecond line.\r\n");
        ReadResult r = reader.read(f);
        assertThat(r.skipped()).isEmpty();
        Document d = r.documents().get(0);
        assertThat(d.id()).isEqualTo("notes.txt");
        assertThat(d.title()).isEqualTo("notes");
        assertThat(d.source()).isEqualTo(f.toString());
        assertThat(d.text()).isEqualTo("First line.\nSecond line.\n");
        assertThat(d.headings()).isEmpty();
    }

    @Test
    void markdownHeadingsStartTheirSectionsAndCodeBlocksHoldNone() throws IOException {
        String md = """
                Intro text.

                # Guide
                Some words.

                ## Install ##
                ```sh
                # not a heading
                ```
                   ### Deep
                #NoSpace is text
                ####### seven is text
                    # indented code
                """;
        Document d = reader.read(Files.writeString(tmp.resolve("guide.md"), md)).documents().get(0);
        assertThat(d.text()).isEqualTo(md);
        assertThat(d.title()).isEqualTo("Guide");
        assertThat(d.headings()).containsExactly(new Heading(1, "Guide", md.indexOf("# Guide")),
                new Heading(2, "Install", md.indexOf("## Install")), new Heading(3, "Deep", md.indexOf("   ### Deep")));
        Document untitled = reader.read(Files.writeString(tmp.resolve("b.markdown"), "## Only\ntext\n")).documents().get(0);
        assertThat(untitled.title()).isEqualTo("b");
    }

    @Test
    void htmlGivesVisibleTextInParagraphsWithHeadingsAtTheirText() throws IOException {
        Path f = Files.writeString(tmp.resolve("page.html"), """
                <html><head><title> The  Page </title><style>p { color: red }</style></head>
                <body><nav><a href="/">Home</a> | <a href="/x">Other</a></nav>
                <h1>Main   title</h1>
                <p>First <b>bold</b>
                   paragraph.</p>
                <script>var hidden = 1;</script>
                <h2>Part <i>two</i></h2>
                <div>A div<br>with a break.</div>
                <ul><li>one</li><li>two</li></ul>
                <pre>  keep
                  spacing</pre>
                <p hidden>secret</p>
                </body></html>
                """);
        Document d = reader.read(f).documents().get(0);
        assertThat(d.title()).isEqualTo("The Page");
        assertThat(d.text()).isEqualTo("Main title\n\nFirst bold paragraph.\n\nPart two\n\nA div\nwith a break.\n\none\n\ntwo\n\n"
                + "  keep\n  spacing");
        assertThat(d.headings()).containsExactly(new Heading(1, "Main title", 0),
                new Heading(2, "Part two", d.text().indexOf("Part two")));
        for (Heading h : d.headings()) {
            assertThat(d.text().substring(h.offset())).startsWith(h.title());
        }
    }

    @Test
    void htmlWithoutATitleTakesItsFirstH1() throws IOException {
        Path f = Files.writeString(tmp.resolve("t.htm"), "<h2>Sub</h2><p>x</p><h1>Top</h1><p>y</p>");
        assertThat(reader.read(f).documents().get(0).title()).isEqualTo("Top");
    }

    @Test
    void jsonLinesGiveOneDocumentPerRecordWithConfigurableFields() throws IOException {
        Path f = Files.writeString(tmp.resolve("faq.jsonl"), """
                {"id": "q1", "title": "Copying", "text": "Use copy.copy.", "extra": [1]}

                {"id": 7, "text": "No title."}
                """);
        List<Document> ds = reader.read(f).documents();
        assertThat(ds).extracting(Document::id).containsExactly("q1", "7");
        assertThat(ds).extracting(Document::title).containsExactly("Copying", "");
        assertThat(ds.get(0).text()).isEqualTo("Use copy.copy.");
        assertThat(ds.get(0).source()).isEqualTo(f.toString());

        Path g = Files.writeString(tmp.resolve("other.ndjson"), "{\"key\": \"a\", \"name\": \"A\", \"body\": \"Text.\"}\n");
        Document d = new DocumentReader(new DocumentReader.Settings("key", "name", "body")).read(g).documents().get(0);
        assertThat(List.of(d.id(), d.title(), d.text())).containsExactly("a", "A", "Text.");
        assertThatThrownBy(() -> new DocumentReader.Settings("id", "id", "text")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new DocumentReader.Settings("id", " ", "text")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aBadRecordLeavesOutItsWholeFileNamingTheLine() throws IOException {
        Path good = Files.writeString(tmp.resolve("a.jsonl"), "{\"id\": \"a\", \"text\": \"fine\"}\n");
        String[][] cases = {
                {"{\"id\": \"b\", \"text\": \"ok\"}\n{not json\n", "malformed JSON"},
                {"{\"id\": \"b\", \"text\": \"ok\"}\n{\"id\": \"c\", \"txt\": \"typo\"}\n", "/text: missing"},
                {"{\"id\": \"b\", \"text\": \"ok\"}\n{\"id\": \"b\", \"text\": \"again\"}\n", "'b' was already used on line 1"},
                {"{\"id\": \"b\", \"text\": \"ok\"}\n{\"id\": \"c\", \"text\": {\"n\": 1}}\n", "/text: expected a string, got object"},
                {"{\"id\": \"b\", \"text\": \"ok\"}\n[1, 2]\n", "expected a JSON object"},
                {"{\"id\": \"b\", \"text\": \"ok\"}\n{\"text\": \"no id\"}\n", "/id: missing"},
                {"{\"id\": \"b\", \"text\": \"ok\"}\n{\"id\": \"c\", \"text\": \" \"}\n", "/text: the text is empty"},
                {"{\"id\": \"b\", \"text\": \"ok\"}\n{\"id\": \"c\", \"text\": \"x\"} trailing\n", "malformed JSON"},
        };
        Path bad = tmp.resolve("b.jsonl");
        for (String[] c : cases) {
            Files.writeString(bad, c[0]);
            ReadResult r = reader.read(good, bad);
            assertThat(r.documents()).extracting(Document::id).containsExactly("a");
            assertThat(r.skipped()).singleElement().satisfies(s -> {
                assertThat(s.path()).isEqualTo(bad);
                assertThat(s.reason()).isEqualTo(Reason.MALFORMED);
                assertThat(s.message()).startsWith(bad + ":2: ").contains(c[1]);
            });
        }
    }

    @Test
    void foldersAreReadInNameOrderWithRelativeIdsHiddenFilesLeftOut() throws IOException {
        Path kb = Files.createDirectories(tmp.resolve("kb"));
        Files.createDirectories(kb.resolve("b/c"));
        Files.createDirectories(kb.resolve(".git"));
        Files.writeString(kb.resolve("b/c/deep.txt"), "Deep.");
        Files.writeString(kb.resolve("b/a.md"), "# A\nText.");
        Files.writeString(kb.resolve("z.txt"), "Zed.");
        Files.writeString(kb.resolve("a.txt"), "Ay.");
        Files.writeString(kb.resolve(".hidden.txt"), "Hidden.");
        Files.writeString(kb.resolve(".git/config.txt"), "Hidden too.");
        ReadResult r = reader.read(kb);
        assertThat(r.skipped()).isEmpty();
        assertThat(r.documents()).extracting(Document::id).containsExactly("a.txt", "b/a.md", "b/c/deep.txt", "z.txt");
    }

    @Test
    void badFilesAreReportedByPathAndTheRestStillRead() throws IOException {
        Path kb = Files.createDirectories(tmp.resolve("kb"));
        Files.writeString(kb.resolve("1-good.txt"), "Good text.");
        Path image = Files.write(kb.resolve("2-image.png"), new byte[] {(byte) 0x89, 'P', 'N', 'G'});
        Path latin1 = Files.write(kb.resolve("3-latin1.txt"), new byte[] {'c', 'a', 'f', (byte) 0xE9, '\n'});
        Path pdf = Files.writeString(kb.resolve("4-corrupt.pdf"), "this is not a PDF at all");
        Path blank = Files.writeString(kb.resolve("5-blank.md"), "  \n\n");
        Path noExtension = Files.writeString(kb.resolve("6-README"), "text");
        Files.writeString(kb.resolve("7-good.md"), "# Fine\n");
        Path missing = tmp.resolve("missing.txt");
        Path other = Files.createDirectories(tmp.resolve("other"));
        Path duplicate = Files.writeString(other.resolve("1-good.txt"), "Another file with the same id.");

        ReadResult r = reader.read(kb, missing, other);
        assertThat(r.documents()).extracting(Document::id).containsExactly("1-good.txt", "7-good.md");
        assertThat(r.skipped()).extracting(SkippedFile::path, SkippedFile::reason).containsExactly(
                tuple(image, Reason.UNSUPPORTED),
                tuple(latin1, Reason.UNREADABLE),
                tuple(pdf, Reason.UNREADABLE),
                tuple(blank, Reason.EMPTY),
                tuple(noExtension, Reason.UNSUPPORTED),
                tuple(missing, Reason.UNREADABLE),
                tuple(duplicate, Reason.DUPLICATE_ID));
        for (SkippedFile s : r.skipped()) {
            assertThat(s.message()).startsWith(s.path().toString());
        }
        assertThat(r.skipped().get(0).message()).contains("cannot read .png files").contains(".pdf");
        assertThat(r.skipped().get(1).message()).contains(latin1 + ":1");
        assertThat(r.skipped().get(6).message()).contains("'1-good.txt' was already read from " + kb.resolve("1-good.txt"));
    }

    @Test
    void theContentHashIsStableAndFollowsTitleTextAndHeadings() throws IOException {
        Path f = Files.writeString(tmp.resolve("doc.md"), "# Title\nSome text.\n");
        String first = reader.read(f).documents().get(0).contentHash();
        assertThat(first).matches("[0-9a-f]{64}");
        assertThat(reader.read(f).documents().get(0).contentHash()).isEqualTo(first);
        Path copy = Files.writeString(Files.createDirectories(tmp.resolve("elsewhere")).resolve("doc.md"), "# Title\nSome text.\n");
        assertThat(reader.read(copy).documents().get(0).contentHash()).isEqualTo(first);

        Files.writeString(f, "# Title\nSome text!\n");
        assertThat(reader.read(f).documents().get(0).contentHash()).isNotEqualTo(first);
        Document d = new Document("x", "T", "s", "abc", List.of());
        assertThat(new Document("x", "T2", "s", "abc", List.of()).contentHash()).isNotEqualTo(d.contentHash());
        assertThat(new Document("x", "T", "s", "abc", List.of(new Heading(1, "H", 0))).contentHash()).isNotEqualTo(d.contentHash());
        assertThat(new Document("x", "Ta", "s", "bc", List.of()).contentHash()).isNotEqualTo(d.contentHash());
        assertThat(new Document("y", "T", "other", "abc", List.of()).contentHash()).isEqualTo(d.contentHash());
    }
}
