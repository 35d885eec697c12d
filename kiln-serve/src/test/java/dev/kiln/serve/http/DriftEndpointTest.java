package dev.kiln.serve.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kiln.core.io.CsvWriter;
import dev.kiln.serve.ServedModelsFixture;
import dev.kiln.serve.monitor.BaselineFiles;
import dev.kiln.serve.monitor.MonitorSettings;
import dev.kiln.serve.registry.ModelRegistry;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code GET /api/models/NAME/drift}: collecting until traffic arrives, then the comparison of the
 * window with the training reference, as JSON that fits its schema, as an HTML report, and as
 * Prometheus gauges.
 */
class DriftEndpointTest {
    @TempDir
    static Path home;
    static KilnServer server;
    static Http http;

    @BeforeAll
    static void start() {
        ModelRegistry registry = ServedModelsFixture.registry(home);
        Path training = home.resolve("fruit.csv");
        CsvWriter.write(ServedModelsFixture.fruit(1000, 1), training);
        BaselineFiles.register(registry, "watched", home.resolve("saved/fruit"), "", training, null);
        BaselineFiles.register(registry, "quiet", home.resolve("saved/fruit"), "", training, null);
        server = KilnServer.start(registry, ServerSettings.defaults().withHost("127.0.0.1").withPort(0)
                .withMonitoring(MonitorSettings.defaults().withDriftInterval(Duration.ZERO)));
        http = new Http(server);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    /** {@code n} records of heavy red fruit: weights from 200 to 400, where training had 0 to 200. */
    private static String heavyRed(int n) {
        StringBuilder out = new StringBuilder("{\"instances\": [");
        for (int i = 0; i < n; i++) {
            out.append(i == 0 ? "" : ",").append(String.format(Locale.ROOT, "{\"weight\": %.1f, \"seeds\": %d, \"colour\": \"red\"}",
                    200 + 200.0 * i / n, i % 10));
        }
        return out.append("]}").toString();
    }

    @Test
    void collectsUntilTrafficArrivesThenReportsTheDrift() {
        Http.Reply before = http.get("/api/models/watched/drift");
        assertThat(before.status()).as(before.body()).isEqualTo(200);
        assertThat(before.json().path("status").asText()).isEqualTo("collecting");
        assertThat(before.json().path("min_window_rows").asInt()).isEqualTo(100);

        assertThat(http.post("/api/models/watched/predict", heavyRed(150)).status()).isEqualTo(200);
        Http.Reply r = http.get("/api/models/watched/drift?refresh=true");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        JsonNode drift = r.json().path("drift");
        assertThat(r.json().path("window_rows").asInt()).isEqualTo(150);
        assertThat(r.json().path("reference_rows").asInt()).isEqualTo(1000);
        assertThat(drift.path("dataset_drift").asBoolean()).isTrue();
        assertThat(drift.path("columns").path("weight").path("drift").asBoolean()).isTrue();
        assertThat(drift.path("columns").path("weight").path("test").asText()).isEqualTo("ks");
        assertThat(drift.path("columns").path("prediction").path("drift").asBoolean()).as("all heavy red fruit are apples").isTrue();
        assertThat(r.json().path("expectations").path("success").asBoolean()).isFalse();
        assertThat(new ApiSchemas(http.get("/openapi.json").json()).violations("DriftReport", r.json())).isEmpty();
        assertThat(new ApiSchemas(http.get("/openapi.json").json()).violations("DriftReport", before.json())).isEmpty();

        Http.Reply latest = http.get("/api/models/watched/versions/1/drift");
        assertThat(latest.json().path("computed_at").asText()).isEqualTo(r.json().path("computed_at").asText());

        Scrape scrape = Scrape.of(http);
        assertThat(scrape.sum("kiln_dataset_drift", "model", "watched", "version", "1")).isEqualTo(1.0);
        assertThat(scrape.sum("kiln_drift_detected", "model", "watched", "column", "weight")).isEqualTo(1.0);
        assertThat(scrape.has("kiln_drift_score", "model", "watched", "column", "colour")).isTrue();
        assertThat(scrape.sum("kiln_drift_window_rows", "model", "watched")).isEqualTo(150.0);

        Http.Reply html = http.get("/api/models/watched/drift?format=html");
        assertThat(html.status()).isEqualTo(200);
        assertThat(html.contentType()).startsWith("text/html");
        assertThat(html.body()).contains("Data drift").contains("data:image/svg+xml;base64,");
    }

    @Test
    void refreshingWithoutTrafficIsAConflict() {
        Http.Reply r = http.get("/api/models/quiet/drift?refresh=true");
        assertThat(r.status()).isEqualTo(409);
        assertThat(r.json().path("detail").asText()).contains("predicted nothing");
        assertThat(http.get("/api/models/quiet/drift?format=html").status()).isEqualTo(409);
    }

    @Test
    void aModelWithoutABaselineHasNoDriftToReport() {
        Http.Reply r = http.get("/api/models/fruit/drift");
        assertThat(r.status()).isEqualTo(404);
        assertThat(r.json().path("type").asText()).endsWith("no-baseline");
        assertThat(r.json().path("detail").asText()).contains("--reference");
    }

    @Test
    void badParametersAreNamed() {
        assertThat(http.get("/api/models/watched/drift?format=pdf").json().path("detail").asText())
                .isEqualTo("format must be json or html, got 'pdf'");
        assertThat(http.get("/api/models/watched/drift?refresh=yes").status()).isEqualTo(400);
        assertThat(http.get("/api/models/nothing/drift").status()).isEqualTo(404);
    }
}
