package dev.kiln.serve.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kiln.core.io.CsvWriter;
import dev.kiln.serve.ServedModelsFixture;
import dev.kiln.serve.input.InputPolicy;
import dev.kiln.serve.monitor.BaselineFiles;
import dev.kiln.serve.monitor.MonitorSettings;
import dev.kiln.serve.registry.ModelRegistry;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Requests checked against the expectations a model was registered with: failing values are
 * warned about by default, refused when the server rejects, never checked when it is off, and
 * counted in /metrics either way.
 */
class ExpectationValidationTest {
    // The fixture's fruit weights lie in [0, 200); the inferred range widens that by 10% to [0, 220].
    private static final String HEAVY = "{\"instances\": [{\"weight\": 150, \"seeds\": 3, \"colour\": \"red\"},"
            + " {\"weight\": 900, \"seeds\": 3, \"colour\": \"green\"}]}";

    private static KilnServer start(Path home, InputPolicy policy) {
        ModelRegistry registry = ServedModelsFixture.registry(home);
        Path training = home.resolve("fruit.csv");
        CsvWriter.write(ServedModelsFixture.fruit(500, 1), training);
        BaselineFiles.register(registry, "watched", home.resolve("saved/fruit"), "with a baseline", training, null);
        return KilnServer.start(registry, ServerSettings.defaults().withHost("127.0.0.1").withPort(0).withOutOfRange(InputPolicy.OFF)
                .withMonitoring(MonitorSettings.defaults().withExpectations(policy)));
    }

    @Test
    void failingValuesAreWarnedAboutAndCounted(@TempDir Path home) {
        try (KilnServer server = start(home, InputPolicy.WARN)) {
            Http http = new Http(server);
            Http.Reply r = http.post("/api/models/watched/predict", HEAVY);
            assertThat(r.status()).as(r.body()).isEqualTo(200);
            assertThat(r.json().path("predictions")).hasSize(2);
            assertThat(r.json().path("warnings")).hasSize(1);
            assertThat(r.json().path("warnings").get(0).path("pointer").asText()).isEqualTo("/instances/1/weight");
            assertThat(r.json().path("warnings").get(0).path("detail").asText())
                    .isEqualTo("'900' fails the expectation range of column 'weight': expected a number in [0, 219.878]");
            Http.Reply clean = http.post("/api/models/watched/predict", "{\"instances\": [[10, 2, \"red\"]]}");
            assertThat(clean.json().has("warnings")).isFalse();

            Scrape scrape = Scrape.of(http);
            assertThat(scrape.sum("kiln_validation_failures_total", "model", "watched", "version", "1", "expectation", "range",
                    "column", "weight")).isEqualTo(1.0);
            assertThat(scrape.sum("kiln_validation_requests_total", "model", "watched", "outcome", "warned")).isEqualTo(1.0);
            assertThat(http.get("/api/models/watched").json().path("versions").get(0).path("baseline").toString())
                    .isEqualTo("[\"expectations.yaml\",\"reference.csv\"]");
        }
    }

    @Test
    void failingValuesAreRefusedWhenTheServerRejects(@TempDir Path home) {
        try (KilnServer server = start(home, InputPolicy.REJECT)) {
            Http http = new Http(server);
            Http.Reply r = http.post("/api/models/watched/predict", HEAVY);
            assertThat(r.status()).isEqualTo(422);
            assertThat(r.contentType()).startsWith("application/problem+json");
            assertThat(r.json().path("errors").get(0).path("pointer").asText()).isEqualTo("/instances/1/weight");
            assertThat(Scrape.of(http).sum("kiln_validation_requests_total", "model", "watched", "outcome", "rejected")).isEqualTo(1.0);
            assertThat(http.post("/api/models/watched/predict", "{\"instances\": [[10, 2, \"red\"]]}").status()).isEqualTo(200);
            assertThat(http.post("/api/models/fruit/predict", HEAVY).status()).as("a model without expectations is not checked")
                    .isEqualTo(200);
        }
    }

    @Test
    void theInferenceProtocolIsCheckedToo(@TempDir Path home) {
        try (KilnServer server = start(home, InputPolicy.REJECT)) {
            Http.Reply r = new Http(server).post("/v2/models/watched/infer", """
                    {"inputs": [{"name": "weight", "shape": [2], "datatype": "FP64", "data": [150, 900]},
                                {"name": "seeds", "shape": [2], "datatype": "INT64", "data": [3, 4]},
                                {"name": "colour", "shape": [2], "datatype": "BYTES", "data": ["red", "green"]}]}
                    """);
            assertThat(r.status()).isEqualTo(422);
            assertThat(r.json().path("errors").get(0).path("pointer").asText()).isEqualTo("/inputs/0/data/1");
        }
    }

    @Test
    void nothingIsCheckedWhenValidationIsOff(@TempDir Path home) {
        try (KilnServer server = start(home, InputPolicy.OFF)) {
            Http http = new Http(server);
            Http.Reply r = http.post("/api/models/watched/predict", HEAVY);
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.json().has("warnings")).isFalse();
            assertThat(Scrape.of(http).has("kiln_validation_failures_total")).isFalse();
        }
    }
}
