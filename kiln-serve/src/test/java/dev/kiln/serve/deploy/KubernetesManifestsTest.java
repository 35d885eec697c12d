package dev.kiln.serve.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * deploy/k8s: every manifest parses and is listed in kustomization.yaml, each object has a kind and a name, and
 * what the Deployment refers to exists: the ConfigMap it reads its environment from, the claim of its registry volume
 * (mounted at the ConfigMap's KILN_HOME), the image kustomize sets; the API-key Secret, made by hand, is optional.
 */
class KubernetesManifestsTest {
    private static final Kubernetes K8S = Kubernetes.read();

    @Test
    void everyManifestParsesAndIsListed() throws IOException {
        List<String> listed = DeployFiles.strings(K8S.kustomization().path("resources"));
        try (Stream<Path> files = Files.list(DeployFiles.deploy("k8s"))) {
            List<String> manifests = files.map(f -> f.getFileName().toString()).filter(f -> f.endsWith(".yaml") || f.endsWith(".yml"))
                    .filter(f -> !f.startsWith("kustomization.")).toList();
            assertThat(listed).containsExactlyInAnyOrderElementsOf(manifests);
        }
        assertThat(K8S.objects()).allSatisfy(o -> {
            assertThat(o.path("apiVersion").asText()).isNotBlank();
            assertThat(o.path("kind").asText()).isNotBlank();
            assertThat(o.path("metadata").path("name").asText()).isNotBlank();
        });
        assertThat(K8S.objects()).extracting(o -> o.path("kind").asText())
                .contains("Deployment", "Service", "ConfigMap", "PersistentVolumeClaim");
    }

    @Test
    void theConfigMapsTheDeploymentReadsExist() {
        JsonNode container = K8S.container();
        List<String> refs = Stream.concat(
                        container.path("envFrom").findValues("configMapRef").stream(),
                        Stream.concat(container.path("env").findValues("configMapKeyRef").stream(),
                                K8S.podSpec().path("volumes").findValues("configMap").stream()))
                .map(r -> r.path("name").asText()).toList();
        assertThat(refs).isNotEmpty().allSatisfy(name -> assertThat(K8S.has("ConfigMap", name)).as("ConfigMap " + name).isTrue());
        container.path("env").findValues("secretKeyRef").forEach(ref -> assertThat(ref.path("optional").asBoolean())
                .as("Secret " + ref.path("name").asText() + " is created by hand, so optional").isTrue());
    }

    @Test
    void theRegistryIsOnTheClaimAtKilnHome() {
        JsonNode configMap = K8S.all("ConfigMap").stream().filter(c -> c.path("data").has("KILN_HOME")).findFirst()
                .orElseThrow(() -> new AssertionError("no ConfigMap sets KILN_HOME"));
        String home = configMap.path("data").path("KILN_HOME").asText();
        JsonNode mount = K8S.container().path("volumeMounts").findParents("mountPath").stream()
                .filter(m -> m.path("mountPath").asText().equals(home)).findFirst()
                .orElseThrow(() -> new AssertionError("nothing mounted at KILN_HOME " + home));
        JsonNode volume = K8S.podSpec().path("volumes").findParents("name").stream()
                .filter(v -> v.path("name").asText().equals(mount.path("name").asText())).findFirst().orElseThrow();
        String claim = volume.path("persistentVolumeClaim").path("claimName").asText();
        assertThat(K8S.has("PersistentVolumeClaim", claim)).as("claim " + claim).isTrue();
        assertThat(home).isEqualTo(Dockerfile.read(DeployFiles.deploy("Dockerfile")).env().get("KILN_HOME"));
    }

    @Test
    void theHeapHasAMemoryLimitToBeAShareOf() {
        String javaOpts = K8S.all("ConfigMap").stream().map(c -> c.path("data").path("KILN_JAVA_OPTS").asText()).filter(s -> !s.isEmpty())
                .findFirst().orElse("");
        assertThat(javaOpts).contains("MaxRAMPercentage");
        assertThat(K8S.container().path("resources").path("limits").path("memory").asText()).isNotBlank();
    }

    @Test
    void theImageIsTheOneKustomizeSets() {
        String image = K8S.container().path("image").asText();
        assertThat(K8S.kustomization().path("images").findValuesAsText("name")).contains(image);
    }
}
