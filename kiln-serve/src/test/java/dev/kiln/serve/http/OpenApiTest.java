package dev.kiln.serve.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kiln.core.KilnVersion;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** {@code GET /openapi.json}: it names every route with the scope the server asks for, and the server's answers fit its schemas. */
class OpenApiTest extends ServedFixtureTest {

    private static JsonNode document() {
        Http.Reply r = http.get("/openapi.json");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.contentType()).startsWith("application/json");
        return r.json();
    }

    @Test
    void describesTheServerInOpenApi31() {
        JsonNode doc = document();
        assertThat(doc.path("openapi").asText()).isEqualTo("3.1.0");
        assertThat(doc.path("info").path("version").asText()).isEqualTo(KilnVersion.current());
        assertThat(doc.path("paths").has("/api/models/{name}/predict")).isTrue();
        assertThat(doc.path("paths").path("/api/models/{name}/predict").path("post").path("parameters").get(0).path("name").asText())
                .isEqualTo("name");
    }

    @Test
    void everyDocumentedOperationIsServedWithTheScopeItStates() {
        JsonNode doc = document();
        List<String> checked = new ArrayList<>();
        doc.path("paths").properties().forEach(path -> path.getValue().properties().forEach(operation -> {
            String method = operation.getKey().toUpperCase();
            String concrete = path.getKey().replace("{name}", "fruit").replace("{version}", "1").replace("{alias}", "staging")
                    .replace("{id}", "no-such-experiment");
            Http.Reply r = switch (method) {
                case "GET" -> http.get(concrete);
                case "POST" -> http.post(concrete, "{}");
                case "PUT" -> http.put(concrete, "{}");
                default -> throw new AssertionError(method);
            };
            assertThat(r.status()).as(method + " " + concrete + ": " + r.body()).isNotEqualTo(405);
            assertThat(r.body()).as(method + " " + concrete).doesNotContain("urn:kiln:problem:not-found");
            JsonNode security = operation.getValue().path("security");
            Optional<String> stated = security.isEmpty() ? Optional.empty() : Optional.of(security.get(0).path("apiKey").get(0).asText());
            assertThat(KeyCheck.needed(method, concrete).map(Scope::label)).as(method + " " + concrete).isEqualTo(stated);
            checked.add(method + " " + path.getKey());
        }));
        assertThat(checked).hasSize(30).doesNotHaveDuplicates();
    }

    @Test
    void everyReferenceResolves() {
        JsonNode doc = document();
        List<String> refs = doc.findValuesAsText("$ref");
        assertThat(refs).isNotEmpty();
        assertThat(refs).allSatisfy(ref -> assertThat(doc.at(ref.substring(1)).isMissingNode()).as(ref).isFalse());
    }

    @Test
    void theServersAnswersFitTheDescribedSchemas() {
        ApiSchemas schemas = new ApiSchemas(document());
        Map<String, Http.Reply> answers = Map.of(
                "PredictResponse", http.post("/api/models/price/predict", "{\"instances\": [[1], [99]]}"),
                "InferenceResponse", http.post("/v2/models/fruit/infer", """
                        {"inputs": [{"name": "weight", "shape": [1], "datatype": "FP64", "data": [150]},
                                    {"name": "seeds", "shape": [1], "datatype": "INT64", "data": [3]},
                                    {"name": "colour", "shape": [1], "datatype": "BYTES", "data": ["red"]}]}
                        """),
                "ModelList", http.get("/api/models"),
                "ModelDescription", http.get("/api/models/fruit"),
                "ModelMetadata", http.get("/v2/models/fruit"),
                "ServerMetadata", http.get("/v2"),
                "Problem", http.post("/api/models/fruit/predict", "{\"instances\": [{\"weight\": \"heavy\"}]}"),
                "KnowledgeBaseList", http.get("/api/kb"));
        answers.forEach((schema, reply) -> {
            assertThat(reply.status()).as(schema + ": " + reply.body()).isIn(200, 422);
            assertThat(schemas.violations(schema, reply.json())).as(schema + ": " + reply.body()).isEmpty();
        });
        assertThat(schemas.violations("PredictResponse", Http.JSON.createObjectNode().put("model", "x")))
                .as("the schemas do reject what does not fit").isNotEmpty();
    }
}
