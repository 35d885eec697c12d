package dev.kiln.serve.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kiln.rag.chunk.Chunker;
import dev.kiln.rag.ingest.Document;
import dev.kiln.rag.kb.KnowledgeBase;
import dev.kiln.serve.ServedModelsFixture;
import dev.kiln.text.encode.SentenceEncoder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code /api/kb}: questions and conversations answered from a knowledge base built with the real MiniLM encoder. */
class KnowledgeBaseApiTest {
    @TempDir
    static Path home;
    static KilnServer server;
    static Http http;

    static final List<Document> DOCS = List.of(
            new Document("copying.md", "Copying", "copying.md",
                    "Copy a list with list.copy() or slicing. For a deep copy of nested objects use copy.deepcopy from the copy module.", List.of()),
            new Document("files.md", "Files", "files.md", "Delete a file with os.remove. Rename a file with os.rename.", List.of()),
            new Document("dicts.md", "Dictionaries", "dicts.md",
                    "A dictionary maps keys to values. Copy a dictionary with dict.copy(), which makes a shallow copy.", List.of()));

    @BeforeAll
    static void start() {
        SentenceEncoder encoder = SentenceEncoder.allMiniLmL6V2();
        try (KnowledgeBase kb = KnowledgeBase.create(home.resolve("kb/python"), encoder.model().name(), encoder.dimension())) {
            kb.ingest(DOCS, Chunker.allMiniLmL6V2(), encoder, KnowledgeBase.Phases.none());
        }
        server = KilnServer.start(ServedModelsFixture.registry(home), ServerSettings.defaults().withHost("127.0.0.1").withPort(0), ApiKeys.none());
        http = new Http(server);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void aQuestionIsAnsweredFromTheRightDocumentWithCitations() {
        Http.Reply r = http.post("/api/kb/python/ask", "{\"question\": \"How do I delete a file?\"}");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        JsonNode a = r.json();
        assertThat(a.path("answer").asText()).contains("os.remove");
        assertThat(a.path("abstained").asBoolean()).isFalse();
        assertThat(a.path("generator").asText()).isEqualTo("extractive");
        assertThat(a.path("sources").get(0).path("document_id").asText()).isEqualTo("files.md");
        assertThat(a.path("sources").get(0).path("cited").asBoolean()).isTrue();
        assertThat(a.path("timings").path("total_seconds").asDouble()).isPositive();
        assertThat(new ApiSchemas(http.get("/openapi.json").json()).violations("Answer", a)).as("fits its OpenAPI schema").isEmpty();
    }

    @Test
    void kAndAFilterNarrowTheSources() {
        Http.Reply r = http.post("/api/kb/python/ask", "{\"question\": \"How do I copy?\", \"k\": 1, \"filter\": {\"document_id\": \"dicts.md\"}}");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.json().path("sources")).hasSize(1);
        assertThat(r.json().path("sources").get(0).path("document_id").asText()).isEqualTo("dicts.md");
    }

    @Test
    void aFollowUpInAConversationIsMadeStandalone() {
        Http.Reply r = http.post("/api/kb/python/chat", """
                {"messages": [{"role": "user", "content": "How do I delete a file?"},
                              {"role": "assistant", "content": "Delete a file with os.remove. [1]"},
                              {"role": "user", "content": "and rename it?"}]}
                """);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.json().path("question").asText()).isEqualTo("and rename it?");
        assertThat(r.json().path("standalone_query").asText()).contains("file");
        assertThat(r.json().path("answer").asText()).contains("os.rename");
    }

    @Test
    void badRequestsNameWhatIsWrong() {
        Http.Reply missing = http.post("/api/kb/python/ask", "{\"query\": \"delete a file\", \"k\": 0}");
        assertThat(missing.status()).isEqualTo(422);
        assertThat(missing.contentType()).startsWith("application/problem+json");
        assertThat(missing.json().path("errors").findValuesAsText("pointer")).containsExactly("/question", "/k");

        Http.Reply empty = http.post("/api/kb/python/ask", "{\"question\": \"  \"}");
        assertThat(empty.json().path("errors").get(0).path("detail").asText()).contains("empty");

        Http.Reply filter = http.post("/api/kb/python/ask", "{\"question\": \"files\", \"filter\": {\"document_id\": 3}}");
        assertThat(filter.json().path("errors").get(0).path("pointer").asText()).isEqualTo("/filter/document_id");

        Http.Reply roles = http.post("/api/kb/python/chat", "{\"messages\": [{\"role\": \"robot\", \"content\": \"hi\"}, {\"role\": \"user\"}]}");
        assertThat(roles.status()).isEqualTo(422);
        assertThat(roles.json().path("errors").findValuesAsText("pointer")).containsExactly("/messages/0/role", "/messages/1/content");

        Http.Reply last = http.post("/api/kb/python/chat", "{\"messages\": [{\"role\": \"user\", \"content\": \"files?\"}, {\"role\": \"assistant\", \"content\": \"yes\"}]}");
        assertThat(last.json().path("errors").get(0).path("detail").asText()).contains("last message must be the user's");

        Http.Reply unknown = http.post("/api/kb/nope/ask", "{\"question\": \"files?\"}");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.json().path("type").asText()).isEqualTo("urn:kiln:problem:unknown-knowledge-base");
        assertThat(unknown.json().path("detail").asText()).contains("python");

        assertThat(http.post("/api/kb/python/ask", "{\"question\": ").status()).isEqualTo(400);
    }

    @Test
    void listsTheKnowledgeBases() {
        Http.Reply r = http.get("/api/kb");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().path("knowledge_bases").get(0).path("name").asText()).isEqualTo("python");
        assertThat(r.json().path("knowledge_bases").get(0).path("encoder").asText()).isEqualTo("all-MiniLM-L6-v2");
    }

    @Test
    void manyThreadsGetTheAnswersOneThreadGets() throws Exception {
        List<String> questions = List.of("How do I delete a file?", "deep copy of nested objects", "copy a dictionary", "rename a file");
        List<String> serial = new ArrayList<>();
        for (String q : questions) {
            serial.add(http.post("/api/kb/python/ask", "{\"question\": \"" + q + "\"}").json().path("answer").asText());
        }
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<String>> answers = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                String q = questions.get(i % questions.size());
                answers.add(pool.submit(() -> http.post("/api/kb/python/ask", "{\"question\": \"" + q + "\"}").json().path("answer").asText()));
            }
            for (int i = 0; i < answers.size(); i++) {
                assertThat(answers.get(i).get()).isEqualTo(serial.get(i % questions.size()));
            }
        } finally {
            pool.shutdown();
        }
    }
}
