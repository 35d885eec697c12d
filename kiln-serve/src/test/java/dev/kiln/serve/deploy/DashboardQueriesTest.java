package dev.kiln.serve.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kiln.serve.http.Scrape;
import dev.kiln.serve.http.ServedFixtureTest;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The queries of deploy/grafana/dashboards/kiln.json read series a real Kiln server serves. A server with a classifier
 * and a regressor answers a prediction of each and an unknown path, and collects garbage once; then every metric name
 * in every panel's PromQL and in the template variables' queries must be in its /metrics scrape, with every literal
 * label value the queries select on; and the dashboard must read the series of the panels issue 9 asks for (request rate
 * and latency, errors, in flight, predictions per class, probabilities, regression values, heap, GC pauses, CPU).
 */
class DashboardQueriesTest extends ServedFixtureTest {
    private static final JsonNode DASHBOARD = DeployFiles.json(DeployFiles.deploy("grafana/dashboards/kiln.json"));
    private static final Pattern LABEL_VALUES = Pattern.compile("^\\s*label_values\\((.+),\\s*([a-zA-Z_][a-zA-Z0-9_]*)\\s*\\)\\s*$");
    private static Scrape scrape;

    /** One query: where it is (a panel's title, or a variable) and its PromQL. */
    private record Query(String where, String expr) {
    }

    @BeforeAll
    static void predictAndScrape() throws InterruptedException {
        assertThat(http.post("/api/models/fruit/predict", "{\"instances\": [{\"weight\": 150.0, \"seeds\": 3, \"colour\": \"green\"}]}")
                .status()).isEqualTo(200);
        assertThat(http.post("/api/models/price/predict", "{\"instances\": [[10]]}").status()).isEqualTo(200);
        assertThat(http.get("/no/such/route").status()).isEqualTo(404);
        scrape = Scrape.afterACollection(http);
    }

    /** The panels, those inside rows included, rows left out. */
    private static List<JsonNode> panels() {
        List<JsonNode> out = new ArrayList<>();
        for (JsonNode p : DASHBOARD.path("panels")) {
            if (p.path("type").asText().equals("row")) {
                p.path("panels").forEach(out::add);
            } else {
                out.add(p);
            }
        }
        return out;
    }

    /** Every panel target's expr and every query variable's query (the selector of its label_values). */
    private static List<Query> queries() {
        List<Query> out = new ArrayList<>();
        for (JsonNode panel : panels()) {
            panel.path("targets").forEach(t -> out.add(new Query(panel.path("title").asText(), t.path("expr").asText())));
        }
        for (Query v : variables()) {
            Matcher m = LABEL_VALUES.matcher(v.expr());
            out.add(new Query(v.where(), m.matches() ? m.group(1) : v.expr()));
        }
        return out;
    }

    private static List<Query> variables() {
        List<Query> out = new ArrayList<>();
        for (JsonNode v : DASHBOARD.path("templating").path("list")) {
            if (v.path("type").asText().equals("query")) {
                JsonNode q = v.path("query");
                out.add(new Query("variable $" + v.path("name").asText(), q.isObject() ? q.path("query").asText() : q.asText()));
            }
        }
        return out;
    }

    @Test
    void everyPanelQueriesAMetric() {
        assertThat(panels()).isNotEmpty().allSatisfy(panel -> {
            assertThat(panel.path("targets")).as(panel.path("title").asText()).isNotEmpty();
            panel.path("targets").forEach(t -> assertThat(PromQl.metricNames(t.path("expr").asText()))
                    .as(panel.path("title").asText() + ": " + t.path("expr").asText()).isNotEmpty());
        });
    }

    @Test
    void everyMetricAQueryReadsIsServed() {
        SoftAssertions softly = new SoftAssertions();
        for (Query q : queries()) {
            for (String name : PromQl.metricNames(q.expr())) {
                softly.assertThat(scrape.has(name)).as(q.where() + ": " + name + " (in " + q.expr() + ")").isTrue();
            }
        }
        softly.assertAll();
    }

    @Test
    void everyLabelValueAQuerySelectsIsServed() {
        SoftAssertions softly = new SoftAssertions();
        for (Query q : queries()) {
            for (PromQl.Selector s : PromQl.selectors(q.expr())) {
                String[] labels = s.equal().entrySet().stream().flatMap(e -> Stream.of(e.getKey(), e.getValue()))
                        .toArray(String[]::new);
                softly.assertThat(scrape.has(s.metric(), labels)).as(q.where() + ": " + s.metric() + " with " + s.equal()).isTrue();
            }
        }
        softly.assertAll();
    }

    @Test
    void variablesListLabelsTheMetricsCarry() {
        assertThat(variables()).isNotEmpty().allSatisfy(v -> {
            Matcher m = LABEL_VALUES.matcher(v.expr());
            assertThat(m.matches()).as(v.where() + ": " + v.expr()).isTrue();
            Set<String> names = PromQl.metricNames(m.group(1));
            assertThat(scrape.samples()).as(v.where()).anySatisfy(sample -> {
                assertThat(names).contains(sample.name());
                assertThat(sample.labels().get(m.group(2))).isNotBlank();
            });
        });
    }

    @Test
    void coversTheServingMetrics() {
        Set<String> used = new LinkedHashSet<>();
        queries().forEach(q -> used.addAll(PromQl.metricNames(q.expr())));
        assertThat(used).contains("kiln_http_requests_seconds_count", "kiln_http_requests_seconds_bucket", "kiln_http_errors_total",
                "kiln_http_requests_in_flight", "kiln_predictions_total", "kiln_prediction_probability_bucket", "kiln_prediction_value_bucket",
                "jvm_memory_used_bytes", "jvm_gc_pause_seconds_sum", "process_cpu_usage");
    }
}
