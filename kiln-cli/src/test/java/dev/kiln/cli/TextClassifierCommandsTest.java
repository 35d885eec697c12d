package dev.kiln.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kiln.core.modelfile.ModelFile;
import dev.kiln.text.classify.LstmTextClassifierModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The text classifiers through the generic commands: {@code kiln cv/train/evaluate/predict --model tfidf-logreg}. */
class TextClassifierCommandsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    static Path sentences() throws Exception {
        return Path.of(TextClassifierCommandsTest.class.getResource("/sentiment-small/sentences.csv").toURI());
    }

    @Test
    void crossValidatesTrainsEvaluatesAndPredicts(@TempDir Path dir) throws Exception {
        String data = sentences().toString();
        CliRun cv = CliRun.of("cv", "--data", data, "--target", "label", "--model", "tfidf-logreg", "--param", "text_col=text",
                "--folds", "5", "--json");
        assertThat(cv.exitCode()).as(cv.err()).isZero();
        // 900 sentences: Kiln reached 0.754 (the full 3,000 reach 0.817); a model that learnt nothing sits at 0.5.
        assertThat(JSON.readTree(cv.out()).path("metrics").path("accuracy").path("mean").asDouble()).isGreaterThan(0.7);

        Path model = dir.resolve("m");
        CliRun train = CliRun.of("train", "--data", data, "--target", "label", "--model", "tfidf-logreg", "--param", "text_col=text",
                "--param", "ngram_max=2", "--out", model.toString(), "--json");
        assertThat(train.exitCode()).as(train.err()).isZero();
        CliRun evaluate = CliRun.of("evaluate", "--model", model.toString(), "--data", data, "--json");
        assertThat(evaluate.exitCode()).as(evaluate.err()).isZero();
        assertThat(JSON.readTree(evaluate.out()).path("metrics").path("accuracy").asDouble()).isGreaterThan(0.9);
        Path out = dir.resolve("p.csv");
        CliRun predict = CliRun.of("predict", "--model", model.toString(), "--data", data, "--out", out.toString());
        assertThat(predict.exitCode()).as(predict.err()).isZero();
        List<String> lines = Files.readAllLines(out);
        assertThat(lines.get(0)).isEqualTo("id,source,text,label,prediction,proba_0,proba_1");
        assertThat(lines).hasSize(901);
    }

    @Test
    void anLstmTrainsAndSavesFromTheCommandLine(@TempDir Path dir) throws Exception {
        CliRun train = CliRun.of("train", "--data", sentences().toString(), "--target", "label", "--model", "lstm",
                "--param", "text_col=text", "--param", "epochs=2", "--param", "hidden=16", "--out", dir.resolve("m").toString(), "--json");
        assertThat(train.exitCode()).as(train.err()).isZero();
        assertThat(JSON.readTree(train.out()).path("metrics").has("accuracy")).isTrue();
        CliRun evaluate = CliRun.of("evaluate", "--model", dir.resolve("m").toString(), "--data", sentences().toString(), "--json");
        assertThat(evaluate.exitCode()).as(evaluate.err()).isZero();
        assertThat(JSON.readTree(evaluate.out()).path("model_type").asText()).isEqualTo("lstm-text-classifier");
    }

    @Test
    void textTrainAndTextPredict(@TempDir Path dir) throws Exception {
        Path model = dir.resolve("m");
        CliRun train = CliRun.of("text", "train", "--data", sentences().toString(), "--text-col", "text", "--target", "label",
                "--model", "tfidf-logreg", "--param", "ngram_max=2", "--out", model.toString(), "--json");
        assertThat(train.exitCode()).as(train.err()).isZero();
        JsonNode r = JSON.readTree(train.out());
        assertThat(r.path("model").asText()).isEqualTo("tfidf-logreg");
        assertThat(r.path("test_rows").asInt()).isEqualTo(270);
        CliRun predict = CliRun.of("text", "predict", "--model", model.toString(), "Great food, lovely staff.", "Awful. Never again.",
                "--json");
        assertThat(predict.exitCode()).as(predict.err()).isZero();
        JsonNode p = JSON.readTree(predict.out()).path("predictions");
        assertThat(p.get(0).path("label").asText()).isEqualTo("1");
        assertThat(p.get(1).path("label").asText()).isEqualTo("0");
        assertThat(p.get(0).path("probability").asDouble()).isGreaterThan(0.5);
        CliRun table = CliRun.of("text", "predict", "--model", model.toString(), "zxqv unknown words");
        assertThat(table.exitCode()).as(table.err()).isZero();
        assertThat(table.out()).contains("label").contains("zxqv unknown words");
    }

    @Test
    void anLstmStartsFromWordVectorsTrainedByKilnTextVectors(@TempDir Path dir) throws Exception {
        Path corpus = dir.resolve("corpus.txt");
        List<String> texts = new java.util.ArrayList<>();
        for (String line : Files.readAllLines(sentences()).subList(1, 901)) {
            texts.add(line);
        }
        Files.write(corpus, texts);
        Path vectors = dir.resolve("vectors.txt");
        CliRun train = CliRun.of("text", "vectors", "--corpus", corpus.toString(), "--dim", "24", "--min-count", "2", "--epochs", "2",
                "--threads", "1", "--out", vectors.toString());
        assertThat(train.exitCode()).as(train.err()).isZero();
        Path model = dir.resolve("m");
        CliRun lstm = CliRun.of("text", "train", "--data", sentences().toString(), "--text-col", "text", "--target", "label",
                "--model", "lstm", "--param", "vectors=" + vectors, "--param", "epochs=1", "--param", "hidden=8", "--out",
                model.toString(), "--json");
        assertThat(lstm.exitCode()).as(lstm.err()).isZero();
        LstmTextClassifierModel m = ModelFile.load(model, LstmTextClassifierModel.class);
        assertThat(m.params().embeddingDim()).isEqualTo(24);
        assertThat(m.pretrainedWords()).isGreaterThan(100);
    }

    @Test
    void textTrainTakesOnlyTextClassifiers() throws Exception {
        CliRun run = CliRun.of("text", "train", "--data", sentences().toString(), "--target", "label", "--model", "random-forest");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("not a text classifier").contains("tfidf-logreg").contains("lstm");
    }

    @Test
    void twoTextColumnsWithoutTextColIsAOneLineError() throws Exception {
        CliRun cv = CliRun.of("cv", "--data", sentences().toString(), "--target", "label", "--model", "tfidf-logreg");
        assertThat(cv.exitCode()).isEqualTo(2);
        assertThat(cv.err()).contains("needs one text column").contains("--text-col").contains("[id, text]");
    }

    @Test
    void modelsListsTheTextClassifier() {
        CliRun models = CliRun.of("models");
        assertThat(models.out()).contains("tfidf-logreg").contains("lstm");
    }
}
