package dev.kiln.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kiln.core.frame.Frame;
import dev.kiln.core.io.CsvReader;
import dev.kiln.core.io.CsvWriter;
import dev.kiln.core.metrics.RegressionMetrics;
import dev.kiln.core.model.PipelineModel;
import dev.kiln.core.model.RegressionPrediction;
import dev.kiln.core.modelfile.Manifest;
import dev.kiln.core.modelfile.ModelFile;
import dev.kiln.learn.linear.LinearRegression;
import dev.kiln.learn.linear.LinearRegressionModel;
import dev.kiln.learn.selection.CrossValidation;
import dev.kiln.learn.selection.KFold;
import dev.kiln.learn.selection.TrainTestSplit;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** train, evaluate, predict, cv, tune and models, end to end on diabetes with ordinary least squares. */
class LearningCommandsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    static Path diabetes() throws Exception {
        return Path.of(LearningCommandsTest.class.getResource("/dev/kiln/cli/demo/diabetes.csv").toURI());
    }

    @Test
    void trainScoresTheHeldOutRowsAndSavesTheModel() throws Exception {
        Path model = dir.resolve("model");
        CliRun run = CliRun.of("train", "--data", diabetes().toString(), "--target", "target", "--model", "linear-regression",
                "--seed", "7", "--out", model.toString(), "--report", dir.resolve("report").toString(), "--json");
        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode r = JSON.readTree(run.out());
        // The same split and fit done directly give the same test R².
        Frame data = CsvReader.read(diabetes());
        TrainTestSplit split = TrainTestSplit.random(data.rowCount(), 0.3, 7);
        LinearRegressionModel direct = new LinearRegression().fit(split.train(data), "target");
        double r2 = RegressionMetrics.r2(split.test(data).column("target").toDoubles(), direct.predict(split.test(data)).values());
        assertThat(r.path("metrics").path("r2").asDouble()).isCloseTo(r2, within(1e-12));
        assertThat(r.path("train_rows").asInt()).isEqualTo(309);
        assertThat(r.path("timings").path("fit_seconds").asDouble()).isPositive();
        Manifest m = ModelFile.readManifest(model);
        assertThat(m.task()).isEqualTo("regression");
        assertThat(m.target()).isEqualTo("target");
        assertThat(m.provenance().seed()).isEqualTo(7L);
        assertThat(m.trainingMetrics().get("r2")).isCloseTo(r2, within(1e-12));
        assertThat(Files.readString(dir.resolve("report/index.html"))).contains("residuals.svg", "r2");
        assertThat(dir.resolve("report/residuals.svg")).exists();
    }

    @Test
    void evaluateAndPredictUseTheSavedModel() throws Exception {
        Path model = dir.resolve("model");
        assertThat(CliRun.of("train", "--data", diabetes().toString(), "--target", "target", "--model", "linear-regression",
                "--out", model.toString(), "--json").exitCode()).isZero();
        Frame data = CsvReader.read(diabetes());
        Path part = dir.resolve("part.csv");
        CsvWriter.write(data.head(40), part);
        PipelineModel<?> saved = ModelFile.load(model, PipelineModel.class);
        assertThat(saved.model()).isInstanceOf(LinearRegressionModel.class);
        double[] expected = ((RegressionPrediction) saved.predict(data.head(40))).values();

        CliRun evaluate = CliRun.of("evaluate", "--model", model.toString(), "--data", part.toString(), "--json");
        assertThat(evaluate.exitCode()).as(evaluate.err()).isZero();
        double r2 = RegressionMetrics.r2(data.head(40).column("target").toDoubles(), expected);
        assertThat(JSON.readTree(evaluate.out()).path("metrics").path("r2").asDouble()).isCloseTo(r2, within(1e-12));

        Path predictions = dir.resolve("predictions.csv");
        CliRun predict = CliRun.of("predict", "--model", model.toString(), "--data", part.toString(), "--out", predictions.toString());
        assertThat(predict.exitCode()).as(predict.err()).isZero();
        Frame out = CsvReader.read(predictions);
        assertThat(out.names()).endsWith("target", "prediction");
        assertThat(out.column("prediction").toDoubles()).containsExactly(expected);
        CliRun toStdout = CliRun.of("predict", "--model", model.toString(), "--data", part.toString());
        assertThat(toStdout.out().lines().findFirst().orElseThrow()).endsWith(",prediction");
    }

    @Test
    void cvReportsEveryFoldAndTheMean() throws Exception {
        CliRun run = CliRun.of("cv", "--data", diabetes().toString(), "--target", "target", "--model", "linear-regression",
                "--folds", "4", "--seed", "3", "--json");
        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode r = JSON.readTree(run.out());
        Frame data = CsvReader.read(diabetes());
        double direct = CrossValidation.run(new LinearRegression(), data.drop("target"), data.column("target"),
                new KFold(4, true, 3)).mean("r2");
        assertThat(r.path("per_fold").size()).isEqualTo(4);
        assertThat(r.path("metrics").path("r2").path("mean").asDouble()).isCloseTo(direct, within(1e-12));
        assertThat(CliRun.of("cv", "--data", diabetes().toString(), "--target", "target", "--model", "linear-regression").out())
                .contains("mean", "std", "r2");
    }

    @Test
    void tuneFindsTheBetterSettingAndCanSaveIt() throws Exception {
        Path model = dir.resolve("tuned");
        CliRun run = CliRun.of("tune", "--data", diabetes().toString(), "--target", "target", "--model", "linear-regression",
                "--search", "grid", "--space", "fit_intercept=[true,false]", "--folds", "3", "--out", model.toString(), "--json");
        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode r = JSON.readTree(run.out());
        // Without an intercept, a line through the origin cannot fit targets that average 152: R² is far worse.
        assertThat(r.path("best_params").path("fit_intercept").asBoolean()).isTrue();
        assertThat(r.path("all_trials").size()).isEqualTo(2);
        PipelineModel<?> tuned = ModelFile.load(model, PipelineModel.class);
        assertThat(((LinearRegressionModel) tuned.model()).params().fitIntercept()).isTrue();
    }

    @Test
    void modelsListsNamesAndParameters() throws Exception {
        JsonNode r = JSON.readTree(CliRun.of("models", "--json").out());
        assertThat(r.path("models").findValuesAsText("name")).contains("linear-regression");
        CliRun one = CliRun.of("models", "linear-regression");
        assertThat(one.out()).contains("fit_intercept", "true|false");
    }

    @Test
    void badInputIsRefusedBeforeTrainingWithTheReason() throws Exception {
        String data = diabetes().toString();
        assertThat(error("train", "--data", data, "--target", "target", "--model", "linear-regresion"))
                .isEqualTo("kiln: unknown model 'linear-regresion' (did you mean 'linear-regression'?); valid: "
                        + String.join(", ", dev.kiln.learn.catalog.ModelCatalog.names()) + "; image classifiers: mlp, cnn");
        assertThat(error("train", "--data", data, "--target", "target", "--model", "linear-regression", "--param", "fit_intercept=maybe"))
                .isEqualTo("kiln: parameter fit_intercept of linear-regression: expected true|false, got 'maybe'");
        assertThat(error("train", "--data", data, "--target", "targt", "--model", "linear-regression"))
                .startsWith("kiln: unknown column 'targt' (did you mean 'target'?)");
        assertThat(error("train", "--data", data, "--target", "target", "--model", "linear-regression", "--task", "classification"))
                .contains("linear-regression does not do classification; it does regression");
        Path oneClass = Files.writeString(dir.resolve("one.csv"), "x,y\n1,a\n2,a\n3,a\n");
        assertThat(error("train", "--data", oneClass.toString(), "--target", "y", "--model", "linear-regression"))
                .contains("the target 'y' has only one class ('a')");
        Path textTarget = Files.writeString(dir.resolve("text.csv"), "x,y\n1,a\n2,b\n3,a\n");
        assertThat(error("train", "--data", textTarget.toString(), "--target", "y", "--model", "linear-regression", "--task", "regression"))
                .contains("the target 'y' is categorical; regression needs a numeric target");
        Path empty = Files.writeString(dir.resolve("empty.csv"), "x,y\n,1\n,2\n,3\n");
        assertThat(error("train", "--data", empty.toString(), "--target", "y", "--model", "linear-regression"))
                .contains("every feature column is entirely missing");
    }

    private static String error(String... args) {
        CliRun run = CliRun.of(args);
        assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(2);
        List<String> lines = run.err().lines().filter(l -> l.startsWith("kiln:")).toList();
        assertThat(lines).hasSize(1);
        return lines.get(0);
    }
}
