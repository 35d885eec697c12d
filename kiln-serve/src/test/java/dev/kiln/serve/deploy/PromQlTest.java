package dev.kiln.serve.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * PromQl, the small reader the dashboard test relies on: it names the metrics an expression reads and nothing else
 * (not functions, aggregations, keywords, grouping labels, label matchers, durations, numbers or variables), and the
 * literal label values of its selectors.
 */
class PromQlTest {
    @Test
    void namesTheMetricsOfAggregationsOverRates() {
        assertThat(PromQl.metricNames(
                "histogram_quantile(0.99, sum by (route, le) (rate(kiln_http_requests_seconds_bucket{route=\"/v2\", model=~\"$model\"}[$__rate_interval])))"))
                .containsExactly("kiln_http_requests_seconds_bucket");
    }

    @Test
    void namesBothSidesOfBinaryOperatorsAndBareGauges() {
        assertThat(PromQl.metricNames("sum(rate(errors_total[5m] offset 1h)) / on (job) group_left (model) sum(rate(requests_count[5m])) by (job)"))
                .containsExactly("errors_total", "requests_count");
        assertThat(PromQl.metricNames("process_cpu_usage")).containsExactly("process_cpu_usage");
        assertThat(PromQl.metricNames("up == bool 1 and ignoring (instance) other:recorded_rule unless absent(x_total)"))
                .containsExactly("up", "other:recorded_rule", "x_total");
    }

    @Test
    void ignoresStringsAndNumbers() {
        assertThat(PromQl.metricNames("label_replace(up, \"dst\", \"$1\", \"src\", \"(.*)\") * 1e3 + 0.5"))
                .containsExactly("up");
    }

    @Test
    void readsTheLiteralEqualityMatchersOfSelectors() {
        assertThat(PromQl.selectors("rate(m_bucket{model=~\"$model\", le=\"0.6\"}[5m]) / rate(m_count{model=\"$model\", area!=\"heap\"}[5m])"))
                .containsExactly(new PromQl.Selector("m_bucket", Map.of("le", "0.6")), new PromQl.Selector("m_count", Map.of()));
    }
}
