package dev.kiln.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code kiln rag} on a folder of three small documents, in a temporary --home, answering offline. */
class RagCommandsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    private Path docs;
    private String home;

    @BeforeEach
    void ingest() throws Exception {
        home = tmp.resolve("home").toString();
        docs = Files.createDirectories(tmp.resolve("docs"));
        Files.writeString(docs.resolve("bikes.md"), """
                # Bicycle care

                Oil the chain every few hundred kilometres. A flat tyre is usually a thorn or a pinched inner tube.
                """);
        Files.writeString(docs.resolve("bread.html"), """
                <html><head><title>Baking bread</title></head><body><h1>Dough</h1>
                <p>Knead the dough for ten minutes, then let it rise until it has doubled.</p></body></html>
                """);
        Files.writeString(docs.resolve("broken.pdf"), "not a pdf");
        CliRun run = CliRun.of("rag", "ingest", "--home", home, "--kb", "notes", docs.toString(), "--json");
        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode r = JSON.readTree(run.out());
        assertThat(r.path("added").asInt()).isEqualTo(2);
        assertThat(r.path("skipped").get(0).path("path").asText()).endsWith("broken.pdf");
    }

    @Test
    void askAnswersWithACitedSource() throws Exception {
        CliRun run = CliRun.of("rag", "ask", "--home", home, "--kb", "notes", "How long should I knead the dough?", "--json");
        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode r = JSON.readTree(run.out());
        assertThat(r.path("answer").asText()).contains("Knead the dough for ten minutes").contains("[1]");
        assertThat(r.path("abstained").asBoolean()).isFalse();
        assertThat(r.path("generator").asText()).isEqualTo("extractive");
        assertThat(r.path("sources").get(0).path("document_id").asText()).isEqualTo("bread.html");
        assertThat(r.path("sources").get(0).path("cited").asBoolean()).isTrue();
    }

    @Test
    void unchangedFilesAreSkippedOnReIngest() throws Exception {
        Files.writeString(docs.resolve("bikes.md"), "# Bicycle care\n\nCheck the brake pads.\n");
        CliRun run = CliRun.of("rag", "ingest", "--home", home, "--kb", "notes", docs.toString(), "--json");
        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode r = JSON.readTree(run.out());
        assertThat(r.path("replaced").asInt()).isEqualTo(1);
        assertThat(r.path("unchanged").asInt()).isEqualTo(1);
        assertThat(r.path("added").asInt()).isZero();
    }

    @Test
    void evalReportsRetrievalAndAnswerMetrics() throws Exception {
        Path qa = Files.writeString(tmp.resolve("qa.jsonl"), """
                {"question": "How do I fix a flat tyre?", "passage_id": "bikes.md"}
                {"question": "How long do I knead bread dough?", "passage_id": "bread.html"}
                """);
        CliRun run = CliRun.of("rag", "eval", "--home", home, "--kb", "notes", "--qa", qa.toString(), "--json");
        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode m = JSON.readTree(run.out()).path("metrics");
        assertThat(m.path("hit_at_1").asDouble()).isEqualTo(1.0);
        assertThat(m.path("mrr").asDouble()).isEqualTo(1.0);
        assertThat(m.path("faithfulness").asDouble()).isEqualTo(1.0);
        assertThat(m.path("key_sentence").asDouble()).isBetween(0.0, 1.0);
        assertThat(m.path("timings").path("ask_p50_seconds").asDouble()).isPositive();
    }

    @Test
    void unknownKnowledgeBasesAndEmptyInputAreClearErrors() throws Exception {
        CliRun unknown = CliRun.of("rag", "ask", "--home", home, "--kb", "nope", "anything");
        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.err()).contains("no knowledge base named 'nope'").contains("notes");
        Path empty = Files.createDirectories(tmp.resolve("empty"));
        CliRun nothing = CliRun.of("rag", "ingest", "--home", home, "--kb", "other", empty.toString());
        assertThat(nothing.exitCode()).isEqualTo(2);
        assertThat(nothing.err()).contains("no document could be read");
    }

    @Test
    void pruneRemovesWhatTheFolderNoLongerHoldsAndKeepsWhatCouldNotBeRead() throws Exception {
        Path faq = docs.resolve("faq.jsonl");
        Files.writeString(faq, """
                {"id": "q1", "title": "Tyres", "text": "Pump tyres to the pressure printed on their side."}
                {"id": "q2", "title": "Saddles", "text": "Set the saddle at hip height."}
                """);
        assertThat(CliRun.of("rag", "ingest", "--home", home, "--kb", "notes", docs.toString()).exitCode()).isZero();
        Files.delete(docs.resolve("bikes.md"));
        Files.writeString(faq, "{\"id\": \"q1\", \"text\": \"Pump tyres.\"}\n{not json\n");
        CliRun run = CliRun.of("rag", "ingest", "--home", home, "--kb", "notes", "--prune", docs.toString(), "--json");
        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode r = JSON.readTree(run.out());
        assertThat(r.path("removed").toString()).isEqualTo("[\"bikes.md\"]");
        assertThat(r.path("documents").asInt()).as("bread.html, and q1 and q2 of the unreadable faq.jsonl").isEqualTo(3);
        CliRun ask = CliRun.of("rag", "ask", "--home", home, "--kb", "notes", "How do I oil the chain?", "--json");
        assertThat(JSON.readTree(ask.out()).path("sources").toString()).doesNotContain("bikes.md");
        CliRun without = CliRun.of("rag", "ingest", "--home", home, "--kb", "notes", docs.resolve("bread.html").toString(), "--json");
        assertThat(JSON.readTree(without.out()).path("documents").asInt()).as("without --prune nothing is removed").isEqualTo(3);
    }

    @Test
    void chatAnswersLineByLineCarryingTheSubjectAndSurvivingBadInput() throws Exception {
        String input = "How do I fix a flat tyre?\n"
                + "and how often do I oil it?\n"
                + "x".repeat(5000) + "\n"
                + "How long should I knead the dough?\n"
                + "\n"
                + "Never read: the empty line ended the chat.\n";
        java.io.InputStream stdin = System.in;
        CliRun run;
        try {
            System.setIn(new java.io.ByteArrayInputStream(input.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
            run = CliRun.of("rag", "chat", "--home", home, "--kb", "notes");
        } finally {
            System.setIn(stdin);
        }
        assertThat(run.exitCode()).as(run.err()).isZero();
        String out = run.out();
        assertThat(out).startsWith("Chatting with 'notes' (2 documents)");
        int tyre = out.indexOf("thorn or a pinched inner tube");
        int oil = out.indexOf("Oil the chain every few hundred kilometres", tyre);
        int tooLong = out.indexOf("kiln: the question has 5000 characters", oil);
        int dough = out.indexOf("Knead the dough for ten minutes", tooLong);
        assertThat(new int[] {tyre, oil, tooLong, dough}).as(out).doesNotContain(-1);
        assertThat(out).doesNotContain("Never read");
    }
}
