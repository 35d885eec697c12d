package dev.kiln.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DescribeCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    static Path penguins() throws Exception {
        return Path.of(DescribeCommandTest.class.getResource("/dev/kiln/cli/demo/penguins.csv").toURI());
    }

    @Test
    void jsonSummaryMatchesPandas() throws Exception {
        CliRun run = CliRun.of("data", "describe", penguins().toString(), "--json");
        assertThat(run.exitCode()).isZero();
        JsonNode d = JSON.readTree(run.out());
        assertThat(d.path("rows").asInt()).isEqualTo(344);
        JsonNode mass = column(d, "body_mass_g");
        // pandas 1.5.3: d = pd.read_csv('penguins.csv'); d['body_mass_g'].mean(), .std(), .quantile(0.25), d.isna().sum()
        assertThat(mass.path("type").asText()).isEqualTo("long");
        assertThat(mass.path("missing").asInt()).isEqualTo(2);
        assertThat(mass.path("mean").asDouble()).isCloseTo(4201.754385964912, within(1e-9));
        assertThat(mass.path("std").asDouble()).isCloseTo(801.9545356980958, within(1e-9));
        assertThat(mass.path("p25").asDouble()).isEqualTo(3550.0);
        JsonNode sex = column(d, "sex");
        // pandas: d['sex'].value_counts() → male 168, female 165; 11 missing.
        assertThat(sex.path("type").asText()).isEqualTo("categorical");
        assertThat(sex.path("missing").asInt()).isEqualTo(11);
        assertThat(sex.path("top").asText()).isEqualTo("male");
        assertThat(sex.path("top_count").asInt()).isEqualTo(168);
    }

    @Test
    void tableShowsEveryColumn() throws Exception {
        CliRun run = CliRun.of("data", "describe", penguins().toString());
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("[344 rows x 7 columns]", "species", "categorical", "body_mass_g", "4201.75");
    }

    @Test
    void typeOverridesApplyAndBadOnesSayWhere() throws Exception {
        CliRun asDouble = CliRun.of("data", "describe", penguins().toString(), "--type", "body_mass_g=double", "--json");
        assertThat(column(JSON.readTree(asDouble.out()), "body_mass_g").path("type").asText()).isEqualTo("double");
        CliRun bad = CliRun.of("data", "describe", penguins().toString(), "--type", "species=long");
        assertThat(bad.exitCode()).isEqualTo(2);
        assertThat(bad.err().strip()).endsWith("penguins.csv:2: column 'species': expected a whole number within the range of a long, got 'Adelie'");
        CliRun unknownType = CliRun.of("data", "describe", penguins().toString(), "--type", "species=float");
        assertThat(unknownType.exitCode()).isEqualTo(2);
        assertThat(unknownType.err()).contains("unknown column type 'float'");
    }

    @Test
    void missingAndMalformedFilesExit2WithOneLine(@TempDir Path dir) throws Exception {
        CliRun missing = CliRun.of("data", "describe", dir.resolve("none.csv").toString());
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.err().lines().count()).isEqualTo(1);
        assertThat(missing.err()).contains("none.csv").contains("no such file");
        Path ragged = Files.writeString(dir.resolve("ragged.csv"), "a,b\n1,2\n3\n");
        CliRun bad = CliRun.of("data", "describe", ragged.toString());
        assertThat(bad.exitCode()).isEqualTo(2);
        assertThat(bad.err().strip()).isEqualTo("kiln: " + ragged + ":3: expected 2 fields as in the header, found 1");
    }

    private static JsonNode column(JsonNode description, String name) {
        for (JsonNode c : description.path("columns")) {
            if (c.path("name").asText().equals(name)) {
                return c;
            }
        }
        throw new AssertionError("no column " + name + " in " + description);
    }
}
