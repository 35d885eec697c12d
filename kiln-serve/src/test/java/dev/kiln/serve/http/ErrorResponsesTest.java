package dev.kiln.serve.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kiln.serve.ServedModelsFixture;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every error is an RFC 9457 problem document with the status, what was wrong and where, and the request id. */
class ErrorResponsesTest {
    @TempDir
    static Path home;
    static KilnServer server;
    static Http http;

    @BeforeAll
    static void start() {
        server = KilnServer.start(ServedModelsFixture.registry(home),
                ServerSettings.defaults().withHost("127.0.0.1").withPort(0).withMaxRequestBytes(64 * 1024));
        http = new Http(server);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static void isProblem(Http.Reply r, int status, String slug) {
        assertThat(r.status()).as(r.body()).isEqualTo(status);
        assertThat(r.contentType()).startsWith(Problem.MEDIA_TYPE);
        assertThat(r.json().path("type").asText()).isEqualTo("urn:kiln:problem:" + slug);
        assertThat(r.json().path("status").asInt()).isEqualTo(status);
        assertThat(r.json().path("request_id").asText()).isEqualTo(r.requestId());
        assertThat(r.body()).doesNotContain("at dev.kiln").doesNotContain("Exception");
    }

    @Test
    void everyInvalidValueIsListedWithItsPointer() {
        Http.Reply r = http.post("/api/models/fruit/predict", """
                {"instances": [{"weight": "heavy", "seeds": 2.5, "colour": "blue"}, {"seeds": 1, "colour": null}, 7]}
                """);
        isProblem(r, 422, "invalid-input");
        JsonNode errors = r.json().path("errors");
        assertThat(errors).hasSize(5);
        assertThat(errors.get(0).path("pointer").asText()).isEqualTo("/instances/0/weight");
        assertThat(errors.get(0).path("detail").asText()).contains("expected a number").contains("\"heavy\"");
        assertThat(errors.get(1).path("pointer").asText()).isEqualTo("/instances/0/seeds");
        assertThat(errors.get(1).path("detail").asText()).contains("whole number");
        assertThat(errors.get(2).path("pointer").asText()).isEqualTo("/instances/0/colour");
        assertThat(errors.get(2).path("detail").asText()).contains("'blue' is not a category").contains("green").contains("red");
        assertThat(errors.get(3).path("pointer").asText()).isEqualTo("/instances/1/weight");
        assertThat(errors.get(3).path("detail").asText()).contains("required column 'weight'");
        assertThat(errors.get(4).path("pointer").asText()).isEqualTo("/instances/2");
    }

    @Test
    void malformedJsonNamesTheLineAndColumn() {
        Http.Reply r = http.post("/api/models/fruit/predict", "{\"instances\": [\n  {\"weight\": 1,,}]}");
        isProblem(r, 400, "malformed-json");
        assertThat(r.json().path("detail").asText()).startsWith("line 2, column");
        isProblem(http.post("/api/models/fruit/predict", ""), 400, "malformed-json");
        isProblem(http.post("/api/models/fruit/predict", "{\"rows\": []}"), 422, "invalid-input");
    }

    @Test
    void unknownModelsAndRoutes() {
        Http.Reply r = http.post("/api/models/banana/predict", "{\"instances\": [[1]]}");
        isProblem(r, 404, "unknown-model");
        assertThat(r.json().path("detail").asText()).contains("no model named 'banana'").contains("fruit");
        isProblem(http.get("/nothing/here"), 404, "not-found");
        Http.Reply v2 = http.get("/v2/models/banana");
        isProblem(v2, 404, "unknown-model");
        assertThat(v2.json().path("error").asText()).as("the V2 protocol's error member").contains("banana");
    }

    @Test
    void oversizedBodiesAreRefused() {
        String big = "{\"instances\": [" + "[1.0],".repeat(20_000) + "[1.0]]}";
        isProblem(http.post("/api/models/price/predict", big), 413, "too-large");
    }

    @Test
    void theCallersRequestIdIsKeptAndABadOneReplaced() {
        var request = java.net.http.HttpRequest.newBuilder(java.net.URI.create(http.base() + "/api/models/banana/predict"))
                .header("X-Request-Id", "order-42").POST(java.net.http.HttpRequest.BodyPublishers.ofString("{}")).build();
        Http.Reply r = http.send(request);
        assertThat(r.requestId()).isEqualTo("order-42");
        assertThat(r.json().path("request_id").asText()).isEqualTo("order-42");
        var bad = java.net.http.HttpRequest.newBuilder(java.net.URI.create(http.base() + "/v2/health/live"))
                .header("X-Request-Id", "x y <script>").GET().build();
        assertThat(http.send(bad).requestId()).matches("[0-9a-f-]{36}");
    }
}
