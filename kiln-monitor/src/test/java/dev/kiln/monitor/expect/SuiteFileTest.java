package dev.kiln.monitor.expect;

import dev.kiln.core.frame.ColumnType;
import dev.kiln.core.io.DataFormatException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
            new Expectation.QuantileBetween("age", 0.5, 35, 45),
            new Expectation.DistributionWithin("age", DistanceMethod.WASSERSTEIN, 0.1, new ReferenceDistribution.Bins(
                    List.of(0.0, 18.5, 31.25, 47.0, 120.0), List.of(0.24, 0.26, 0.25, 0.25), 17.3)),
            new Expectation.DistributionWithin("city", DistanceMethod.PSI, 0.2, new ReferenceDistribution.Categories(
                    cities(), 0.05))));

    /** In an order that is not sorted: files keep it. */
    private static Map<String, Double> cities() {
        Map<String, Double> shares = new LinkedHashMap<>();
        shares.put("Oslo", 0.6);
        shares.put("Bergen", 0.3);
        shares.put("Ålesund/Molde", 0.05);
        return shares;
    }

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

    @Test
    void handWrittenDistributionsTakeDefaults(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("d.yaml");
        Files.writeString(file, """
                expectations:
                  - expect: distribution
                    column: age
                    reference:
                      edges: [0, 30, 60, 120]
                      proportions: [0.33, 0.33, 0.33]
                  - expect: distribution
                    column: city
                    method: JensenShannon
                    reference:
                      categories: {Oslo: 0.7, Bergen: 0.3}
                """);
        ExpectationSuite suite = SuiteFile.read(file);
        assertThat(suite.expectations()).containsExactly(
                new Expectation.DistributionWithin("age", DistanceMethod.PSI, 0.2,
                        new ReferenceDistribution.Bins(List.of(0.0, 30.0, 60.0, 120.0), List.of(0.33, 0.33, 0.33), null)),
                new Expectation.DistributionWithin("city", DistanceMethod.JENSENSHANNON, 0.1,
                        new ReferenceDistribution.Categories(Map.of("Oslo", 0.7, "Bergen", 0.3), 0)));
    }

    @Test
    void distributionMistakesAreReportedWithTheirPointer(@TempDir Path dir) throws Exception {
        String head = "expectations:\n  - expect: not_null\n    column: age\n  - expect: distribution\n    column: age\n";
        String bins = "    reference:\n      edges: [0, 30, 60, 120]\n      proportions: [0.3, 0.3, 0.4]\n";
        assertThat(error(dir, head + "    reference:\n      edges: [0, 60, 30, 120]\n      proportions: [0.3, 0.3, 0.4]\n"))
                .endsWith("at /expectations/1/reference/edges/2: edges must increase, but 30.0 follows 60.0");
        assertThat(error(dir, head + "    reference:\n      edges: [0, 30, 60, 120]\n      proportions: [0.3, 0.3, 0.3]\n"))
                .contains("at /expectations/1/reference/proportions: proportions sum to 0.8999999999999999, expected 1 (within 0.01)");
        assertThat(error(dir, head + "    reference:\n      edges: [0, 30, 60, 120]\n      proportions: [0.5, 0.5]\n"))
                .contains("at /expectations/1/reference/proportions: expected one proportion per bin: 3 for 4 edges, got 2");
        assertThat(error(dir, head + "    reference:\n      edges: [0, 30, x, 120]\n      proportions: [0.3, 0.3, 0.4]\n"))
                .contains("at /expectations/1/reference/edges/2: expected a number, got \"x\"");
        assertThat(error(dir, head + "    reference:\n      edges: [0, 30, 60, 120]\n      proportions: [0.3, 1.3, -0.6]\n"))
                .contains("at /expectations/1/reference/proportions/1: expected a proportion in [0, 1], got 1.3");
        assertThat(error(dir, head + "    threshold: -0.1\n" + bins))
                .contains("at /expectations/1/threshold: expected a finite threshold >= 0, got -0.1");
        assertThat(error(dir, head + "    method: ks\n" + bins))
                .contains("at /expectations/1/method: unknown distance method 'ks'; expected one of: psi, jensenshannon, hellinger, wasserstein");
        assertThat(error(dir, head + "    method: wasserstein\n" + bins))
                .contains("at /expectations/1/reference/std: wasserstein is normed by the reference's standard deviation: give std");
        assertThat(error(dir, head + "    method: wasserstein\n    reference:\n      categories: {a: 1}\n"))
                .contains("at /expectations/1/method: wasserstein compares numbers: it needs a reference with edges");
        assertThat(error(dir, head + "    reference:\n      categories: {a: 0.5, a/b: high}\n"))
                .contains("at /expectations/1/reference/categories/a~1b: expected a number, got \"high\"");
        assertThat(error(dir, head + "    reference:\n      categories: {a: 0.5, b: 0.2}\n      other: 0.1\n"))
                .contains("at /expectations/1/reference/categories: proportions sum to 0.8, expected 1 (within 0.01)");
        assertThat(error(dir, head + "    reference:\n      bins: 10\n"))
                .contains("at /expectations/1/reference: expected edges and proportions (numbers) or categories (values)");
        assertThat(error(dir, head)).contains("at /expectations/1/reference: expected an object with edges and proportions");
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
