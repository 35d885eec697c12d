package dev.kiln.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code distribution} expectation through {@code kiln expect infer} and {@code kiln validate}. */
class DistributionExpectationTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static Path infer(Path dir) throws Exception {
        Path profile = dir.resolve("profile.json");
        Path expectations = dir.resolve("expectations.yaml");
        assertThat(CliRun.of("profile", "--data", DescribeCommandTest.penguins().toString(), "--out", profile.toString()).exitCode()).isZero();
        CliRun infer = CliRun.of("expect", "infer", "--profile", profile.toString(), "--out", expectations.toString(), "--json");
        assertThat(infer.exitCode()).as(infer.err()).isZero();
        // The four measurements and species, island and sex.
        assertThat(JSON.readTree(infer.out()).at("/kinds/distribution").asInt()).isEqualTo(7);
        return expectations;
    }

    @Test
    void inferredDistributionsPassOnTheTrainingDataAndFailOnAShiftedColumn(@TempDir Path dir) throws Exception {
        Path expectations = infer(dir);
        assertThat(Files.readString(expectations)).contains("expect: distribution", "method: psi", "threshold: 0.2",
                "edges:", "proportions:", "categories:", "Adelie:");
        CliRun same = CliRun.of("validate", "--data", DescribeCommandTest.penguins().toString(), "--expectations", expectations.toString());
        assertThat(same.exitCode()).as(same.out() + same.err()).isZero();

        // Body mass up by 800 g, about one standard deviation (801.95): the decile PSI jumps far above 0.2.
        Path heavier = dir.resolve("heavier.csv");
        Files.write(heavier, shifted(Files.readAllLines(DescribeCommandTest.penguins()), "body_mass_g", 800));
        Path report = dir.resolve("report.html");
        CliRun run = CliRun.of("validate", "--data", heavier.toString(), "--expectations", expectations.toString(),
                "--report", report.toString(), "--json");
        assertThat(run.exitCode()).as(run.err()).isEqualTo(1);
        JsonNode mass = result(JSON.readTree(run.out()), "body_mass_g");
        assertThat(mass.path("success").asBoolean()).isFalse();
        assertThat(mass.path("observed_value").asDouble()).isGreaterThan(0.2);
        assertThat(mass.path("moved_bins")).hasSize(3);
        // The low deciles empty: (0.1 − 10⁻⁴)·ln(0.1 / 10⁻⁴) ≈ 0.69 each under Evidently's epsilon.
        JsonNode top = mass.path("moved_bins").get(0);
        assertThat(top.path("current").asDouble()).isZero();
        assertThat(top.path("reference").asDouble()).isBetween(0.08, 0.12);
        assertThat(top.path("contribution").asDouble()).isGreaterThan(0.5);
        assertThat(mass.path("note").asText()).startsWith("moved most: " + top.path("bin").asText() + " ");
        assertThat(result(JSON.readTree(run.out()), "species").path("success").asBoolean()).isTrue();
        assertThat(Files.readString(report)).contains("Distributions", "body_mass_g: psi", "— failed");
    }

    @Test
    void aHandEditedDistributionIsCheckedAndItsMistakesNamed(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("e.yaml");
        Files.writeString(file, """
                expectations:
                  - expect: distribution
                    column: species
                    method: hellinger
                    threshold: 0.05
                    reference:
                      categories: {Adelie: 0.44, Gentoo: 0.36, Chinstrap: 0.2}
                """);
        CliRun ok = CliRun.of("validate", "--data", DescribeCommandTest.penguins().toString(), "--expectations", file.toString());
        assertThat(ok.exitCode()).as(ok.out() + ok.err()).isZero();
        Files.writeString(file, Files.readString(file).replace("threshold: 0.05", "threshold: -1"));
        CliRun bad = CliRun.of("validate", "--data", DescribeCommandTest.penguins().toString(), "--expectations", file.toString());
        assertThat(bad.exitCode()).isEqualTo(2);
        assertThat(bad.err()).contains("e.yaml: at /expectations/0/threshold: expected a finite threshold >= 0, got -1.0");
    }

    private static List<String> shifted(List<String> lines, String column, double by) {
        List<String> header = List.of(lines.get(0).replace("\"", "").split(","));
        int index = header.indexOf(column);
        List<String> out = new ArrayList<>(List.of(lines.get(0)));
        for (String line : lines.subList(1, lines.size())) {
            String[] fields = line.split(",", -1);
            if (!fields[index].isEmpty() && !fields[index].equals("NA")) {
                fields[index] = Double.toString(Double.parseDouble(fields[index]) + by);
            }
            out.add(String.join(",", fields));
        }
        return out;
    }

    private static JsonNode result(JsonNode result, String column) {
        for (JsonNode r : result.path("results")) {
            if (r.at("/expectation/expect").asText().equals("distribution") && r.at("/expectation/column").asText().equals(column)) {
                return r;
            }
        }
        throw new AssertionError("no distribution result for " + column);
    }
}
