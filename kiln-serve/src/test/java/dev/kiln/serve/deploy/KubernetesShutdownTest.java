package dev.kiln.serve.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * deploy/k8s shutdown: Kubernetes waits terminationGracePeriodSeconds (30 by default) from the start of preStop to
 * SIGKILL, so it must outlast the preStop pause plus the server's drain (--drain-timeout, else the default 20 s).
 */
class KubernetesShutdownTest {
    private static final Kubernetes K8S = Kubernetes.read();

    /** The seconds the preStop hook pauses: {@code sleep N} by exec, or the sleep action; 0 without one. */
    private static long preStopSeconds() {
        JsonNode preStop = K8S.container().path("lifecycle").path("preStop");
        if (preStop.has("sleep")) {
            return preStop.path("sleep").path("seconds").asLong();
        }
        List<String> command = DeployFiles.strings(preStop.path("exec").path("command"));
        return command.size() == 2 && command.get(0).equals("sleep") ? Long.parseLong(command.get(1)) : 0;
    }

    @Test
    void theGracePeriodOutlastsThePauseAndTheDrain() {
        long grace = K8S.podSpec().path("terminationGracePeriodSeconds").asLong(30);
        long drain = DeployFiles.drainSeconds(K8S.args());
        assertThat(drain).isPositive();
        assertThat(grace).isGreaterThan(preStopSeconds() + drain);
    }
}
