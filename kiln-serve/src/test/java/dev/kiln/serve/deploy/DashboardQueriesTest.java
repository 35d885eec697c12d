package dev.kiln.serve.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kiln.serve.http.Scrape;
import dev.kiln.serve.http.ServedFixtureTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The queries of deploy/grafana/dashboards/kiln.json read series a real Kiln server serves ({@link Dashboard}). A server
 * with a classifier and a regressor answers a prediction of each and an unknown path, and collects garbage once; and
 * the dashboard must read the series of the panels issue 9 asks for (request rate and latency, errors, in flight,
 * predictions per class, probabilities, regression values, heap, GC pauses, CPU).
 */
class DashboardQueriesTest extends ServedFixtureTest implements DashboardContract {
    private static final Dashboard DASHBOARD = new Dashboard("kiln.json");
    private static Scrape scrape;

    @BeforeAll
    static void predictAndScrape() throws InterruptedException {
        assertThat(http.post("/api/models/fruit/predict", "{\"instances\": [{\"weight\": 150.0, \"seeds\": 3, \"colour\": \"green\"}]}")
                .status()).isEqualTo(200);
        assertThat(http.post("/api/models/price/predict", "{\"instances\": [[10]]}").status()).isEqualTo(200);
        assertThat(http.get("/no/such/route").status()).isEqualTo(404);
        scrape = Scrape.afterACollection(http);
    }

    @Override
    public Dashboard dashboard() {
        return DASHBOARD;
    }

    @Override
    public Scrape scrape() {
        return scrape;
    }

    @Test
    void coversTheServingMetrics() {
        assertThat(DASHBOARD.metricsRead()).contains("kiln_http_requests_seconds_count", "kiln_http_requests_seconds_bucket",
                "kiln_http_errors_total", "kiln_http_requests_in_flight", "kiln_predictions_total", "kiln_prediction_probability_bucket",
                "kiln_prediction_value_bucket", "jvm_memory_used_bytes", "jvm_gc_pause_seconds_sum", "process_cpu_usage");
    }
}
