package dev.kiln.serve.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * deploy/prometheus/prometheus.yml: a scrape job for Kiln's /metrics at the compose service's name and the port Kiln
 * serves in its container, mounted where the Prometheus command reads its configuration.
 */
class PrometheusConfigTest {
    private static final JsonNode COMPOSE = DeployFiles.compose();
    private static final JsonNode CONFIG = DeployFiles.yaml(DeployFiles.deploy("prometheus/prometheus.yml"));

    @Test
    void scrapesKilnsMetricsAtThePortComposeServes() {
        int port = DeployFiles.containerPort(COMPOSE.path("services").path("kiln").path("ports").get(0));
        List<String> targets = new ArrayList<>();
        for (JsonNode job : CONFIG.path("scrape_configs")) {
            if (job.path("metrics_path").asText("/metrics").equals("/metrics")) {
                job.path("static_configs").forEach(sc -> targets.addAll(DeployFiles.strings(sc.path("targets"))));
            }
        }
        assertThat(targets).contains("kiln:" + port);
        assertThat(CONFIG.path("global").path("scrape_interval").asText()).isNotBlank();
    }

    @Test
    void isMountedWherePrometheusReadsIt() {
        List<String> command = DeployFiles.strings(COMPOSE.path("services").path("prometheus").path("command"));
        String configFile = command.stream().filter(c -> c.startsWith("--config.file=")).findFirst()
                .map(c -> c.substring("--config.file=".length())).orElse("/etc/prometheus/prometheus.yml");
        assertThat(DeployFiles.mounts(COMPOSE, "prometheus")).contains(new DeployFiles.Mount("./prometheus/prometheus.yml", configFile));
    }
}
