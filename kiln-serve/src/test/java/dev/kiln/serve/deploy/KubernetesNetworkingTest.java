package dev.kiln.serve.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * deploy/k8s networking: the container serves on the port it declares (and the image exposes), the probes ask for
 * liveness and readiness on that port, the Service selects the pod template's labels and targets that port, and the
 * Prometheus annotations name it with /metrics.
 */
class KubernetesNetworkingTest {
    private static final Kubernetes K8S = Kubernetes.read();

    private static int servedPort() {
        return Integer.parseInt(DeployFiles.option(K8S.args(), "--port", "8080"));
    }

    @Test
    void theContainerDeclaresThePortItServesAndTheImageExposes() {
        assertThat(K8S.args()).first().isEqualTo("serve");
        assertThat(DeployFiles.option(K8S.args(), "--host", "0.0.0.0")).isEqualTo("0.0.0.0");
        assertThat(K8S.container().path("ports").findValues("containerPort")).extracting(JsonNode::asInt).contains(servedPort());
        assertThat(servedPort()).isEqualTo(Dockerfile.read(DeployFiles.deploy("Dockerfile")).servedPort());
    }

    @Test
    void probesAskForLivenessAndReadinessOnThatPort() {
        JsonNode c = K8S.container();
        assertThat(c.path("livenessProbe").path("httpGet").path("path").asText()).isEqualTo("/v2/health/live");
        assertThat(c.path("readinessProbe").path("httpGet").path("path").asText()).isEqualTo("/v2/health/ready");
        for (String probe : new String[] {"livenessProbe", "readinessProbe", "startupProbe"}) {
            JsonNode get = c.path(probe).path("httpGet");
            if (!get.isMissingNode()) {
                assertThat(get.path("path").asText()).as(probe).startsWith("/v2/health/");
                assertThat(K8S.containerPort(get.path("port"))).as(probe + " port").isEqualTo(servedPort());
            }
        }
    }

    @Test
    void theServiceSelectsThePodsAndTargetsThatPort() {
        JsonNode spec = K8S.one("Service").path("spec");
        Map<String, String> selector = Kubernetes.labels(spec.path("selector"));
        Map<String, String> podLabels = Kubernetes.labels(K8S.one("Deployment").path("spec").path("template").path("metadata").path("labels"));
        assertThat(selector).isNotEmpty();
        assertThat(podLabels).containsAllEntriesOf(selector);
        assertThat(podLabels).containsAllEntriesOf(Kubernetes.labels(K8S.one("Deployment").path("spec").path("selector").path("matchLabels")));
        assertThat(spec.path("ports")).isNotEmpty().allSatisfy(p -> assertThat(K8S.containerPort(p.has("targetPort") ? p.path("targetPort") : p.path("port")))
                .isEqualTo(servedPort()));
    }

    @Test
    void prometheusAnnotationsNameTheMetricsEndpoint() {
        JsonNode annotations = K8S.one("Deployment").path("spec").path("template").path("metadata").path("annotations");
        assertThat(annotations.path("prometheus.io/scrape").asText()).isEqualTo("true");
        assertThat(annotations.path("prometheus.io/port").asText()).isEqualTo(Integer.toString(servedPort()));
        assertThat(annotations.path("prometheus.io/path").asText("/metrics")).isEqualTo("/metrics");
    }
}
