package dev.kiln.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kiln.core.frame.Frame;
import dev.kiln.core.io.CsvReader;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Classification end to end on german_credit, a table of mixed categorical and numeric columns. */
class ClassificationCommandsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    static Path credit() throws Exception {
        return Path.of(ClassificationCommandsTest.class.getResource("/german_credit.csv").toURI());
    }

    @Test
    void trainEncodesTheCategoricalColumnsAndReportsWithPictures(@TempDir Path dir) throws Exception {
        CliRun run = CliRun.of("train", "--data", credit().toString(), "--target", "class", "--model", "logistic-regression",
                "--out", dir.resolve("m").toString(), "--report", dir.resolve("r").toString(), "--json");
        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode r = JSON.readTree(run.out());
        assertThat(r.path("task").asText()).isEqualTo("classification");
        // scikit-learn 1.2.1 with the same preprocessing on the same stratified split (seed 42) scores 0.7467 (kiln-bench/results/parity.md).
        assertThat(r.path("metrics").path("accuracy").asDouble()).isCloseTo(0.7467, within(0.02));
        assertThat(r.path("metrics").has("roc_auc")).isTrue();
        assertThat(dir.resolve("r/confusion-matrix.svg")).exists();
        assertThat(dir.resolve("r/roc.svg")).exists();
        assertThat(dir.resolve("r/importance.svg")).exists();
        assertThat(Files.readString(dir.resolve("r/importance.svg"))).contains("checking_status");
    }

    @Test
    void predictWritesOneProbabilityColumnPerClass(@TempDir Path dir) throws Exception {
        assertThat(CliRun.of("train", "--data", credit().toString(), "--target", "class", "--model", "random-forest",
                "--param", "n_estimators=20", "--out", dir.resolve("m").toString()).exitCode()).isZero();
        Path out = dir.resolve("p.csv");
        CliRun predict = CliRun.of("predict", "--model", dir.resolve("m").toString(), "--data", credit().toString(), "--out", out.toString());
        assertThat(predict.exitCode()).as(predict.err()).isZero();
        Frame p = CsvReader.read(out);
        assertThat(p.names()).endsWith("prediction", "proba_bad", "proba_good");
        for (int i = 0; i < p.rowCount(); i++) {
            double bad = p.column("proba_bad").getDouble(i);
            double good = p.column("proba_good").getDouble(i);
            assertThat(bad + good).isCloseTo(1.0, within(1e-9));
            assertThat(p.column("prediction").text(i)).isEqualTo(good > bad ? "good" : bad > good ? "bad" : p.column("prediction").text(i));
        }
    }

    @Test
    void cvAndTuneWorkOnClasses(@TempDir Path dir) throws Exception {
        CliRun cv = CliRun.of("cv", "--data", credit().toString(), "--target", "class", "--model", "decision-tree", "--folds", "3",
                "--param", "max_depth=3", "--json");
        assertThat(cv.exitCode()).as(cv.err()).isZero();
        assertThat(JSON.readTree(cv.out()).path("metrics").path("accuracy").path("mean").asDouble()).isBetween(0.6, 0.8);
        CliRun tune = CliRun.of("tune", "--data", credit().toString(), "--target", "class", "--model", "decision-tree",
                "--search", "random", "--space", "max_depth=int(1,6);min_samples_leaf=int(1,20)", "--trials", "6", "--folds", "3",
                "--json");
        assertThat(tune.exitCode()).as(tune.err()).isZero();
        JsonNode t = JSON.readTree(tune.out());
        assertThat(t.path("all_trials").size()).isEqualTo(6);
        int depth = t.path("best_params").path("max_depth").asInt();
        assertThat(depth).isBetween(1, 6);
    }
}
