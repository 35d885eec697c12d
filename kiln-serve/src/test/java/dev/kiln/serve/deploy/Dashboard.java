package dev.kiln.serve.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kiln.serve.http.Scrape;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.assertj.core.api.SoftAssertions;

/**
 * A Grafana dashboard of deploy/grafana/dashboards checked against a scrape of a real Kiln server: every panel queries a
 * metric, every metric name in every panel's PromQL and in the template variables' queries is in the scrape, with every
 * literal label value the queries select on, and every variable lists a label the metrics carry.
 */
final class Dashboard {
    private static final Pattern LABEL_VALUES = Pattern.compile("^\\s*label_values\\((.+),\\s*([a-zA-Z_][a-zA-Z0-9_]*)\\s*\\)\\s*$");

    private final JsonNode json;

    /** One query: where it is (a panel's title, or a variable) and its PromQL. */
    record Query(String where, String expr) {
    }

    Dashboard(String file) {
        this.json = DeployFiles.json(DeployFiles.deploy("grafana/dashboards/" + file));
    }

    /** The panels, those inside rows included, rows left out. */
    List<JsonNode> panels() {
        List<JsonNode> out = new ArrayList<>();
        for (JsonNode p : json.path("panels")) {
            if (p.path("type").asText().equals("row")) {
                p.path("panels").forEach(out::add);
            } else {
                out.add(p);
            }
        }
        return out;
    }

    /** Every panel target's expr and every query variable's query (the selector of its label_values). */
    List<Query> queries() {
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

    List<Query> variables() {
        List<Query> out = new ArrayList<>();
        for (JsonNode v : json.path("templating").path("list")) {
            if (v.path("type").asText().equals("query")) {
                JsonNode q = v.path("query");
                out.add(new Query("variable $" + v.path("name").asText(), q.isObject() ? q.path("query").asText() : q.asText()));
            }
        }
        return out;
    }

    /** The metric names the queries read. */
    Set<String> metricsRead() {
        Set<String> used = new LinkedHashSet<>();
        queries().forEach(q -> used.addAll(PromQl.metricNames(q.expr())));
        return used;
    }

    void assertEveryPanelQueriesAMetric() {
        assertThat(panels()).isNotEmpty().allSatisfy(panel -> {
            assertThat(panel.path("targets")).as(panel.path("title").asText()).isNotEmpty();
            panel.path("targets").forEach(t -> assertThat(PromQl.metricNames(t.path("expr").asText()))
                    .as(panel.path("title").asText() + ": " + t.path("expr").asText()).isNotEmpty());
        });
    }

    void assertEveryMetricReadIsIn(Scrape scrape) {
        SoftAssertions softly = new SoftAssertions();
        for (Query q : queries()) {
            for (String name : PromQl.metricNames(q.expr())) {
                softly.assertThat(scrape.has(name)).as(q.where() + ": " + name + " (in " + q.expr() + ")").isTrue();
            }
        }
        softly.assertAll();
    }

    void assertEveryLabelValueSelectedIsIn(Scrape scrape) {
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

    void assertVariablesListLabelsIn(Scrape scrape) {
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
}
