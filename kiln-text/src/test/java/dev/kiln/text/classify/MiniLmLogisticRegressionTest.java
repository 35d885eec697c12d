package dev.kiln.text.classify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kiln.core.frame.Frame;
import dev.kiln.core.io.CsvReader;
import dev.kiln.core.model.ClassificationPrediction;
import dev.kiln.core.modelfile.ModelFile;
import dev.kiln.learn.catalog.ModelCatalog;
import dev.kiln.learn.catalog.ModelSpec;
import dev.kiln.learn.linear.LogisticRegression;
import dev.kiln.learn.selection.CrossValidation;
import dev.kiln.learn.selection.CrossValidationResult;
import dev.kiln.learn.selection.StratifiedKFold;
import dev.kiln.learn.selection.Task;
import dev.kiln.text.encode.SentenceEncoder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MiniLmLogisticRegressionTest {

    @Test
    void fiveFoldAccuracyOnLabelledSentencesReachesTheIssuesTarget() {
        Frame all = CsvReader.read(TfidfLogisticRegressionTest.SENTENCES);
        // one estimator for all folds: it embeds each sentence once as training data
        CrossValidationResult r = CrossValidation.run(new MiniLmLogisticRegression(), all.select(List.of("text")), all.column("label"),
                new StratifiedKFold(5, true, 42));
        System.out.printf("minilm-logreg 5-fold accuracy %.4f ± %.4f%n", r.mean("accuracy"), r.std("accuracy"));
        // The issue's target is 0.85 (TF-IDF + logistic regression reaches 0.817 on the same folds).
        assertThat(r.mean("accuracy")).isGreaterThanOrEqualTo(0.85);
    }

    @Test
    void aSavedModelPredictsExactlyAsTheOriginalAndStoresNoEncoder(@TempDir Path dir) throws Exception {
        Frame all = CsvReader.read(TfidfLogisticRegressionTest.SENTENCES).head(300);
        MiniLmLogisticRegressionModel m = new MiniLmLogisticRegression(MiniLmLogisticRegression.Params.defaults().withTextColumn("text")
                .withLogistic(LogisticRegression.Params.defaults().withC(10))).fit(all, all.column("label"));
        assertThat(m.classifier().inputSchema().fields().get(383).name()).isEqualTo("embedding_383");
        assertThat(m.predict("The food was great and the service excellent.").label()).isEqualTo("1");
        assertThat(m.predict("Terrible, broke after a day. Waste of money.").label()).isEqualTo("0");
        ModelFile.save(m, dir.resolve("m"));
        long bytes;
        try (var files = Files.walk(dir.resolve("m"))) {
            bytes = files.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
        }
        assertThat(bytes).as("the classifier only, not the 90 MB encoder").isLessThan(100_000);
        MiniLmLogisticRegressionModel loaded = ModelFile.load(dir.resolve("m"), MiniLmLogisticRegressionModel.class);
        ClassificationPrediction a = m.predict(all);
        ClassificationPrediction b = loaded.predict(all);
        assertThat(b.labels()).isEqualTo(a.labels());
        assertThat(b.probabilities()).isDeepEqualTo(a.probabilities());
        assertThat(loaded.params()).isEqualTo(m.params());
        assertThat(loaded.encoder().modelSha256()).isEqualTo(m.encoder().modelSha256());
    }

    @Test
    void aModelTrainedOnAnotherOnnxFileIsRefused(@TempDir Path dir) throws Exception {
        Frame all = CsvReader.read(TfidfLogisticRegressionTest.SENTENCES).head(40);
        MiniLmLogisticRegressionModel m = new MiniLmLogisticRegression().fit(all.select(List.of("text")), all.column("label"));
        ModelFile.save(m, dir.resolve("m"));
        Path manifest = dir.resolve("m/manifest.json");
        Files.writeString(manifest, Files.readString(manifest).replace(m.encoder().modelSha256(), "0".repeat(64)));
        assertThatThrownBy(() -> ModelFile.load(dir.resolve("m"), MiniLmLogisticRegressionModel.class))
                .hasMessageContaining("SHA-256 " + "0".repeat(64)).hasMessageContaining("retrain");
    }

    @Test
    void theCatalogBuildsItFromParameters() {
        ModelSpec spec = ModelCatalog.find("minilm-logreg");
        assertThat(spec.input()).isEqualTo(ModelSpec.Input.TEXT);
        MiniLmLogisticRegression e = (MiniLmLogisticRegression) spec.estimator(Task.CLASSIFICATION,
                Map.of("text_col", "text", "C", "10", "max_length", "128"));
        assertThat(e.params()).isEqualTo(new MiniLmLogisticRegression.Params("text",
                SentenceEncoder.Settings.defaults().withMaxLength(128), LogisticRegression.Params.defaults().withC(10)));
        MiniLmLogisticRegression defaults = (MiniLmLogisticRegression) spec.estimator(Task.CLASSIFICATION, Map.of());
        assertThat(defaults.params()).isEqualTo(MiniLmLogisticRegression.Params.defaults().withEncoder(
                SentenceEncoder.Settings.defaults().withMaxLength(256)));
        assertThatThrownBy(() -> spec.estimator(Task.REGRESSION, Map.of())).hasMessageContaining("does not do regression");
    }

    @Test
    void blankTrainingTextsAreNamed() {
        assertThatThrownBy(() -> new MiniLmLogisticRegression().fit(List.of("good", " "), dev.kiln.core.frame.CategoricalColumn.of("y", "a", "b")))
                .hasMessage("minilm-logreg: text 2 is blank; every training text must hold words");
    }
}
