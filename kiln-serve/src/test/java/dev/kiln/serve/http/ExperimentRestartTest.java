package dev.kiln.serve.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kiln.serve.ServedModelsFixture;
import dev.kiln.serve.experiment.Experiment;
import dev.kiln.serve.experiment.Experiments;
import dev.kiln.serve.experiment.RequestStatus;
import dev.kiln.serve.registry.ModelRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Experiments outlive the server: state and counts come back from HOME/experiments; a skewed split recorded there is flagged. */
class ExperimentRestartTest {
    @TempDir
    Path home;

    private static ServerSettings settings() {
        return ServerSettings.defaults().withHost("127.0.0.1").withPort(0);
    }

    @Test
    void stateAndCountsSurviveARestart() {
        ModelRegistry registry = ServedModelsFixture.registry(home);
        JsonNode before;
        try (KilnServer server = KilnServer.start(registry, settings())) {
            Http http = new Http(server);
            assertThat(http.post("/api/experiments", """
                    {"id": "prices", "model": "price", "variants": [{"name": "A", "version": 1}, {"name": "B", "version": "champion"}],
                     "metric": "value"}""").status()).isEqualTo(201);
            StringBuilder outcomes = new StringBuilder("{\"outcomes\": [");
            for (int i = 0; i < 50; i++) {
                Http.Reply r = http.post("/api/models/price/predict", "{\"instances\": [[" + (i % 5) + "]]}");
                assertThat(r.status()).isEqualTo(200);
                outcomes.append(i == 0 ? "" : ",").append("{\"request_id\": \"").append(r.requestId()).append("\", \"value\": ").append(i).append('}');
            }
            assertThat(http.post("/api/experiments/prices/outcomes", outcomes + "]}").json().path("accepted").asInt()).isEqualTo(50);
            before = http.get("/api/experiments/prices").json();
        }
        assertThat(home.resolve("experiments/prices/experiment.json")).isRegularFile();
        assertThat(home.resolve("experiments/prices/events.jsonl")).isRegularFile();
        try (KilnServer server = KilnServer.start(new ModelRegistry(home.resolve("models")), settings())) {
            Http http = new Http(server);
            JsonNode after = http.get("/api/experiments/prices").json();
            assertThat(after.path("state").asText()).isEqualTo("running");
            assertThat(after.path("variants")).isEqualTo(before.path("variants"));
            assertThat(after.path("comparisons")).isEqualTo(before.path("comparisons"));
            assertThat(after.path("variants").get(0).path("value").path("count").asInt()
                    + after.path("variants").get(1).path("value").path("count").asInt()).isEqualTo(50);
            Http.Reply routed = http.post("/api/models/price/predict", "{\"instances\": [[1]]}");
            assertThat(routed.json().path("experiment").path("id").asText()).as("it still routes").isEqualTo("prices");
            assertThat(http.post("/api/experiments/prices/stop", "").status()).isEqualTo(200);
        }
        try (KilnServer server = KilnServer.start(new ModelRegistry(home.resolve("models")), settings())) {
            Http http = new Http(server);
            assertThat(http.get("/api/experiments/prices").json().path("state").asText()).isEqualTo("stopped");
            assertThat(http.post("/api/models/price/predict", "{\"instances\": [[1]]}").json().has("experiment")).isFalse();
        }
    }

    @Test
    void aSkewedSplitRecordedByTheEngineIsASampleRatioMismatch() throws Exception {
        ModelRegistry registry = ServedModelsFixture.registry(home);
        try (Experiments engine = new Experiments(registry.root().resolveSibling("experiments"), registry, null)) {
            Experiment e = engine.create(Http.JSON.readTree("""
                    {"id": "skewed", "model": "fruit", "variants": [{"name": "A", "version": 1}, {"name": "B", "version": 1}]}"""));
            for (int i = 0; i < 1000; i++) {
                e.exposed(i % 5 < 3 ? 0 : 1, "r" + i, RequestStatus.OK, 1, "apple");
            }
        }
        assertThat(Files.size(home.resolve("experiments/skewed/events.jsonl"))).isPositive();
        try (KilnServer server = KilnServer.start(registry, settings())) {
            JsonNode status = new Http(server).get("/api/experiments/skewed").json();
            assertThat(status.path("sample_ratio").path("mismatch").asBoolean()).isTrue();
            assertThat(status.path("sample_ratio").path("observed").path("A").asInt()).isEqualTo(600);
            assertThat(status.path("verdict").path("decision").asText()).isEqualTo("sample_ratio_mismatch");
            assertThat(status.path("verdict").path("reason").asText()).contains("assignment or logging is broken");
        }
    }
}
