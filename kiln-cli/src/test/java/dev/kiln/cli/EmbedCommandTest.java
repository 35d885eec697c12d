package dev.kiln.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code kiln embed}: one unit vector per text, from plain lines or a JSON Lines field. */
class EmbedCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static double dot(JsonNode a, JsonNode b) {
        double s = 0;
        for (int i = 0; i < a.size(); i++) {
            s += a.get(i).asDouble() * b.get(i).asDouble();
        }
        return s;
    }

    @Test
    void linesAndJsonLinesGiveTheSameUnitVectors(@TempDir Path dir) throws Exception {
        Path text = dir.resolve("t.txt");
        Files.writeString(text, "The cat sat on the mat.\n\nA kitten slept on the rug.\nRates rose again.\n");
        Path out = dir.resolve("o.jsonl");
        CliRun run = CliRun.of("embed", "--in", text.toString(), "--out", out.toString(), "--json");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(JSON.readTree(run.out()).path("texts").asInt()).isEqualTo(3);
        List<String> rows = Files.readAllLines(out);
        assertThat(rows).hasSize(3);
        JsonNode cat = JSON.readTree(rows.get(0));
        JsonNode kitten = JSON.readTree(rows.get(1));
        JsonNode rates = JSON.readTree(rows.get(2));
        assertThat(kitten.path("line").asInt()).isEqualTo(3);
        assertThat(cat.path("embedding")).hasSize(384);
        assertThat(dot(cat.path("embedding"), cat.path("embedding"))).isCloseTo(1.0, within(1e-5));
        // Sentences about cats lie closer to each other than to one about interest rates.
        assertThat(dot(cat.path("embedding"), kitten.path("embedding"))).isGreaterThan(dot(cat.path("embedding"), rates.path("embedding")));

        Path jsonl = dir.resolve("t.jsonl");
        Files.writeString(jsonl, "{\"body\": \"The cat sat on the mat.\"}\n");
        Path out2 = dir.resolve("o2.jsonl");
        assertThat(CliRun.of("embed", "--in", jsonl.toString(), "--text-field", "body", "--out", out2.toString()).exitCode()).isZero();
        JsonNode again = JSON.readTree(Files.readAllLines(out2).get(0));
        assertThat(dot(again.path("embedding"), cat.path("embedding"))).isCloseTo(1.0, within(1e-6));
    }

    @Test
    void aRecordWithoutTheFieldNamesItsLine(@TempDir Path dir) throws Exception {
        Path jsonl = dir.resolve("t.jsonl");
        Files.writeString(jsonl, "{\"text\": \"a\"}\n{\"txt\": \"b\"}\n");
        CliRun run = CliRun.of("embed", "--in", jsonl.toString(), "--out", dir.resolve("o.jsonl").toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("t.jsonl:2: expected a string field 'text'");
        assertThat(dir.resolve("o.jsonl")).doesNotExist();
    }
}
