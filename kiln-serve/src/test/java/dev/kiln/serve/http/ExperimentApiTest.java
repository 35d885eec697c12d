package dev.kiln.serve.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kiln.core.random.Rng;
import dev.kiln.serve.ServedModelsFixture;
import dev.kiln.serve.experiment.CrashingRegression;
import dev.kiln.serve.registry.ModelRegistry;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Experiments through the server's API, with real models: sticky A/B routing with a shadow that
 * sees every request and answers none, outcomes attributed to the variant that answered,
 * promotion of a variant to champion, a canary that ramps on healthy traffic and one that is
 * rolled back when its model fails, and the Prometheus series of all that.
 */
class ExperimentApiTest {
    @TempDir
    static Path home;
    static KilnServer server;
    static Http http;
    static ApiSchemas schemas;

    @BeforeAll
    static void start() {
        ModelRegistry registry = ServedModelsFixture.registry(home);
        registry.register("fruit", home.resolve("saved/fruit"), "the same classifier again");
        registry.register("price", CrashingRegression.save(home.resolve("saved/crashing"), 3), "fails above size 3");
        registry.register("price", home.resolve("saved/price"), "the healthy one again");
        server = KilnServer.start(registry, ServerSettings.defaults().withHost("127.0.0.1").withPort(0));
        http = new Http(server);
        schemas = new ApiSchemas(http.get("/openapi.json").json());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static Http.Reply predict(String model, String user, String body) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(http.base() + "/api/models/" + model + "/predict"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        if (user != null) {
            b.header("X-User-Id", user);
        }
        return http.send(b.build());
    }

    private static JsonNode variant(JsonNode status, String name) {
        for (JsonNode v : status.path("variants")) {
            if (v.path("name").asText().equals(name)) {
                return v;
            }
        }
        throw new AssertionError("no variant " + name + " in " + status);
    }

    private static String fruit(Rng rng) {
        return String.format(Locale.ROOT, "{\"instances\": [{\"weight\": %.1f, \"seeds\": %d, \"colour\": \"%s\"}]}",
                rng.nextDouble() * 199, rng.nextInt(10), rng.nextBoolean() ? "red" : "green");
    }

    @Test
    void anAbTestRoutesStickilyShadowsAndAttributesOutcomes() throws Exception {
        Http.Reply created = http.post("/api/experiments", """
                {"id": "fruit-ab", "model": "fruit", "variants": [{"name": "A", "version": 1}, {"name": "B", "version": 2},
                 {"name": "S", "version": "latest", "shadow": true}]}""");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.json().path("state").asText()).isEqualTo("running");
        assertThat(schemas.violations("Experiment", created.json())).isEmpty();

        Rng rng = Rng.seeded(7);
        Map<String, String> variantOf = new HashMap<>();
        Map<String, String> requestVariant = new HashMap<>();
        Map<String, String> requestLabel = new HashMap<>();
        int answered = 0;
        for (int u = 0; u < 60; u++) {
            String user = "user-" + u;
            for (int k = 0; k < 2; k++) {
                Http.Reply r = predict("fruit", user, fruit(rng));
                assertThat(r.status()).as(r.body()).isEqualTo(200);
                String v = r.json().path("experiment").path("variant").asText();
                assertThat(r.headers().firstValue("X-Kiln-Variant")).hasValue(v);
                assertThat(r.json().path("experiment").path("unit").asText()).isEqualTo("X-User-Id");
                assertThat(r.json().path("version").asInt()).isEqualTo(v.equals("A") ? 1 : 2);
                assertThat(variantOf.putIfAbsent(user, v)).as("sticky: " + user).isIn(null, v);
                requestVariant.put(r.requestId(), v);
                requestLabel.put(r.requestId(), r.json().path("predictions").get(0).path("label").asText());
                answered++;
            }
        }
        assertThat(variantOf.values()).as("a shadow never answers").containsOnly("A", "B").contains("A", "B");
        Http.Reply anonymous = predict("fruit", null, fruit(rng));
        assertThat(anonymous.json().path("experiment").path("unit").asText()).isEqualTo("request_id");
        assertThat(anonymous.json().path("experiment").path("note").asText()).contains("no X-User-Id header");
        assertThat(schemas.violations("PredictResponse", anonymous.json())).isEmpty();
        answered++;
        Http.Reply pinned = http.post("/api/models/fruit/predict?version=1", fruit(rng));
        assertThat(pinned.json().has("experiment")).as("a named version bypasses the experiment").isFalse();
        assertThat(pinned.headers().firstValue("X-Kiln-Variant")).isEmpty();
        Http.Reply bad = predict("fruit", "user-0", "{\"instances\": [{\"weight\": \"heavy\"}]}");
        assertThat(bad.status()).isEqualTo(422);

        List<String> ids = new ArrayList<>(requestVariant.keySet());
        StringBuilder outcomes = new StringBuilder("{\"outcomes\": [");
        Map<String, Integer> conversions = new HashMap<>();
        Map<String, Integer> correct = new HashMap<>();
        for (int i = 0; i < 40; i++) {
            String id = ids.get(i);
            boolean converted = i % 3 == 0;
            String truth = i % 2 == 0 ? requestLabel.get(id) : "pear";
            outcomes.append("{\"request_id\": \"").append(id).append("\", \"converted\": ").append(converted)
                    .append(", \"label\": \"").append(truth).append("\"},");
            conversions.merge(requestVariant.get(id), converted ? 1 : 0, Integer::sum);
            correct.merge(requestVariant.get(id), i % 2 == 0 ? 1 : 0, Integer::sum);
        }
        outcomes.append("{\"request_id\": \"no-such-request\", \"converted\": true}]}");
        Http.Reply reported = http.post("/api/experiments/fruit-ab/outcomes", outcomes.toString());
        assertThat(reported.status()).as(reported.body()).isEqualTo(200);
        assertThat(reported.json().path("accepted").asInt()).isEqualTo(40);
        assertThat(reported.json().path("errors").get(0).path("pointer").asText()).isEqualTo("/outcomes/40/request_id");
        assertThat(reported.json().path("errors").get(0).path("detail").asText()).contains("no request 'no-such-request'")
                .contains("unknown or expired");
        assertThat(schemas.violations("OutcomesResponse", reported.json())).isEmpty();
        Http.Reply again = http.post("/api/experiments/fruit-ab/outcomes", "{\"outcomes\": [{\"request_id\": \"" + ids.get(0)
                + "\", \"converted\": true}]}");
        assertThat(again.status()).as("nothing attributed: a problem").isEqualTo(422);
        assertThat(again.json().path("errors").get(0).path("detail").asText()).contains("already has a conversion outcome");

        JsonNode status = http.get("/api/experiments/fruit-ab").json();
        assertThat(schemas.violations("Experiment", status)).isEmpty();
        long routed = 0;
        for (String v : List.of("A", "B")) {
            JsonNode n = variant(status, v);
            routed += n.path("requests").asLong();
            assertThat(n.path("conversions").asInt()).as(v).isEqualTo(conversions.getOrDefault(v, 0));
            assertThat(n.path("accuracy").path("correct").asInt()).as(v).isEqualTo(correct.getOrDefault(v, 0));
            assertThat(n.path("latency_ms").path("p95").asDouble()).isPositive();
        }
        assertThat(routed).as("every routed request, the 422 included").isEqualTo(answered + 1);
        assertThat(variant(status, "A").path("errors").asInt() + variant(status, "B").path("errors").asInt())
                .as("bad input is not the model failing").isZero();
        long deadline = System.nanoTime() + 10_000_000_000L;
        JsonNode shadow = variant(status, "S");
        while (shadow.path("requests").asLong() < answered && System.nanoTime() < deadline) {
            Thread.sleep(20);
            shadow = variant(http.get("/api/experiments/fruit-ab").json(), "S");
        }
        assertThat(shadow.path("requests").asLong()).as("the shadow got a copy of every answered request").isEqualTo(answered);
        assertThat(shadow.path("errors").asInt()).isZero();
        assertThat(shadow.path("agreement").path("rate").asDouble()).as("the same model file agrees on every row").isEqualTo(1.0);
        assertThat(shadow.path("traffic_share").asDouble()).isZero();
        assertThat(status.path("verdict").path("decision").asText()).isEqualTo("keep_running");
        assertThat(status.path("power").path("units_per_arm").asLong()).isEqualTo(57_763);

        Scrape metrics = Scrape.of(http);
        assertThat(metrics.sum("kiln_experiment_requests_total", "experiment", "fruit-ab", "variant", "A"))
                .isEqualTo(variant(status, "A").path("requests").asDouble());
        assertThat(metrics.sum("kiln_experiment_conversions_total", "experiment", "fruit-ab"))
                .isEqualTo(conversions.values().stream().mapToInt(Integer::intValue).sum());
        assertThat(metrics.sum("kiln_experiment_outcomes_total", "experiment", "fruit-ab")).isEqualTo(40);
        assertThat(metrics.sum("kiln_experiment_traffic_share", "experiment", "fruit-ab", "variant", "B")).isEqualTo(0.5);
        assertThat(metrics.sum("kiln_experiment_latency_seconds_count", "experiment", "fruit-ab", "variant", "S")).isEqualTo(answered);
        assertThat(metrics.has("kiln_experiment_errors_total", "experiment", "fruit-ab", "variant", "B")).isTrue();
        assertThat(metrics.has("kiln_experiment_rollbacks_total", "experiment", "fruit-ab")).isTrue();

        Http.Reply noWinner = http.post("/api/experiments/fruit-ab/promote", "");
        assertThat(noWinner.status()).isEqualTo(409);
        assertThat(noWinner.json().path("type").asText()).isEqualTo("urn:kiln:problem:experiment-conflict");
        assertThat(noWinner.json().path("detail").asText()).contains("no winner to promote (keep_running");
        Http.Reply promoted = http.post("/api/experiments/fruit-ab/promote", "{\"variant\": \"B\"}");
        assertThat(promoted.status()).as(promoted.body()).isEqualTo(200);
        assertThat(schemas.violations("ExperimentPromotion", promoted.json())).isEmpty();
        assertThat(promoted.json().path("version").asInt()).isEqualTo(2);
        assertThat(http.get("/api/models/fruit").json().path("aliases").path("champion").asInt()).isEqualTo(2);
        assertThat(http.get("/api/experiments/fruit-ab").json().path("state").asText()).isEqualTo("promoted");
        Http.Reply after = predict("fruit", "user-1", fruit(rng));
        assertThat(after.json().has("experiment")).isFalse();
        assertThat(after.json().path("version").asInt()).as("the new champion").isEqualTo(2);
        assertThat(Scrape.of(http).sum("kiln_experiment_traffic_share", "experiment", "fruit-ab")).as("ended").isZero();
        JsonNode list = http.get("/api/experiments").json();
        assertThat(schemas.violations("ExperimentList", list)).isEmpty();
        assertThat(list.path("experiments").findValuesAsText("id")).contains("fruit-ab");
    }

    @Test
    void aCanaryRampsOnHealthyTrafficAndIsRolledBackWhenItsModelFails() {
        Http.Reply healthy = http.post("/api/experiments", """
                {"id": "price-healthy", "model": "price", "variants": [{"name": "stable", "version": 1}, {"name": "next", "version": 3}],
                 "canary": {"variant": "next", "steps": [10, 50, 100], "step_requests": 20, "max_error_rate": 0.05,
                            "max_latency_ms": 5000}}""");
        assertThat(healthy.status()).as(healthy.body()).isEqualTo(201);
        Rng rng = Rng.seeded(11);
        JsonNode status = healthy.json();
        for (int i = 0; i < 3000 && !status.path("canary").path("completed").asBoolean(); i++) {
            Http.Reply r = predict("price", "u" + rng.nextLong(), "{\"instances\": [[" + rng.nextDouble() * 4 + "]]}");
            assertThat(r.status()).as(r.body()).isEqualTo(200);
            if (i % 10 == 9) {
                status = http.get("/api/experiments/price-healthy").json();
            }
        }
        assertThat(status.path("canary").path("step").asInt()).as(status.toString()).isEqualTo(3);
        assertThat(variant(status, "next").path("traffic_share").asDouble()).isEqualTo(1.0);
        assertThat(Scrape.of(http).sum("kiln_experiment_traffic_share", "experiment", "price-healthy", "variant", "next")).isEqualTo(1.0);
        assertThat(http.post("/api/experiments/price-healthy/stop", "").json().path("state").asText()).isEqualTo("stopped");

        Http.Reply broken = http.post("/api/experiments", """
                {"id": "price-broken", "model": "price", "variants": [{"name": "stable", "version": 1}, {"name": "next", "version": 2}],
                 "canary": {"variant": "next", "steps": [20, 50, 100], "step_requests": 200, "max_error_rate": 0.05}}""");
        assertThat(broken.status()).as(broken.body()).isEqualTo(201);
        for (int i = 0; i < 40; i++) {
            assertThat(predict("price", "bad-" + i, "{\"instances\": [[\"big\"]]}").status()).isEqualTo(422);
        }
        status = http.get("/api/experiments/price-broken").json();
        assertThat(variant(status, "next").path("requests").asInt()).as("some bad input met the candidate").isPositive();
        assertThat(status.path("state").asText()).as("the caller's bad input is not the model failing").isEqualTo("running");
        int failures = 0;
        for (int i = 0; i < 3000 && status.path("state").asText().equals("running"); i++) {
            Http.Reply r = predict("price", "u" + rng.nextLong(), "{\"instances\": [[" + rng.nextDouble() * 4 + "]]}");
            if (r.status() == 500) {
                failures++;
                assertThat(r.headers().firstValue("X-Kiln-Variant")).hasValue("next");
            }
            if (i % 5 == 4) {
                status = http.get("/api/experiments/price-broken").json();
            }
        }
        assertThat(failures).isPositive();
        assertThat(status.path("state").asText()).isEqualTo("rolled_back");
        assertThat(status.path("rollback_reason").asText()).startsWith("error rate").contains("at step 1 (20%) is above max_error_rate 0.05");
        assertThat(variant(status, "next").path("traffic_share").asDouble()).isZero();
        assertThat(variant(status, "next").path("errors").asInt()).isEqualTo(failures);
        for (int i = 0; i < 30; i++) {
            Http.Reply r = predict("price", "after-" + i, "{\"instances\": [[3.9]]}");
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.json().path("experiment").path("variant").asText()).isEqualTo("stable");
        }
        Scrape metrics = Scrape.of(http);
        assertThat(metrics.sum("kiln_experiment_rollbacks_total", "experiment", "price-broken")).isEqualTo(1);
        assertThat(metrics.sum("kiln_experiment_errors_total", "experiment", "price-broken", "variant", "next")).isEqualTo(failures);
        Http.Reply refused = http.post("/api/experiments/price-broken/promote", "{\"variant\": \"next\"}");
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.json().path("detail").asText()).contains("was rolled back");
        assertThat(http.post("/api/experiments/price-broken/stop", "").status()).isEqualTo(200);
    }

    @Test
    void mistakesAreProblems() {
        Http.Reply invalid = http.post("/api/experiments", """
                {"id": "m", "model": "mood", "variants": [{"name": "A", "version": 1}, {"name": "B", "version": 9, "weight": -1}]}""");
        assertThat(invalid.status()).isEqualTo(422);
        assertThat(invalid.contentType()).startsWith(Problem.MEDIA_TYPE);
        assertThat(invalid.json().path("errors").get(0).path("pointer").asText()).isEqualTo("/variants/1/weight");
        assertThat(invalid.json().path("errors").get(0).path("detail").asText()).isEqualTo("expected a number > 0");
        Http.Reply unknownVersion = http.post("/api/experiments", """
                {"id": "m", "model": "mood", "variants": [{"name": "A", "version": 1}, {"name": "B", "version": 9}]}""");
        assertThat(unknownVersion.status()).isEqualTo(422);
        assertThat(unknownVersion.json().path("errors").get(0).path("pointer").asText()).isEqualTo("/variants/1/version");
        Http.Reply unknown = http.get("/api/experiments/nope");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.json().path("type").asText()).isEqualTo("urn:kiln:problem:unknown-experiment");
        assertThat(http.post("/api/experiments/nope/outcomes", "{\"outcomes\": []}").status()).isEqualTo(404);
        assertThat(http.post("/api/experiments", """
                {"id": "mood-1", "model": "mood", "variants": [{"name": "A", "version": 1}, {"name": "B", "version": 1}]}""").status())
                .isEqualTo(201);
        Http.Reply twice = http.post("/api/experiments", """
                {"id": "mood-1", "model": "mood", "variants": [{"name": "A", "version": 1}, {"name": "B", "version": 1}]}""");
        assertThat(twice.status()).isEqualTo(409);
        Http.Reply empty = http.post("/api/experiments/mood-1/outcomes", "{\"outcomes\": []}");
        assertThat(empty.status()).isEqualTo(422);
        assertThat(empty.json().path("errors").get(0).path("pointer").asText()).isEqualTo("/outcomes");
        Http.Reply wrongVariant = http.post("/api/experiments/mood-1/promote", "{\"variant\": \"C\"}");
        assertThat(wrongVariant.status()).isEqualTo(422);
        assertThat(wrongVariant.json().path("errors").get(0).path("detail").asText()).contains("no variant named 'C'");
        assertThat(http.post("/api/experiments/mood-1/stop", "").status()).isEqualTo(200);
        assertThat(http.post("/api/experiments/mood-1/stop", "").status()).isEqualTo(409);
    }
}
