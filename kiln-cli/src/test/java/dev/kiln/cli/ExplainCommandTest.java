package dev.kiln.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kiln.core.frame.Frame;
import dev.kiln.core.io.CsvReader;
import dev.kiln.core.io.CsvWriter;
import dev.kiln.core.model.ClassificationPrediction;
import dev.kiln.core.model.Model;
import dev.kiln.core.modelfile.ModelFile;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** kiln explain on models trained by kiln train: JSON keys, additivity, original column names, and bad input. */
class ExplainCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dir;
    static Path forest;
    static Path part;

    @BeforeAll
    static void trainAForestOnMixedColumns() throws Exception {
        forest = dir.resolve("forest");
        CliRun train = CliRun.of("train", "--data", ClassificationCommandsTest.credit().toString(), "--target", "class",
                "--model", "random-forest", "--param", "n_estimators=15", "--out", forest.toString(), "--json");
        assertThat(train.exitCode()).as(train.err()).isZero();
        part = dir.resolve("part.csv");
        CsvWriter.write(CsvReader.read(ClassificationCommandsTest.credit()).head(30), part);
    }

    /** KernelSHAP explains the forest in the file's own columns, and adds up exactly like TreeSHAP does. */
    @Test
    void kernelShapAddsUpAndWritesAReport() throws Exception {
        Path report = dir.resolve("kernel.html");
        CliRun run = CliRun.of("explain", "--model", forest.toString(), "--data", part.toString(), "--row", "2",
                "--method", "kernel", "--report", report.toString(), "--json");
        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode r = JSON.readTree(run.out());
        assertThat(r.path("method").asText()).isEqualTo("kernel");
        assertThat(sum(r)).isCloseTo(r.path("prediction").asDouble(), within(1e-6));
        assertThat(java.nio.file.Files.readString(report)).contains("<svg", "purpose", "age");
    }

    @Test
    void limeReportsItsFidelity() throws Exception {
        CliRun run = CliRun.of("explain", "--model", forest.toString(), "--data", part.toString(), "--row", "1",
                "--method", "lime", "--json");
        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode r = JSON.readTree(run.out());
        assertThat(r.path("method").asText()).isEqualTo("lime");
        assertThat(r.path("fidelity").asDouble()).isBetween(-1.0, 1.0);
        assertThat(fieldNames(r.path("values"))).contains("age", "purpose");
    }

    @Test
    void oneRowAsJsonAddsUpToTheForestsProbability() throws Exception {
        CliRun run = CliRun.of("explain", "--model", forest.toString(), "--data", part.toString(), "--row", "3", "--json");
        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode r = JSON.readTree(run.out());
        assertThat(fieldNames(r)).containsExactly("row", "method", "output", "class", "base_value", "prediction", "values",
                "feature_values");
        assertThat(r.path("method").asText()).isEqualTo("tree");
        assertThat(r.path("output").asText()).isEqualTo("probability");
        assertThat(r.path("class").asText()).isEqualTo("good");
        // Values are keyed by the file's columns: one-hot groups were summed back.
        Frame data = CsvReader.read(part);
        assertThat(fieldNames(r.path("values"))).containsExactlyElementsOf(data.drop("class").names());
        assertThat(r.path("feature_values").path("purpose").asText()).isEqualTo(data.column("purpose").text(3));
        assertThat(r.path("feature_values").path("age").asDouble()).isEqualTo(data.column("age").getDouble(3));
        assertThat(sum(r)).isCloseTo(r.path("prediction").asDouble(), within(1e-6));
        Model<?> model = ModelFile.load(forest, Model.class);
        ClassificationPrediction p = (ClassificationPrediction) model.predict(data.slice(3, 4));
        assertThat(r.path("prediction").asDouble()).isCloseTo(p.probabilities(0)[p.classes().indexOf("good")], within(1e-9));
    }

    @Test
    void allRowsAsJsonRankColumnsByMeanAbsoluteValue() throws Exception {
        CliRun run = CliRun.of("explain", "--model", forest.toString(), "--data", part.toString(), "--all", "--class", "bad",
                "--json");
        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode r = JSON.readTree(run.out());
        assertThat(fieldNames(r)).containsExactly("method", "output", "rows", "mean_abs");
        assertThat(r.path("rows")).hasSize(30);
        for (JsonNode row : r.path("rows")) {
            assertThat(row.path("class").asText()).isEqualTo("bad");
            assertThat(sum(row)).isCloseTo(row.path("prediction").asDouble(), within(1e-6));
        }
        assertThat(r.path("rows").get(7).path("row").asInt()).isEqualTo(7);
        List<Double> means = new ArrayList<>();
        r.path("mean_abs").forEach(v -> means.add(v.asDouble()));
        assertThat(means).hasSize(20).isSortedAccordingTo((a, b) -> Double.compare(b, a));
        double age = 0;
        for (JsonNode row : r.path("rows")) {
            age += Math.abs(row.path("values").path("age").asDouble()) / 30;
        }
        assertThat(r.path("mean_abs").path("age").asDouble()).isCloseTo(age, within(1e-12));
    }

    @Test
    void linearAndExactMethodsAddUpOnALinearModel() throws Exception {
        Path linear = dir.resolve("linear");
        assertThat(CliRun.of("train", "--data", LearningCommandsTest.diabetes().toString(), "--target", "target", "--model",
                "linear-regression", "--out", linear.toString(), "--json").exitCode()).isZero();
        for (String method : List.of("auto", "exact")) {
            CliRun run = CliRun.of("explain", "--model", linear.toString(), "--data", LearningCommandsTest.diabetes().toString(),
                    "--row", "5", "--method", method, "--background", "8", "--json");
            assertThat(run.exitCode()).as(run.err()).isZero();
            JsonNode r = JSON.readTree(run.out());
            assertThat(r.path("method").asText()).isEqualTo(method.equals("auto") ? "linear" : "exact");
            assertThat(r.path("output").asText()).isEqualTo("value");
            assertThat(r.has("class")).isFalse();
            assertThat(sum(r)).isCloseTo(r.path("prediction").asDouble(), within(1e-6));
        }
    }

    @Test
    void tableShowsContributionsLargestFirst() {
        CliRun run = CliRun.of("explain", "--model", forest.toString(), "--data", part.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("probability of class 'good'", "feature", "contribution", "base value", "prediction");
    }

    @Test
    void badInputExitsTwoWithAClearMessage() throws Exception {
        CliRun outOfRange = CliRun.of("explain", "--model", forest.toString(), "--data", part.toString(), "--row", "30");
        assertThat(outOfRange.exitCode()).isEqualTo(2);
        assertThat(outOfRange.err()).contains("--row 30 is out of range", "30 rows (0 to 29)");

        Path lacking = dir.resolve("lacking.csv");
        CsvWriter.write(CsvReader.read(part).drop("age", "purpose"), lacking);
        CliRun missing = CliRun.of("explain", "--model", forest.toString(), "--data", lacking.toString());
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.err()).contains("lacks the model's columns", "purpose", "age");

        CliRun unfit = CliRun.of("explain", "--model", forest.toString(), "--data", part.toString(), "--method", "linear");
        assertThat(unfit.exitCode()).isEqualTo(2);
        assertThat(unfit.err()).contains("method 'linear'", "RandomForestClassifier");

        CliRun unknownClass = CliRun.of("explain", "--model", forest.toString(), "--data", part.toString(), "--class", "ugly");
        assertThat(unknownClass.exitCode()).isEqualTo(2);
        assertThat(unknownClass.err()).contains("no class 'ugly'");
    }

    /** base_value + Σ values. */
    private static double sum(JsonNode r) {
        return r.path("base_value").asDouble()
                + r.path("values").properties().stream().mapToDouble(e -> e.getValue().asDouble()).sum();
    }

    private static List<String> fieldNames(JsonNode node) {
        return node.properties().stream().map(java.util.Map.Entry::getKey).toList();
    }
}
