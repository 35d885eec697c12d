package dev.kiln.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code kiln index} on six Python FAQ passages, in a temporary --home. */
class IndexCommandsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    private String home;

    static Path resource(String name) throws Exception {
        return Path.of(IndexCommandsTest.class.getResource("/index/" + name).toURI());
    }

    @BeforeEach
    void build() throws Exception {
        home = tmp.toString();
        CliRun run = CliRun.of("index", "build", "--home", home, "--name", "faq", "--docs", resource("faq.jsonl").toString(), "--json");
        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode r = JSON.readTree(run.out());
        assertThat(r.path("passages").asInt()).isEqualTo(6);
        assertThat(r.path("encoder").asText()).isEqualTo("all-MiniLM-L6-v2");
        assertThat(r.path("dimension").asInt()).isEqualTo(384);
    }

    private JsonNode search(String query, String... more) throws Exception {
        String[] args = Stream.concat(Stream.of("index", "search", "--home", home, "--name", "faq", query, "--json"), Stream.of(more))
                .toArray(String[]::new);
        CliRun run = CliRun.of(args);
        assertThat(run.exitCode()).as(run.err()).isZero();
        return JSON.readTree(run.out());
    }

    @Test
    void eachModeFindsTheAnsweringPassage() throws Exception {
        for (String mode : new String[] {"dense", "bm25", "hybrid"}) {
            JsonNode r = search("how can I duplicate an object", "--mode", mode, "-k", "3");
            assertThat(r.path("mode").asText()).isEqualTo(mode);
            assertThat(r.path("hits").get(0).path("id").asText()).as(mode).isEqualTo("copy");
            assertThat(r.path("hits").get(0).path("metadata").path("doc").asText()).isEqualTo("faq/programming");
        }
    }

    @Test
    void filtersKeepOnlyMatchingMetadata() throws Exception {
        JsonNode hits = search("object", "--filter", "doc=faq/library", "-k", "10").path("hits");
        assertThat(hits).isNotEmpty();
        hits.forEach(h -> assertThat(h.path("metadata").path("doc").asText()).isEqualTo("faq/library"));
    }

    @Test
    void aLongQueryIsTruncatedAndSaysSo() throws Exception {
        assertThat(search("copy ".repeat(400), "--mode", "dense").path("query_truncated").asBoolean()).isTrue();
        assertThat(search("copy", "--mode", "dense").path("query_truncated").asBoolean()).isFalse();
    }

    @Test
    void anUnknownIndexNameListsTheExistingOnes() {
        CliRun run = CliRun.of("index", "search", "--home", home, "--name", "fqa", "copy");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("no index named 'fqa'").contains("those there are: faq").doesNotContain("Exception");
    }

    @Test
    void buildingOverAnIndexNeedsReplace() throws Exception {
        CliRun again = CliRun.of("index", "build", "--home", home, "--name", "faq", "--docs", resource("faq.jsonl").toString());
        assertThat(again.exitCode()).isEqualTo(2);
        assertThat(again.err()).contains("already exists").contains("--replace");
        CliRun replaced = CliRun.of("index", "build", "--home", home, "--name", "faq", "--replace", "--docs",
                resource("faq.jsonl").toString());
        assertThat(replaced.exitCode()).as(replaced.err()).isZero();
    }

    @Test
    void addReplacesByIdAndRemoveDeletes() throws Exception {
        Path more = Files.writeString(tmp.resolve("more.jsonl"), """
                {"id": "copy", "text": "Copies are made with the copy module.", "doc": "faq/programming"}
                {"id": "venv", "text": "Create a virtual environment with python -m venv.", "doc": "faq/library"}
                """);
        CliRun add = CliRun.of("index", "add", "--home", home, "--name", "faq", "--docs", more.toString(), "--json");
        assertThat(add.exitCode()).as(add.err()).isZero();
        JsonNode r = JSON.readTree(add.out());
        assertThat(r.path("passages").asInt()).isEqualTo(7);
        assertThat(r.path("replaced").asInt()).isEqualTo(1);
        assertThat(search("virtual environment", "--mode", "bm25").path("hits").get(0).path("id").asText()).isEqualTo("venv");

        CliRun remove = CliRun.of("index", "remove", "--home", home, "--name", "faq", "--id", "venv", "nothing", "--json");
        assertThat(remove.exitCode()).as("an id that was not there").isEqualTo(1);
        JsonNode removed = JSON.readTree(remove.out());
        assertThat(removed.path("removed").get(0).asText()).isEqualTo("venv");
        assertThat(removed.path("not_found").get(0).asText()).isEqualTo("nothing");
        assertThat(removed.path("passages").asInt()).isEqualTo(6);
    }

    @Test
    void evalScoresEveryMode() throws Exception {
        CliRun run = CliRun.of("index", "eval", "--home", home, "--name", "faq", "--qa", resource("qa.jsonl").toString(), "--json");
        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode r = JSON.readTree(run.out());
        assertThat(r.path("questions").asInt()).isEqualTo(3);
        for (String mode : new String[] {"dense", "bm25", "hybrid"}) {
            JsonNode m = r.path("results").path(mode);
            assertThat(m.path("hit_at_10").asDouble()).as(mode).isEqualTo(1.0);
            assertThat(m.path("mrr").asDouble()).as(mode).isBetween(m.path("hit_at_1").asDouble(), 1.0);
        }
        assertThat(r.path("results").path("hybrid").path("hit_at_1").asDouble()).isEqualTo(1.0);
    }

    @Test
    void listShowsIndexesAndADamagedOneSaysSo() throws Exception {
        CliRun list = CliRun.of("index", "list", "--home", home, "--json");
        assertThat(list.exitCode()).isZero();
        assertThat(JSON.readTree(list.out()).path("indexes").get(0).path("passages").asInt()).isEqualTo(6);

        try (Stream<Path> files = Files.list(tmp.resolve("indexes/faq/lucene"))) {
            for (Path f : files.filter(p -> p.getFileName().toString().startsWith("segments_")).toList()) {
                Files.write(f, new byte[] {1, 2, 3});
            }
        }
        CliRun damaged = CliRun.of("index", "list", "--home", home);
        assertThat(damaged.exitCode()).isZero();
        assertThat(damaged.out()).contains("damaged");
        CliRun search = CliRun.of("index", "search", "--home", home, "--name", "faq", "copy");
        assertThat(search.exitCode()).isEqualTo(2);
        assertThat(search.err()).contains("faq/lucene").contains("rebuild the index").doesNotContain("\tat ");
    }

    @Test
    void emptyDocumentsAreAClearError() throws Exception {
        Path empty = Files.writeString(tmp.resolve("empty.md"), "\n\n");
        CliRun run = CliRun.of("index", "build", "--home", home, "--name", "empty", "--docs", empty.toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("hold no text").contains("empty.md");
        assertThat(tmp.resolve("indexes/empty")).doesNotExist();
    }
}
