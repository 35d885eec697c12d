package dev.kiln.serve.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * deploy/grafana: the provisioned data source is the compose Prometheus, the dashboard provider reads the folder compose
 * mounts the dashboards at, and every data source a dashboard names is the provisioned one, by uid.
 */
class GrafanaProvisioningTest {
    private static final JsonNode COMPOSE = DeployFiles.compose();
    private static final JsonNode DATASOURCE = DeployFiles.yaml(DeployFiles.deploy("grafana/provisioning/datasources/prometheus.yaml"))
            .path("datasources").get(0);

    @Test
    void provisionsTheComposePrometheus() {
        URI url = URI.create(DATASOURCE.path("url").asText());
        assertThat(DATASOURCE.path("type").asText()).isEqualTo("prometheus");
        assertThat(DATASOURCE.path("uid").asText()).isNotBlank();
        assertThat(COMPOSE.path("services").has(url.getHost())).as(url + " names a compose service").isTrue();
        assertThat(url.getPort()).isEqualTo(DeployFiles.containerPort(COMPOSE.path("services").path(url.getHost()).path("ports").get(0)));
    }

    @Test
    void provisioningAndDashboardsAreMountedWhereGrafanaReadsThem() {
        List<DeployFiles.Mount> mounts = DeployFiles.mounts(COMPOSE, "grafana");
        assertThat(mounts).contains(new DeployFiles.Mount("./grafana/provisioning", "/etc/grafana/provisioning"));
        JsonNode provider = DeployFiles.yaml(DeployFiles.deploy("grafana/provisioning/dashboards/kiln.yaml")).path("providers").get(0);
        assertThat(provider.path("type").asText()).isEqualTo("file");
        assertThat(mounts).contains(new DeployFiles.Mount("./grafana/dashboards", provider.path("options").path("path").asText()));
    }

    private static List<Path> dashboards() throws IOException {
        try (Stream<Path> files = Files.list(DeployFiles.deploy("grafana/dashboards"))) {
            return files.filter(f -> f.toString().endsWith(".json")).sorted().toList();
        }
    }

    /** Every {@code datasource} object in {@code node}, at any depth. */
    private static void datasources(JsonNode node, List<JsonNode> out) {
        if (node.isObject() && node.path("datasource").isObject()) {
            out.add(node.path("datasource"));
        }
        node.forEach(child -> datasources(child, out));
    }

    @Test
    void dashboardsUseTheProvisionedDataSource() throws IOException {
        assertThat(dashboards()).isNotEmpty();
        for (Path file : dashboards()) {
            JsonNode dashboard = DeployFiles.json(file);
            assertThat(dashboard.path("uid").asText()).as(file + " uid").isNotBlank();
            List<JsonNode> used = new ArrayList<>();
            datasources(dashboard, used);
            assertThat(used).as(file + " data sources").isNotEmpty().allSatisfy(ds -> {
                assertThat(ds.path("type").asText()).isEqualTo(DATASOURCE.path("type").asText());
                assertThat(ds.path("uid").asText()).isEqualTo(DATASOURCE.path("uid").asText());
            });
        }
    }
}
