package dev.kiln.serve.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Prediction metrics: rows per predicted class, classifiers' top-class probabilities, regressors' values. */
class PredictionMetricsTest extends ServedFixtureTest {
    private static final String CLASSES = "kiln_predictions_total";

    private static long count(Iterable<JsonNode> labels, String label) {
        long n = 0;
        for (JsonNode l : labels) {
            n += l.asText().equals(label) ? 1 : 0;
        }
        return n;
    }

    @Test
    void classCountsMoveByTheRowsPredictedOnBothApis() {
        String[] apple = {"model", "fruit", "version", "1", "class", "apple"};
        String[] cherry = {"model", "fruit", "version", "1", "class", "cherry"};
        Scrape before = Scrape.of(http);
        Http.Reply api = http.post("/api/models/fruit/predict", """
                {"instances": [{"weight": 150, "seeds": 3, "colour": "green"}, {"weight": 20, "seeds": 1, "colour": "green"},
                               {"weight": 30, "seeds": 2, "colour": "red"}, {"weight": 180, "seeds": 5, "colour": "red"},
                               {"weight": 10, "seeds": 0, "colour": "green"}]}""");
        Http.Reply v2 = http.post("/v2/models/fruit/infer", """
                {"inputs": [{"name": "weight", "shape": [2], "datatype": "FP64", "data": [160, 15]},
                            {"name": "seeds", "shape": [2], "datatype": "INT64", "data": [4, 1]},
                            {"name": "colour", "shape": [2], "datatype": "BYTES", "data": ["green", "green"]}]}""");
        assertThat(api.status()).as(api.body()).isEqualTo(200);
        assertThat(v2.status()).as(v2.body()).isEqualTo(200);
        List<JsonNode> labels = api.json().path("predictions").findValues("label");
        JsonNode inferred = v2.json().path("outputs").get(0).path("data");
        long apples = count(labels, "apple") + count(inferred, "apple");
        long cherries = count(labels, "cherry") + count(inferred, "cherry");
        assertThat(apples + cherries).isEqualTo(7);
        assertThat(apples).isPositive();
        assertThat(cherries).isPositive();

        Scrape after = Scrape.of(http);
        assertThat(after.sum(CLASSES, apple) - before.sum(CLASSES, apple)).isEqualTo(apples);
        assertThat(after.sum(CLASSES, cherry) - before.sum(CLASSES, cherry)).isEqualTo(cherries);
    }

    @Test
    void aClassifierRecordsTheProbabilityOfEachPredictedClass() {
        String[] fruit = {"model", "fruit", "version", "1"};
        Scrape before = Scrape.of(http);
        Http.Reply r = http.post("/api/models/fruit/predict", """
                {"instances": [{"weight": 150, "seeds": 3, "colour": "green"}, {"weight": 20, "seeds": 1, "colour": "green"}]}""");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        double top = 0;
        for (JsonNode p : r.json().path("predictions")) {
            top += p.path("probabilities").path(p.path("label").asText()).asDouble();
        }
        Scrape after = Scrape.of(http);

        assertThat(after.sum("kiln_prediction_probability_count", fruit) - before.sum("kiln_prediction_probability_count", fruit))
                .isEqualTo(2);
        assertThat(after.sum("kiln_prediction_probability_sum", fruit) - before.sum("kiln_prediction_probability_sum", fruit))
                .isCloseTo(top, within(1e-9));
        String[] atMostOne = {"model", "fruit", "version", "1", "le", "1.0"};
        assertThat(after.sum("kiln_prediction_probability_bucket", atMostOne) - before.sum("kiln_prediction_probability_bucket", atMostOne))
                .isEqualTo(2);
        String[] belowHalf = {"model", "fruit", "version", "1", "le", "0.4"};
        assertThat(after.sum("kiln_prediction_probability_bucket", belowHalf) - before.sum("kiln_prediction_probability_bucket", belowHalf))
                .as("a predicted class of two has a probability of at least 0.5").isZero();
    }

    @Test
    void aRegressorRecordsItsValuesNegativeOnesIncluded() {
        Scrape before = Scrape.of(http);
        // price = 2 size + 1: 21, 2 and -5
        assertThat(http.post("/api/models/price/predict", "{\"instances\": [[10], [0.5], [-3]]}").status()).isEqualTo(200);
        Scrape after = Scrape.of(http);

        String[] price = {"model", "price", "version", "1"};
        assertThat(after.sum("kiln_prediction_value_count", price) - before.sum("kiln_prediction_value_count", price)).isEqualTo(3);
        assertThat(after.sum("kiln_prediction_value_sum", price) - before.sum("kiln_prediction_value_sum", price)).isCloseTo(18, within(1e-9));
        for (String[] bucket : new String[][] {{"-2.0", "1"}, {"0.0", "1"}, {"20.0", "2"}, {"50.0", "3"}}) {
            String[] le = {"model", "price", "version", "1", "le", bucket[0]};
            assertThat(after.sum("kiln_prediction_value_bucket", le) - before.sum("kiln_prediction_value_bucket", le))
                    .as("le " + bucket[0]).isEqualTo(Double.parseDouble(bucket[1]));
        }
        assertThat(after.samples()).noneMatch(s -> s.name().equals(CLASSES) && "price".equals(s.labels().get("model")));
    }
}
