package dev.kiln.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code kiln similar} on six sentences about three topics (cats, markets, football), two each. */
class SimilarCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    static Path doc() throws Exception {
        return Path.of(SimilarCommandTest.class.getResource("/similar/topics.txt").toURI());
    }

    @Test
    void theTopHitsOfAQueryAreTheSentencesOnItsTopic() throws Exception {
        CliRun run = CliRun.of("similar", "--doc", doc().toString(), "--query", "a small cat resting", "-k", "2", "--json");
        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode r = JSON.readTree(run.out());
        assertThat(r.path("sentences").asInt()).isEqualTo(6);
        JsonNode hits = r.path("hits");
        assertThat(hits).hasSize(2);
        assertThat(hits.get(0).path("text").asText()).contains("cat");
        assertThat(hits.get(1).path("text").asText()).contains("kitten");
        assertThat(hits.get(0).path("score").asDouble()).isGreaterThanOrEqualTo(hits.get(1).path("score").asDouble());
    }

    @Test
    void pairsPairTheSentencesOfOneTopic() throws Exception {
        CliRun run = CliRun.of("similar", "--doc", doc().toString(), "--pairs", "-k", "3", "--json");
        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode pairs = JSON.readTree(run.out()).path("pairs");
        assertThat(pairs).hasSize(3);
        for (JsonNode p : pairs) {
            // Each of the three best pairs joins the two sentences of one topic: 1–3, 2–4 or 5–6.
            int a = p.path("first").path("sentence").asInt();
            int b = p.path("second").path("sentence").asInt();
            assertThat(java.util.List.of(a + "-" + b)).containsAnyOf("1-3", "2-4", "5-6");
        }
    }

    @Test
    void aQueryLongerThanTheModelsWindowIsTruncatedAndSaysSo() throws Exception {
        String longQuery = "cat ".repeat(300);
        CliRun run = CliRun.of("similar", "--doc", doc().toString(), "--query", longQuery, "-k", "1", "--json");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(JSON.readTree(run.out()).path("query_truncated").asBoolean()).isTrue();
    }

    @Test
    void badInputIsAOneLineError(@TempDir Path dir) throws Exception {
        CliRun missing = CliRun.of("similar", "--doc", dir.resolve("nope.txt").toString(), "--query", "x");
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.err()).contains("nope.txt: no such file");
        Path bad = dir.resolve("bad.txt");
        Files.write(bad, new byte[] {'o', 'k', '\n', 'b', (byte) 0xff, '\n'});
        CliRun latin = CliRun.of("similar", "--doc", bad.toString(), "--query", "x");
        assertThat(latin.exitCode()).isEqualTo(2);
        assertThat(latin.err()).contains("bad.txt:2: expected UTF-8 text, got the byte 0xff");
        CliRun neither = CliRun.of("similar", "--doc", doc().toString());
        assertThat(neither.err()).contains("give --query TEXT, or --pairs");
        Path empty = dir.resolve("empty.txt");
        Files.writeString(empty, "  \n");
        assertThat(CliRun.of("similar", "--doc", empty.toString(), "--query", "x").err()).contains("holds no sentences");
    }
}
