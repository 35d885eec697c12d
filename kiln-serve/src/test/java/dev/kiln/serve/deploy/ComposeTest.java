package dev.kiln.serve.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * deploy/compose.yaml: Kiln built from deploy/Dockerfile beside pinned Prometheus and Grafana images, every bind-mounted
 * file present in the repository, every named volume declared, Kiln's port and registry as the image has them, and
 * a stop grace period longer than the server's drain.
 */
class ComposeTest {
    private static final JsonNode COMPOSE = DeployFiles.compose();
    private static final JsonNode SERVICES = COMPOSE.path("services");
    private static final Dockerfile DOCKERFILE = Dockerfile.read(DeployFiles.deploy("Dockerfile"));

    @Test
    void runsKilnPrometheusAndGrafana() {
        assertThat(SERVICES.has("kiln")).isTrue();
        assertThat(SERVICES.path("prometheus").path("image").asText()).startsWith("prom/prometheus:").doesNotEndWith(":latest");
        assertThat(SERVICES.path("grafana").path("image").asText()).startsWith("grafana/grafana:").doesNotEndWith(":latest");
    }

    @Test
    void buildsKilnFromTheDockerfileWithTheRepositoryAsContext() {
        JsonNode build = SERVICES.path("kiln").path("build");
        Path context = DeployFiles.deploy("").resolve(build.path("context").asText()).normalize();
        assertThat(context).isEqualTo(DeployFiles.ROOT);
        assertThat(context.resolve(build.path("dockerfile").asText())).isEqualTo(DeployFiles.deploy("Dockerfile"));
    }

    @Test
    void everyMountedFileExistsAndEveryVolumeIsDeclared() {
        assertThat(SERVICES.properties()).isNotEmpty();
        for (var service : SERVICES.properties()) {
            for (DeployFiles.Mount m : DeployFiles.mounts(COMPOSE, service.getKey())) {
                if (m.bind()) {
                    assertThat(DeployFiles.deploy("").resolve(m.source()).normalize()).as(service.getKey() + ": " + m.source()).exists();
                } else {
                    assertThat(COMPOSE.path("volumes").has(m.source())).as(service.getKey() + ": volume " + m.source() + " declared").isTrue();
                }
            }
        }
    }

    @Test
    void publishesThePortKilnServesAndKeepsTheRegistryOnAVolume() {
        JsonNode ports = SERVICES.path("kiln").path("ports");
        assertThat(ports).isNotEmpty();
        assertThat(DeployFiles.containerPort(ports.get(0))).isEqualTo(DOCKERFILE.servedPort());
        assertThat(DeployFiles.mounts(COMPOSE, "kiln")).anySatisfy(m -> {
            assertThat(m.bind()).isFalse();
            assertThat(m.target()).isEqualTo(DOCKERFILE.env().get("KILN_HOME"));
        });
    }

    @Test
    void givesKilnLongerToStopThanItsDrain() {
        JsonNode kiln = SERVICES.path("kiln");
        List<String> command = kiln.has("command") ? DeployFiles.strings(kiln.path("command")) : DOCKERFILE.command();
        double grace = DeployFiles.seconds(kiln.path("stop_grace_period").asText("10s"));
        assertThat(grace).as("Docker's stop grace period (default 10 s)").isGreaterThan(DeployFiles.drainSeconds(command));
    }
}
