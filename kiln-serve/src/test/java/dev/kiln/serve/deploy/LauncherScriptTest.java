package dev.kiln.serve.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * deploy/kiln.sh, the image's {@code kiln} command, run with sh and a stand-in {@code java} that prints its arguments:
 * it passes the JVM flags the build sets for every Kiln process (the root pom's {@code kiln.jvm.flags}), then
 * {@code KILN_JAVA_OPTS} split into words, then the command's arguments untouched.
 */
class LauncherScriptTest {
    private static final Pattern JVM_FLAGS = Pattern.compile("<kiln\\.jvm\\.flags>([^<]+)</kiln\\.jvm\\.flags>");

    @TempDir
    Path bin;

    private List<String> javaArguments(Map<String, String> env, String... args) throws IOException, InterruptedException {
        Path java = bin.resolve("java");
        Files.writeString(java, "#!/bin/sh\nfor a in \"$@\"; do printf '%s\\n' \"$a\"; done\n");
        Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
        List<String> command = new ArrayList<>(List.of("sh", DeployFiles.deploy("kiln.sh").toString()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().remove("KILN_JAVA_OPTS");
        pb.environment().putAll(env);
        pb.environment().put("PATH", bin + ":" + System.getenv("PATH"));
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor(10, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
        return out.lines().toList();
    }

    private static List<String> buildFlags() {
        Matcher m = JVM_FLAGS.matcher(DeployFiles.read(DeployFiles.ROOT.resolve("pom.xml")));
        assertThat(m.find()).as("kiln.jvm.flags in the root pom").isTrue();
        return List.of(m.group(1).strip().split("\\s+"));
    }

    @Test
    void runsTheJarWithKilnsJvmFlagsAndTheArgumentsAsGiven() throws IOException, InterruptedException {
        List<String> got = javaArguments(Map.of(), "models", "register", "credit", "/models/my credit", "--alias", "champion");
        List<String> expected = new ArrayList<>(buildFlags());
        expected.addAll(List.of("-jar", "/opt/kiln/kiln.jar", "models", "register", "credit", "/models/my credit", "--alias", "champion"));
        assertThat(got).containsExactlyElementsOf(expected);
    }

    @Test
    void addsKilnJavaOptsAsSeparateOptions() throws IOException, InterruptedException {
        List<String> got = javaArguments(Map.of("KILN_JAVA_OPTS", "-XX:MaxRAMPercentage=75  -Dkiln.threads=2"), "--version");
        assertThat(got.subList(0, 2)).containsExactly("-XX:MaxRAMPercentage=75", "-Dkiln.threads=2");
        assertThat(got.subList(2, got.size())).containsSubsequence(buildFlags()).endsWith("-jar", "/opt/kiln/kiln.jar", "--version");
    }
}
