package dev.kiln.serve.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kiln.serve.ServedModelsFixture;
import dev.kiln.serve.input.InputPolicy;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Numbers outside the range a column held in training: warned about by default, refused or ignored when configured so. */
class OutOfRangeTest extends ServedFixtureTest {

    @Test
    void warnedAboutByDefaultAndCountedInMetrics() {
        // price was fitted on sizes 0..4.
        Http.Reply r = http.post("/api/models/price/predict", "{\"instances\": [[2], [10], [-1]]}");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.json().path("predictions")).hasSize(3);
        assertThat(r.json().path("warnings")).hasSize(2);
        assertThat(r.json().path("warnings").get(0).path("pointer").asText()).isEqualTo("/instances/1/0");
        assertThat(r.json().path("warnings").get(0).path("detail").asText())
                .isEqualTo("10 is outside the range of column 'size' in training, [0, 4]");
        assertThat(r.json().path("warnings").get(1).path("pointer").asText()).isEqualTo("/instances/2/0");

        Http.Reply inside = http.post("/api/models/price/predict", "{\"instances\": [[4]]}");
        assertThat(inside.json().has("warnings")).isFalse();

        Scrape scrape = Scrape.of(http);
        assertThat(scrape.sum("kiln_input_out_of_range_total", "model", "price", "version", "1", "column", "size")).isEqualTo(2.0);
    }

    @Test
    void theInferenceProtocolWarnsInItsParameters() {
        Http.Reply r = http.post("/v2/models/fruit/infer", """
                {"inputs": [{"name": "weight", "shape": [2], "datatype": "FP64", "data": [150, 900]},
                            {"name": "seeds", "shape": [2], "datatype": "INT64", "data": [3, 4]},
                            {"name": "colour", "shape": [2], "datatype": "BYTES", "data": ["red", "green"]}]}
                """);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.json().path("parameters").path("warnings").get(0).path("pointer").asText()).isEqualTo("/inputs/0/data/1");
    }

    @Test
    void theModelsRangesAreInItsMetadata() {
        Http.Reply r = http.get("/api/models/price");
        assertThat(r.json().path("versions").get(0).path("feature_ranges").path("size").path("max").asDouble()).isEqualTo(4.0);
    }

    @Test
    void refusedWhenTheServerRejects(@TempDir Path home) {
        try (KilnServer strict = KilnServer.start(ServedModelsFixture.registry(home),
                ServerSettings.defaults().withHost("127.0.0.1").withPort(0).withOutOfRange(InputPolicy.REJECT))) {
            Http client = new Http(strict);
            Http.Reply r = client.post("/api/models/fruit/predict",
                    "{\"instances\": [{\"weight\": 250, \"seeds\": 3, \"colour\": \"red\"}, {\"weight\": 50, \"seeds\": 12, \"colour\": \"red\"}]}");
            assertThat(r.status()).isEqualTo(422);
            assertThat(r.contentType()).startsWith("application/problem+json");
            assertThat(r.json().path("errors")).hasSize(2);
            assertThat(r.json().path("errors").get(0).path("pointer").asText()).isEqualTo("/instances/0/weight");
            assertThat(r.json().path("errors").get(1).path("pointer").asText()).isEqualTo("/instances/1/seeds");
            assertThat(r.json().path("errors").get(1).path("detail").asText()).contains("[0, 9]");
            assertThat(client.post("/api/models/fruit/predict", "{\"instances\": [{\"weight\": 50, \"seeds\": 3, \"colour\": \"red\"}]}")
                    .status()).isEqualTo(200);
        }
    }

    @Test
    void notCheckedWhenOff(@TempDir Path home) {
        try (KilnServer lax = KilnServer.start(ServedModelsFixture.registry(home),
                ServerSettings.defaults().withHost("127.0.0.1").withPort(0).withOutOfRange(InputPolicy.OFF))) {
            Http.Reply r = new Http(lax).post("/api/models/price/predict", "{\"instances\": [[10]]}");
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.json().has("warnings")).isFalse();
        }
    }
}
