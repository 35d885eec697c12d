package dev.kiln.monitor.expect;

import dev.kiln.core.frame.ColumnType;
import dev.kiln.core.io.DataFormatException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SuiteFileTest {
    private static final ExpectationSuite SUITE = new ExpectationSuite("train.csv", List.of(
            new Expectation.ColumnsMatch(List.of("age", "city"), true),
            new Expectation.RowCountBetween(1L, null),
            new Expectation.HasType("age", ColumnType.DOUBLE),
            new Expectation.NotNull("age", 0.95),
            new Expectation.InRange("age", 0.0, 120.0, 0.99),
            new Expectation.InSet("city", Set.of("Oslo", "Bergen"), 1),
            new Expectation.MatchesRegex("city", "\\p{Lu}[a-z]+", 1),
            new Expectation.Unique("city"),
            new Expectation.MeanBetween("age", 30, 50),
            new Expectation.QuantileBetween("age", 0.5, 35, 45)));

    @Test
    void yamlAndJsonFilesReadBackToTheSameSuite(@TempDir Path dir) {
        for (String name : List.of("expectations.yaml", "expectations.json")) {
            Path file = dir.resolve(name);
            SuiteFile.write(SUITE, file);
            assertThat(SuiteFile.read(file)).isEqualTo(SUITE);
        }
    }

    @Test
    void handWrittenYamlIsReadable(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("e.yml");
        Files.writeString(file, """
                suite: people
                expectations:
                  - expect: not_null
                    column: age
                  - expect: range
                    column: age
                    min: 0
                """);
        ExpectationSuite suite = SuiteFile.read(file);
        assertThat(suite.expectations()).containsExactly(new Expectation.NotNull("age", 1),
                new Expectation.InRange("age", 0.0, null, 1));
    }

    @Test
    void mistakesAreReportedWithTheirPointer(@TempDir Path dir) throws Exception {
        assertThat(error(dir, "expectations:\n  - expect: not_null\n    column: age\n    mostly: 2\n"))
                .endsWith("at /expectations/0/mostly: expected a number in (0, 1], got 2.0");
        assertThat(error(dir, "expectations:\n  - expect: rnage\n    column: age\n"))
                .contains("at /expectations/0/expect: unknown expectation 'rnage'");
        assertThat(error(dir, "expectations:\n  - expect: range\n    column: age\n    min: 5\n    max: 1\n"))
                .contains("at /expectations/0: min 5.0 is above max 1.0");
        assertThat(error(dir, "expectations:\n  - expect: type\n    column: age\n    type: float\n"))
                .contains("at /expectations/0/type: unknown column type 'float'");
        assertThat(error(dir, "expectations: [\n")).contains("e.yaml:").contains("not valid YAML");
        assertThat(error(dir, "suite: x\n")).contains("at /expectations: expected a list");
    }

    private static String error(Path dir, String yaml) throws Exception {
        Path file = dir.resolve("e.yaml");
        Files.writeString(file, yaml);
        try {
            SuiteFile.read(file);
        } catch (DataFormatException e) {
            return e.getMessage();
        }
        throw new AssertionError("no error for " + yaml);
    }

    @Test
    void aMissingFileIsNamed(@TempDir Path dir) {
        assertThatThrownBy(() -> SuiteFile.read(dir.resolve("none.yaml"))).hasMessageContaining("none.yaml: no such file");
    }
}
