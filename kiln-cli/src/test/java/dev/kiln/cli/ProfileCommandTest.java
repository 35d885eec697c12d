package dev.kiln.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kiln.monitor.profile.DataProfile;
import dev.kiln.monitor.profile.ProfileJson;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProfileCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Figures from pandas 1.5.3 on the same file: d['body_mass_g'].mean(), .std(), .nunique(), .quantile([.47, .53]); d['island'].value_counts(). */
    @Test
    void profilesPenguinsAndWritesAFileThatReadsBack(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("profile.json");
        CliRun run = CliRun.of("profile", "--data", DescribeCommandTest.penguins().toString(), "--out", out.toString(), "--json");
        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode p = JSON.readTree(run.out());
        assertThat(p.path("rows").asInt()).isEqualTo(344);
        JsonNode mass = p.at("/columns/body_mass_g");
        assertThat(mass.path("missing").asInt()).isEqualTo(2);
        assertThat(mass.path("mean").asDouble()).isCloseTo(4201.754385964912, within(1e-9));
        assertThat(mass.path("std").asDouble()).isCloseTo(801.9545356980958, within(1e-9));
        assertThat(mass.path("distinct").asInt()).isEqualTo(94);
        assertThat(mass.at("/quantiles/0.5").asDouble()).isBetween(3950.0, 4100.0);
        assertThat(mass.has("sketches")).isFalse();
        assertThat(p.at("/columns/island/top_values/Biscoe").asInt()).isEqualTo(168);
        assertThat(p.at("/columns/island/top_values_exact").asBoolean()).isTrue();

        DataProfile read = ProfileJson.read(out);
        assertThat(read.column("body_mass_g").mean()).isCloseTo(4201.754385964912, within(1e-9));
        assertThat(Files.readString(out)).contains("\"sketches\"");
    }

    @Test
    void tableNamesEveryColumn() throws Exception {
        CliRun run = CliRun.of("profile", "--data", DescribeCommandTest.penguins().toString());
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("344 rows", "species", "categorical", "Adelie (152)", "body_mass_g");
    }

    @Test
    void aMissingFileIsBadInput(@TempDir Path dir) {
        CliRun run = CliRun.of("profile", "--data", dir.resolve("nope.csv").toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("nope.csv");
    }
}
