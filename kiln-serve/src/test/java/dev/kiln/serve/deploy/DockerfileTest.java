package dev.kiln.serve.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * deploy/Dockerfile: a build stage that packages the kiln command with the Maven wrapper, and a runtime stage on a
 * JRE 21 (glibc) that runs it as a non-root user, exposes the port it serves on and checks readiness on that port.
 */
class DockerfileTest {
    private static final Dockerfile DOCKERFILE = Dockerfile.read(DeployFiles.deploy("Dockerfile"));
    private static final int RUNTIME = DOCKERFILE.lastStage().index();

    @Test
    void buildStagePackagesTheKilnCommandWithTheMavenWrapper() {
        assertThat(DOCKERFILE.stages()).hasSizeGreaterThanOrEqualTo(2);
        Dockerfile.Stage build = DOCKERFILE.stages().get(0);
        assertThat(build.image()).as("a JDK 21 to build with").contains("21").contains("jdk");
        assertThat(build.name()).as("the build stage has a name to copy from").isNotBlank();
        assertThat(DOCKERFILE.in(0, "RUN")).anySatisfy(run -> assertThat(run.args())
                .contains("./mvnw").contains("-DskipTests").contains("-pl kiln-cli").contains("-am").endsWith("package"));
    }

    @Test
    void runtimeStageIsAGlibcJre21() {
        String image = DOCKERFILE.lastStage().image();
        assertThat(image).as("a JRE, not a JDK").contains("jre").contains(":21");
        assertThat(image).as("ONNX Runtime's native libraries need glibc").doesNotContain("alpine");
    }

    @Test
    void runtimeCopiesTheJarBesideItsLibrariesFromTheBuildStage() {
        String buildName = DOCKERFILE.stages().get(0).name();
        String workdir = DOCKERFILE.last(0, "WORKDIR").args();
        List<Dockerfile.Copy> fromBuild = DOCKERFILE.copies().stream().filter(c -> buildName.equals(c.flags().get("from"))).toList();
        Dockerfile.Copy jar = fromBuild.stream().filter(c -> c.sources().equals(List.of(workdir + "/kiln-cli/target/kiln.jar"))).findFirst()
                .orElseThrow(() -> new AssertionError("no COPY --from=" + buildName + " of kiln.jar in " + fromBuild));
        Dockerfile.Copy lib = fromBuild.stream().filter(c -> c.sources().equals(List.of(workdir + "/kiln-cli/target/lib/"))).findFirst()
                .orElseThrow(() -> new AssertionError("no COPY --from=" + buildName + " of lib/ in " + fromBuild));
        String jarDir = jar.destination().substring(0, jar.destination().lastIndexOf('/'));
        assertThat(lib.destination()).as("the jar's manifest Class-Path is lib/..., beside the jar").isEqualTo(jarDir + "/lib/");
        assertThat(DeployFiles.read(DeployFiles.deploy("kiln.sh"))).as("the launcher runs that jar").contains("-jar " + jar.destination());
    }

    @Test
    void entrypointIsTheLauncherScript() {
        assertThat(Dockerfile.execForm(DOCKERFILE.last(RUNTIME, "ENTRYPOINT").args())).containsExactly("kiln");
        assertThat(DOCKERFILE.copies()).anySatisfy(c -> {
            assertThat(c.sources()).containsExactly("deploy/kiln.sh");
            assertThat(c.destination()).isEqualTo("/usr/local/bin/kiln");
            assertThat(c.flags()).containsEntry("chmod", "755");
        });
    }

    @Test
    void runsAsANumericNonRootUser() {
        String user = DOCKERFILE.last(RUNTIME, "USER").args().split(":")[0];
        assertThat(user).as("numeric, so that Kubernetes' runAsNonRoot can verify it").matches("[0-9]+");
        assertThat(Integer.parseInt(user)).isNotZero();
    }

    @Test
    void exposesThePortTheCommandServesOnEveryInterface() {
        List<String> cmd = DOCKERFILE.command();
        assertThat(cmd).first().isEqualTo("serve");
        assertThat(DeployFiles.option(cmd, "--host", "")).isEqualTo("0.0.0.0");
        assertThat(DOCKERFILE.in(RUNTIME, "EXPOSE")).anySatisfy(e -> assertThat(e.args().split("\\s+"))
                .containsAnyOf(Integer.toString(DOCKERFILE.servedPort()), DOCKERFILE.servedPort() + "/tcp"));
    }

    @Test
    void healthcheckAsksForReadinessOnThatPort() {
        List<String> check = Dockerfile.healthcheckCommand(DOCKERFILE.last(RUNTIME, "HEALTHCHECK"));
        String script = String.join(" ", check);
        assertThat(script).contains("/v2/health/ready").contains("/" + DOCKERFILE.servedPort());
        assertThat(check.get(0)).as("a program the Ubuntu-based image has (no curl or wget in it)").isEqualTo("bash");
    }

    @Test
    void kilnHomeIsAVolumeTheUserOwns() {
        String home = DOCKERFILE.env().get("KILN_HOME");
        assertThat(home).isNotBlank();
        assertThat(DOCKERFILE.in(RUNTIME, "VOLUME")).anySatisfy(v -> assertThat(Dockerfile.execFormOrWords(v.args())).contains(home));
        assertThat(DOCKERFILE.in(RUNTIME, "RUN")).anySatisfy(run -> assertThat(run.args()).contains("chown").contains(home));
        assertThat(DOCKERFILE.env().get("KILN_JAVA_OPTS")).as("the heap follows the container's memory").contains("MaxRAMPercentage");
    }
}
