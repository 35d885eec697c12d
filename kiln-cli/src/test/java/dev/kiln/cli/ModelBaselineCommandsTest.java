package dev.kiln.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** profile → expectations → register with a baseline, and the serve flags that act on it, as a user runs them. */
class ModelBaselineCommandsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aModelIsRegisteredWithItsExpectationsAndReferenceSample(@TempDir Path tmp) throws Exception {
        String data = ClassificationCommandsTest.credit().toString();
        String home = tmp.resolve("home").toString();
        assertThat(CliRun.of("train", "--data", data, "--target", "class", "--model", "logistic-regression",
                "--out", tmp.resolve("m").toString()).exitCode()).isZero();
        assertThat(CliRun.of("profile", "--data", data, "--out", tmp.resolve("p.json").toString()).exitCode()).isZero();
        assertThat(CliRun.of("expect", "infer", "--profile", tmp.resolve("p.json").toString(), "--out",
                tmp.resolve("e.yaml").toString()).exitCode()).isZero();

        CliRun reg = CliRun.of("models", "register", "credit", tmp.resolve("m").toString(), "--home", home,
                "--reference", data, "--expectations", tmp.resolve("e.yaml").toString(), "--json");
        assertThat(reg.exitCode()).as(reg.err()).isZero();
        JsonNode out = JSON.readTree(reg.out());
        assertThat(out.path("baseline").toString()).isEqualTo("[\"expectations.yaml\",\"reference.csv\"]");
        Path version = Path.of(home, "models", "credit", "1");
        assertThat(Files.readString(version.resolve("expectations.yaml"))).contains("expect: range");
        String header = Files.readAllLines(version.resolve("reference.csv")).get(0);
        assertThat(header).contains("checking_status").doesNotContain("class");

        CliRun inferred = CliRun.of("models", "register", "credit", tmp.resolve("m").toString(), "--home", home, "--reference", data);
        assertThat(inferred.exitCode()).as(inferred.err()).isZero();
        assertThat(inferred.out()).contains("registered credit version 2").contains("expectations (requests are checked against them)")
                .contains("/api/models/credit/drift");
    }

    @Test
    void trainingDataWithoutTheModelsColumnsIsBadInput(@TempDir Path tmp) throws Exception {
        String data = ClassificationCommandsTest.credit().toString();
        assertThat(CliRun.of("train", "--data", data, "--target", "class", "--model", "logistic-regression",
                "--out", tmp.resolve("m").toString()).exitCode()).isZero();
        Files.writeString(tmp.resolve("other.csv"), "duration,class\n6,good\n");
        CliRun reg = CliRun.of("models", "register", "credit", tmp.resolve("m").toString(), "--home", tmp.resolve("h").toString(),
                "--reference", tmp.resolve("other.csv").toString());
        assertThat(reg.exitCode()).isEqualTo(2);
        assertThat(reg.err()).contains("lacks the model's input columns").contains("checking_status");
        assertThat(Files.exists(tmp.resolve("h/models/credit/1"))).as("nothing half-registered").isFalse();
    }

    @Test
    void badMonitoringFlagsAreBadUsage(@TempDir Path tmp) {
        CliRun policy = CliRun.of("serve", "--home", tmp.toString(), "--port", "0", "--validation", "sometimes");
        assertThat(policy.exitCode()).isEqualTo(2);
        assertThat(policy.err()).contains("unknown input policy 'sometimes'");
        CliRun window = CliRun.of("serve", "--home", tmp.toString(), "--port", "0", "--drift-window", "5");
        assertThat(window.exitCode()).isEqualTo(2);
        assertThat(window.err()).contains("windowRows must be in [10, 1000000], got 5");
    }
}
