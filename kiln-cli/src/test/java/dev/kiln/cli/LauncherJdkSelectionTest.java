package dev.kiln.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The JDK search of bin/jdk.sh, shared by ./kiln and .ci/run, against fake JDKs that only print a version. */
class LauncherJdkSelectionTest {
    private static final Path SCRIPT = Path.of("..", "bin", "jdk.sh").toAbsolutePath().normalize();

    @TempDir
    Path dir;

    record Result(int exitCode, String out, String err) {
    }

    @Test
    void javaHomeWinsWhenItIsNewEnough() throws Exception {
        Path jdk22 = fakeJdk("jdk-22", "22.0.1", true);
        Result r = select(Map.of("JAVA_HOME", jdk22.toString(), "KILN_JDK_SEARCH_DIRS", dir.toString()));
        assertThat(r.exitCode()).isZero();
        assertThat(r.out().strip()).isEqualTo(jdk22.toString());
    }

    @Test
    void anOldJavaHomeAndAJreOnThePathAreSkippedForTheNewestJdkInTheSearchDirectory() throws Exception {
        Path jdk17 = fakeJdk("jdk-17", "17.0.9", true);
        fakeJdk("jdk-21", "21.0.2", true);
        Path jdk25 = fakeJdk("jdk-25", "25", true);
        Path jre23 = fakeJdk("jre-23", "23.0.1", false);
        Result r = select(Map.of("JAVA_HOME", jdk17.toString(), "PATH", jre23.resolve("bin") + ":/usr/bin:/bin",
                "KILN_JDK_SEARCH_DIRS", dir.toString()));
        assertThat(r.exitCode()).isZero();
        assertThat(r.out().strip()).isEqualTo(jdk25.toString());
    }

    @Test
    void aJdkOnThePathIsUsedWhenJavaHomeIsUnset() throws Exception {
        Path jdk23 = fakeJdk("jdk-23", "23.0.1", true);
        Result r = select(Map.of("PATH", jdk23.resolve("bin") + ":/usr/bin:/bin",
                "KILN_JDK_SEARCH_DIRS", dir.resolve("none").toString()));
        assertThat(r.exitCode()).isZero();
        assertThat(r.out().strip()).isEqualTo(jdk23.toString());
    }

    @Test
    void withoutASuitableJdkItSaysWhatItFound() throws Exception {
        Path jdk8 = fakeJdk("jdk-8", "1.8.0_292", true);
        Path jdk17 = fakeJdk("jdk-17", "17.0.9", true);
        Result r = select(Map.of("JAVA_HOME", jdk8.toString(), "PATH", "/bin", "KILN_JDK_SEARCH_DIRS", dir.toString()));
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err()).contains("kiln: no JDK 21 or newer found.")
                .contains("JAVA_HOME=" + jdk8 + ": Java 8")
                .contains(dir + ": newest is Java 17 (" + jdk17 + ")")
                .contains("set JAVA_HOME");
    }

    private Path fakeJdk(String name, String version, boolean withJavac) throws IOException {
        Path bin = Files.createDirectories(dir.resolve(name).resolve("bin"));
        executable(bin.resolve("java"), "#!/bin/sh\necho 'openjdk version \"" + version + "\" 2024-01-16' >&2\n");
        if (withJavac) {
            executable(bin.resolve("javac"), "#!/bin/sh\nexit 0\n");
        }
        return dir.resolve(name);
    }

    private static void executable(Path file, String content) throws IOException {
        Files.writeString(file, content);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    private Result select(Map<String, String> env) throws Exception {
        ProcessBuilder pb = new ProcessBuilder("/bin/bash", "-c", ". \"$0\" && kiln_select_jdk && echo \"$JAVA_HOME\"",
                SCRIPT.toString());
        pb.environment().remove("JAVA_HOME");
        pb.environment().put("PATH", "/usr/bin:/bin");
        pb.environment().putAll(env);
        Path out = dir.resolve("out.txt");
        Path err = dir.resolve("err.txt");
        pb.redirectOutput(out.toFile()).redirectError(err.toFile());
        int code = pb.start().waitFor();
        return new Result(code, Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
    }
}
