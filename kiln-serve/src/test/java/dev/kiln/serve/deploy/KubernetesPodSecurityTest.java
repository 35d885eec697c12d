package dev.kiln.serve.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/**
 * deploy/k8s pod security: the pod runs as the image's non-root user, the container cannot gain privileges and has
 * no capabilities, and with a read-only root filesystem /tmp (the JVM's and ONNX Runtime's temporary files) is a
 * writable volume.
 */
class KubernetesPodSecurityTest {
    private static final Kubernetes K8S = Kubernetes.read();

    @Test
    void runsAsTheImagesNonRootUser() {
        JsonNode pod = K8S.podSpec().path("securityContext");
        assertThat(pod.path("runAsNonRoot").asBoolean()).isTrue();
        Dockerfile image = Dockerfile.read(DeployFiles.deploy("Dockerfile"));
        String imageUser = image.last(image.lastStage().index(), "USER").args().split(":")[0];
        assertThat(pod.path("runAsUser").asText()).isEqualTo(imageUser).isNotEqualTo("0");
        assertThat(pod.path("fsGroup").asInt()).as("the registry volume writable by the user's group").isPositive();
    }

    @Test
    void theContainerCannotGainPrivileges() {
        JsonNode c = K8S.container().path("securityContext");
        assertThat(c.path("allowPrivilegeEscalation").asBoolean(true)).isFalse();
        assertThat(DeployFiles.strings(c.path("capabilities").path("drop"))).contains("ALL");
    }

    @Test
    void aReadOnlyRootKeepsTmpWritable() {
        JsonNode c = K8S.container();
        if (c.path("securityContext").path("readOnlyRootFilesystem").asBoolean()) {
            JsonNode tmp = c.path("volumeMounts").findParents("mountPath").stream().filter(m -> m.path("mountPath").asText().equals("/tmp"))
                    .findFirst().orElseThrow(() -> new AssertionError("a read-only root filesystem needs a volume at /tmp"));
            assertThat(tmp.path("readOnly").asBoolean()).isFalse();
            assertThat(K8S.podSpec().path("volumes").findParents("name").stream().filter(v -> v.path("name").asText().equals(tmp.path("name").asText())))
                    .singleElement().satisfies(v -> assertThat(v.has("emptyDir")).isTrue());
        }
    }
}
