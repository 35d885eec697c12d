package dev.kiln.serve.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

/** The Open Inference Protocol (KServe V2) routes: server, health, model metadata and readiness, infer. */
class InferenceProtocolTest extends ServedFixtureTest {
    @Test
    void serverMetadataAndHealth() {
        Http.Reply meta = http.get("/v2");
        assertThat(meta.status()).isEqualTo(200);
        assertThat(meta.json().path("name").asText()).isEqualTo("kiln");
        assertThat(meta.json().path("extensions").isArray()).isTrue();
        assertThat(http.get("/v2/health/live").status()).isEqualTo(200);
        assertThat(http.get("/v2/health/ready").status()).isEqualTo(200);
    }

    @Test
    void modelMetadataListsTypedInputsAndOutputs() {
        Http.Reply r = http.get("/v2/models/fruit");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        JsonNode m = r.json();
        assertThat(m.path("name").asText()).isEqualTo("fruit");
        assertThat(m.path("versions").toString()).isEqualTo("[\"1\"]");
        assertThat(m.path("platform").asText()).isEqualTo("kiln");
        assertThat(m.path("inputs").toString()).isEqualTo("[{\"name\":\"weight\",\"datatype\":\"FP64\",\"shape\":[-1]},"
                + "{\"name\":\"seeds\",\"datatype\":\"INT64\",\"shape\":[-1]},{\"name\":\"colour\",\"datatype\":\"BYTES\",\"shape\":[-1]}]");
        assertThat(m.path("outputs").get(0).path("name").asText()).isEqualTo("label");
        assertThat(http.get("/v2/models/fruit/versions/1").status()).isEqualTo(200);
        assertThat(http.get("/v2/models/fruit/ready").json().path("ready").asBoolean()).isTrue();
        assertThat(http.get("/v2/models/fruit/versions/1/ready").status()).isEqualTo(200);
    }

    @Test
    void inferTakesOneTensorPerColumn() {
        Http.Reply r = http.post("/v2/models/fruit/infer", """
                {"id": "req-1", "inputs": [
                  {"name": "weight", "shape": [2], "datatype": "FP32", "data": [150.0, 20.0]},
                  {"name": "seeds", "shape": [2, 1], "datatype": "INT64", "data": [[3], [1]]},
                  {"name": "colour", "shape": [2], "datatype": "BYTES", "data": ["green", "green"]}]}
                """);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.json().path("model_name").asText()).isEqualTo("fruit");
        assertThat(r.json().path("model_version").asText()).isEqualTo("1");
        assertThat(r.json().path("id").asText()).isEqualTo("req-1");
        JsonNode label = r.json().path("outputs").get(0);
        assertThat(label.path("datatype").asText()).isEqualTo("BYTES");
        assertThat(label.path("data").toString()).isEqualTo("[\"apple\",\"cherry\"]");
        JsonNode p = r.json().path("outputs").get(1);
        assertThat(p.path("shape").toString()).isEqualTo("[2,2]");
        assertThat(p.path("data").get(0).asDouble() + p.path("data").get(1).asDouble()).isCloseTo(1.0, Offset.offset(1e-9));
    }

    @Test
    void regressionAnswersOnePredictionTensor() {
        Http.Reply r = http.post("/v2/models/price/versions/1/infer",
                "{\"inputs\": [{\"name\": \"size\", \"shape\": [1], \"datatype\": \"INT32\", \"data\": [3]}]}");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.json().path("outputs").get(0).path("name").asText()).isEqualTo("prediction");
        // price = 2 size + 1
        assertThat(r.json().path("outputs").get(0).path("data").get(0).asDouble()).isCloseTo(7.0, Offset.offset(1e-9));
    }

    @Test
    void badTensorsAreReportedTogether() {
        Http.Reply r = http.post("/v2/models/fruit/infer", """
                {"inputs": [
                  {"name": "weight", "shape": [3], "datatype": "FP64", "data": [1.0, 2.0]},
                  {"name": "seeds", "shape": [2], "datatype": "BYTES", "data": ["a", "b"]},
                  {"name": "colour", "shape": [2], "datatype": "BYTES", "data": ["green", "green"]}]}
                """);
        assertThat(r.status()).as(r.body()).isEqualTo(422);
        assertThat(r.json().path("errors").get(0).path("pointer").asText()).isEqualTo("/inputs/0/shape");
        assertThat(r.json().path("errors").get(1).path("pointer").asText()).isEqualTo("/inputs/1/datatype");
        assertThat(r.json().path("error").asText()).isNotEmpty();
        Http.Reply missing = http.post("/v2/models/fruit/infer",
                "{\"inputs\": [{\"name\": \"weight\", \"shape\": [1], \"datatype\": \"FP64\", \"data\": [1.0]}]}");
        assertThat(missing.status()).isEqualTo(422);
        assertThat(missing.json().path("errors").toString()).contains("required input 'seeds'").contains("required input 'colour'");
    }
}
