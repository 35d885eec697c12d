package dev.kiln.serve.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kiln.core.frame.Frame;
import dev.kiln.core.model.ClassificationPrediction;
import dev.kiln.core.model.Pipeline;
import dev.kiln.core.model.PipelineModel;
import dev.kiln.core.modelfile.ModelFile;
import dev.kiln.core.modelfile.ModelInfo;
import dev.kiln.learn.ensemble.RandomForestClassifier;
import dev.kiln.learn.preprocess.encode.OneHotEncoder;
import dev.kiln.learn.tree.DecisionTreeClassifier;
import dev.kiln.serve.ServedModelsFixture;
import dev.kiln.serve.registry.ModelRegistry;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code POST /api/models/NAME/explain}: SHAP values that add up, keyed by input columns, in the published schema. */
class ExplainEndpointTest {
    private static final String TWO_FRUITS = """
            {"instances": [{"weight": 150.0, "seeds": 3, "colour": "green"}, {"weight": 20, "seeds": 1, "colour": "red"},
                           {"weight": 60, "seeds": 7, "colour": "green"}]}
            """;

    @TempDir
    static Path home;
    static KilnServer server;
    static Http http;
    static PipelineModel<ClassificationPrediction> orchard;

    @BeforeAll
    static void start() {
        ModelRegistry registry = ServedModelsFixture.registry(home);
        Frame train = ServedModelsFixture.fruit(200, 2);
        orchard = Pipeline.of(new OneHotEncoder(), new RandomForestClassifier(RandomForestClassifier.Params.defaults()
                .withNEstimators(10).withTree(DecisionTreeClassifier.Params.defaults().withMaxDepth(4)))).fit(train, "kind");
        ModelFile.save(orchard, home.resolve("saved/orchard"), ModelInfo.none());
        registry.register("orchard", home.resolve("saved/orchard"), "one-hot + random forest");
        server = KilnServer.start(registry, ServerSettings.defaults().withHost("127.0.0.1").withPort(0));
        http = new Http(server);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void aForestIsExplainedWithTreeShapOnItsInputColumns() {
        Http.Reply r = http.post("/api/models/orchard/explain", TWO_FRUITS);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        JsonNode body = r.json();
        assertThat(body.path("model").asText()).isEqualTo("orchard");
        assertThat(body.path("version").asInt()).isEqualTo(1);
        assertThat(body.path("explanations")).hasSize(3);
        for (JsonNode e : body.path("explanations")) {
            assertThat(e.path("method").asText()).isEqualTo("tree");
            assertThat(e.path("output").asText()).isEqualTo("probability");
            assertThat(e.path("class").asText()).isEqualTo("cherry");
            assertThat(fieldNames(e.path("values"))).containsExactly("weight", "seeds", "colour");
            assertThat(sum(e)).isCloseTo(e.path("prediction").asDouble(), within(1e-6));
        }
        JsonNode first = body.path("explanations").get(0);
        assertThat(first.path("feature_values").path("colour").asText()).isEqualTo("green");
        assertThat(first.path("feature_values").path("weight").asDouble()).isEqualTo(150.0);
        assertThat(new ApiSchemas(http.get("/openapi.json").json()).violations("ExplainResponse", body))
                .as("fits its OpenAPI schema").isEmpty();
    }

    @Test
    void aLinearPipelineUsesTheInstancesAsBackgroundOrTheGivenOne() {
        Http.Reply r = http.post("/api/models/fruit/explain", TWO_FRUITS);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        for (JsonNode e : r.json().path("explanations")) {
            assertThat(e.path("method").asText()).isEqualTo("linear");
            assertThat(e.path("output").asText()).isEqualTo("log_odds");
            assertThat(sum(e)).isCloseTo(e.path("prediction").asDouble(), within(1e-6));
        }
        Http.Reply withBackground = http.post("/api/models/price/explain",
                "{\"instances\": [[3]], \"background\": [[1], [2]]}");
        assertThat(withBackground.status()).as(withBackground.body()).isEqualTo(200);
        // price = 2 size + 1: against the background mean size 1.5, size 3 contributes 2 · 1.5 = 3.
        JsonNode e = withBackground.json().path("explanations").get(0);
        assertThat(e.path("values").path("size").asDouble()).isCloseTo(3.0, within(1e-9));
        assertThat(e.path("base_value").asDouble()).isCloseTo(4.0, within(1e-9));
    }

    @Test
    void aBackgroundAsksForInterventionalTreeShap() {
        Http.Reply r = http.post("/api/models/orchard/explain", """
                {"instances": [{"weight": 150.0, "seeds": 3, "colour": "green"}], "class": "apple",
                 "background": [{"weight": 10, "seeds": 0, "colour": "green"}]}
                """);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        JsonNode e = r.json().path("explanations").get(0);
        assertThat(e.path("class").asText()).isEqualTo("apple");
        // With one background row the base value is the model's output for that row.
        Frame reference = Frame.of(dev.kiln.core.frame.DoubleColumn.of("weight", 10),
                dev.kiln.core.frame.LongColumn.of("seeds", 0), dev.kiln.core.frame.CategoricalColumn.of("colour", "green"));
        double expected = orchard.predict(reference).probabilities(0)[orchard.predict(reference).classes().indexOf("apple")];
        assertThat(e.path("base_value").asDouble()).isCloseTo(expected, within(1e-9));
        assertThat(sum(e)).isCloseTo(e.path("prediction").asDouble(), within(1e-6));
    }

    @Test
    void invalidInputIsAProblemLikePredict() {
        Http.Reply bad = http.post("/api/models/fruit/explain", "{\"instances\": [{\"weight\": \"heavy\"}]}");
        assertThat(bad.status()).isEqualTo(422);
        assertThat(bad.contentType()).startsWith(Problem.MEDIA_TYPE);
        assertThat(bad.json().path("type").asText()).isEqualTo("urn:kiln:problem:invalid-input");
        assertThat(new ApiSchemas(http.get("/openapi.json").json()).violations("Problem", bad.json())).isEmpty();

        Http.Reply method = http.post("/api/models/price/explain", "{\"instances\": [[1], [2]], \"method\": \"tree\"}");
        assertThat(method.status()).isEqualTo(422);
        assertThat(method.json().path("detail").asText()).contains("method 'tree'");

        Http.Reply unknown = http.post("/api/models/price/explain", "{\"instances\": [[1], [2]], \"method\": \"magic\"}");
        assertThat(unknown.status()).isEqualTo(422);
        assertThat(unknown.json().path("errors").get(0).path("pointer").asText()).isEqualTo("/method");

        Http.Reply lonely = http.post("/api/models/price/explain", "{\"instances\": [[1]]}");
        assertThat(lonely.status()).isEqualTo(422);
        assertThat(lonely.json().path("errors").get(0).path("detail").asText()).contains("at least 2 rows");

        assertThat(http.post("/api/models/nothing/explain", "{\"instances\": [[1]]}").status()).isEqualTo(404);
    }

    @Test
    void theRouteIsDescribedAndNeedsThePredictScope() {
        JsonNode op = http.get("/openapi.json").json().path("paths").path("/api/models/{name}/explain").path("post");
        assertThat(op.isMissingNode()).isFalse();
        assertThat(op.toString()).contains("ExplainRequest", "ExplainResponse", "predict");
        assertThat(KeyCheck.needed("POST", "/api/models/fruit/explain")).isEqualTo(Optional.of(Scope.PREDICT));
        assertThat(KeyCheck.needed("POST", "/api/models/fruit/versions/1/explain")).isEqualTo(Optional.of(Scope.PREDICT));
    }

    private static double sum(JsonNode e) {
        double total = e.path("base_value").asDouble();
        for (var value : e.path("values").properties()) {
            total += value.getValue().asDouble();
        }
        return total;
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
