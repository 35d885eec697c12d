package dev.kiln.serve.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kiln.core.io.CsvWriter;
import dev.kiln.serve.ServedModelsFixture;
import dev.kiln.serve.http.Http;
import dev.kiln.serve.http.KilnServer;
import dev.kiln.serve.http.Scrape;
import dev.kiln.serve.http.ServerSettings;
import dev.kiln.serve.monitor.BaselineFiles;
import dev.kiln.serve.monitor.MonitorSettings;
import dev.kiln.serve.registry.ModelRegistry;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The queries of deploy/grafana/dashboards/kiln-monitoring.json read series a real Kiln server serves ({@link Dashboard}):
 * a model registered with its baseline answers a request with a value failing its expectations, its window is compared
 * with its reference, an A/B experiment routes a request and gets its outcome, and the dashboard must read the
 * validation, drift and experiment series.
 */
class MonitoringDashboardQueriesTest implements DashboardContract {
    private static final Dashboard DASHBOARD = new Dashboard("kiln-monitoring.json");
    @TempDir
    static Path home;
    private static KilnServer server;
    private static Scrape scrape;

    @BeforeAll
    static void serveAndScrape() {
        ModelRegistry registry = ServedModelsFixture.registry(home);
        Path training = home.resolve("fruit.csv");
        CsvWriter.write(ServedModelsFixture.fruit(300, 1), training);
        BaselineFiles.register(registry, "fruit", home.resolve("saved/fruit"), "", training, null);
        registry.register("price", home.resolve("saved/price"), "the same regressor again");
        server = KilnServer.start(registry, ServerSettings.defaults().withHost("127.0.0.1").withPort(0)
                .withMonitoring(MonitorSettings.defaults().withDriftInterval(Duration.ZERO)));
        Http http = new Http(server);
        assertThat(http.post("/api/models/fruit/predict", "{\"instances\": [{\"weight\": 900, \"seeds\": 3, \"colour\": \"green\"},"
                + " {\"weight\": 20, \"seeds\": 1, \"colour\": \"red\"}]}").status()).isEqualTo(200);
        assertThat(http.get("/api/models/fruit/drift?refresh=true").status()).isEqualTo(200);
        assertThat(http.post("/api/experiments", "{\"id\": \"ab\", \"model\": \"price\", \"variants\": [{\"name\": \"a\", \"version\": 1},"
                + " {\"name\": \"b\", \"version\": 2}]}").status()).isEqualTo(201);
        Http.Reply routed = http.post("/api/models/price/predict", "{\"instances\": [[2]]}");
        assertThat(routed.status()).isEqualTo(200);
        assertThat(http.post("/api/experiments/ab/outcomes", "{\"outcomes\": [{\"request_id\": \"" + routed.requestId()
                + "\", \"converted\": true}]}").json().path("accepted").asInt()).isEqualTo(1);
        scrape = Scrape.of(http);
    }

    @AfterAll
    static void stop() {
        server.close();
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
    void coversValidationDriftAndExperiments() {
        assertThat(DASHBOARD.metricsRead()).contains("kiln_experiment_traffic_share", "kiln_experiment_requests_total",
                "kiln_experiment_conversions_total", "kiln_experiment_outcomes_total", "kiln_experiment_errors_total",
                "kiln_experiment_latency_seconds_bucket", "kiln_experiment_rollbacks_total","kiln_validation_failures_total", "kiln_validation_requests_total",
                "kiln_dataset_drift", "kiln_drift_share", "kiln_drift_score", "kiln_drift_detected", "kiln_drift_window_rows",
                "kiln_drift_computed_timestamp", "kiln_window_expectations_failing");
    }
}
