package dev.kiln.serve.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The build context of deploy/Dockerfile, the repository root less what .dockerignore leaves out: every file the
 * Dockerfile copies from it is there, the Maven build finds every module pom and the sources of every module kiln-cli
 * needs, and build outputs and history stay out.
 */
class DockerBuildContextTest {
    private static final Dockerfile DOCKERFILE = Dockerfile.read(DeployFiles.deploy("Dockerfile"));
    private static final DockerIgnore IGNORE = DockerIgnore.read(DeployFiles.ROOT.resolve(".dockerignore"));
    private static final Pattern MODULE = Pattern.compile("<module>([^<]+)</module>");
    private static final Pattern KILN_DEPENDENCY = Pattern.compile(
            "<dependency>\\s*<groupId>dev\\.kiln</groupId>\\s*<artifactId>([^<]+)</artifactId>");

    /** The context-relative sources of the COPY instructions that read the build context. */
    private static List<String> contextSources() {
        return DOCKERFILE.copies().stream().filter(c -> !c.fromStage()).flatMap(c -> c.sources().stream())
                .map(s -> s.replaceAll("^\\./", "").replaceAll("/$", "")).toList();
    }

    /** Whether a COPY takes {@code path} (context-relative) into the image. */
    private static boolean copied(String path) {
        return !IGNORE.excludes(path) && contextSources().stream().anyMatch(s -> path.equals(s) || path.startsWith(s + "/"));
    }

    @Test
    void everyCopySourceExistsAndIsInTheContext() {
        assertThat(contextSources()).isNotEmpty().allSatisfy(source -> {
            assertThat(DeployFiles.ROOT.resolve(source)).as(source).exists();
            assertThat(IGNORE.excludes(source)).as(source + " left out by .dockerignore").isFalse();
        });
    }

    @Test
    void buildOutputsAndHistoryStayOut() {
        assertThat(List.of("kiln-core/target/classes/A.class", "kiln-cli/target/kiln.jar", ".git/HEAD", "kiln-demo/model/manifest.json",
                "examples/sentiment-classifier/out/report.html")).allSatisfy(p -> assertThat(IGNORE.excludes(p)).as(p).isTrue());
        assertThat(List.of("mvnw", "pom.xml", ".mvn/wrapper/maven-wrapper.properties", "kiln-bench/pom.xml", "deploy/kiln.sh"))
                .allSatisfy(p -> assertThat(copied(p)).as(p).isTrue());
    }

    @Test
    void mavenFindsEveryModulePom() {
        Matcher m = MODULE.matcher(DeployFiles.read(DeployFiles.ROOT.resolve("pom.xml")));
        Set<String> modules = new LinkedHashSet<>();
        while (m.find()) {
            modules.add(m.group(1));
        }
        assertThat(modules).contains("kiln-cli", "kiln-serve").allSatisfy(module -> assertThat(copied(module + "/pom.xml")).as(module).isTrue());
    }

    @Test
    void everySourceOfKilnCliAndItsKilnDependenciesIsCopied() throws IOException {
        Set<String> needed = new LinkedHashSet<>();
        Deque<String> todo = new ArrayDeque<>(List.of("kiln-cli"));
        while (!todo.isEmpty()) {
            String module = todo.pop();
            if (needed.add(module)) {
                Matcher m = KILN_DEPENDENCY.matcher(DeployFiles.read(DeployFiles.ROOT.resolve(module).resolve("pom.xml")));
                while (m.find()) {
                    todo.push(m.group(1));
                }
            }
        }
        assertThat(needed).contains("kiln-core", "kiln-serve");
        for (String module : needed) {
            try (Stream<Path> files = Files.walk(DeployFiles.ROOT.resolve(module).resolve("src"))) {
                List<String> missing = files.filter(Files::isRegularFile).map(f -> DeployFiles.ROOT.relativize(f).toString().replace('\\', '/'))
                        .filter(f -> !copied(f)).toList();
                assertThat(missing).as(module + " sources not in the image's build").isEmpty();
            }
        }
    }
}
