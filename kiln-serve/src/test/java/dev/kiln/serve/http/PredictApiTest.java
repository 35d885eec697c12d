package dev.kiln.serve.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** {@code POST /api/models/NAME/predict}: records by column name, rows in column order, and texts. */
class PredictApiTest extends ServedFixtureTest {
    @Test
    void recordsByColumnNameGetLabelsWithProbabilities() {
        Http.Reply r = http.post("/api/models/fruit/predict", """
                {"instances": [{"weight": 150.0, "seeds": 3, "colour": "green"}, {"weight": 20, "seeds": 1, "colour": "green", "note": "extra"}]}
                """);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.json().path("model").asText()).isEqualTo("fruit");
        assertThat(r.json().path("version").asInt()).isEqualTo(1);
        assertThat(r.json().path("predictions").get(0).path("label").asText()).isEqualTo("apple");
        assertThat(r.json().path("predictions").get(1).path("label").asText()).isEqualTo("cherry");
        double sum = r.json().path("predictions").get(0).path("probabilities").path("apple").asDouble()
                + r.json().path("predictions").get(0).path("probabilities").path("cherry").asDouble();
        assertThat(sum).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    void rowsInColumnOrderAndRegression() {
        Http.Reply r = http.post("/api/models/price/predict", "{\"instances\": [[10], [0.5]]}");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        // price = 2 size + 1 exactly (least squares through five collinear points)
        assertThat(r.json().path("predictions").get(0).path("value").asDouble()).isCloseTo(21.0, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(r.json().path("predictions").get(1).path("value").asDouble()).isCloseTo(2.0, org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    void aTextModelTakesBareStrings() {
        Http.Reply r = http.post("/api/models/mood/predict", "{\"instances\": [\"a great lovely film\", \"boring and awful\"]}");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.json().path("predictions").get(0).path("label").asText()).isEqualTo("pos");
        assertThat(r.json().path("predictions").get(1).path("label").asText()).isEqualTo("neg");
    }

    @Test
    void aVersionCanBeNamed() {
        assertThat(http.post("/api/models/price/versions/1/predict", "{\"instances\": [[1]]}").status()).isEqualTo(200);
        assertThat(http.post("/api/models/price/predict?version=latest", "{\"instances\": [[1]]}").status()).isEqualTo(200);
        Http.Reply missing = http.post("/api/models/price/versions/7/predict", "{\"instances\": [[1]]}");
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.json().path("detail").asText()).contains("no version 7");
    }
}
