package dev.kiln.text.classify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.kiln.core.frame.Frame;
import dev.kiln.core.io.CsvReader;
import dev.kiln.core.model.ClassificationPrediction;
import dev.kiln.core.modelfile.ModelFile;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TextModelFileTest {

    @Test
    void aSavedModelPredictsExactlyAsTheOriginal(@TempDir Path dir) {
        Frame all = CsvReader.read(TfidfLogisticRegressionTest.SENTENCES);
        TfidfLogisticRegressionModel m = new TfidfLogisticRegression().fit(all.select(List.of("text")), all.column("label"));
        ModelFile.save(m, dir.resolve("m"));
        TfidfLogisticRegressionModel loaded = ModelFile.load(dir.resolve("m"), TfidfLogisticRegressionModel.class);
        ClassificationPrediction a = m.predict(all);
        ClassificationPrediction b = loaded.predict(all);
        assertThat(b.labels()).isEqualTo(a.labels());
        assertThat(b.probabilities()).isDeepEqualTo(a.probabilities());
        assertThat(loaded.params()).isEqualTo(m.params());
    }

    @Test
    void goldenFileStillLoads() throws URISyntaxException {
        // Written by Kiln 0.1.0 and kept unchanged: later versions must read it. Trained with the defaults on six
        // reviews ("great food, great service" pos, "awful food" neg, …); the probabilities were printed at writing.
        Path golden = Path.of(getClass().getResource("/golden/tfidf-logreg-v1").toURI());
        TfidfLogisticRegressionModel m = ModelFile.load(golden, TfidfLogisticRegressionModel.class);
        assertThat(m.textColumn()).isEqualTo("review");
        assertThat(m.classes()).containsExactly("neg", "pos");
        assertThat(m.predict("great staff").probabilities().get("pos")).isCloseTo(0.6007510401133604, within(1e-15));
        assertThat(m.predict("rude and awful").probabilities().get("neg")).isCloseTo(0.6280904375584949, within(1e-15));
        assertThat(m.predict("unknown words").probabilities().get("neg")).isCloseTo(0.5202580137557343, within(1e-15));
    }

    @Test
    void aSavedLstmModelPredictsExactlyAsTheOriginal(@TempDir Path dir) {
        Frame all = CsvReader.read(TfidfLogisticRegressionTest.SENTENCES);
        Frame some = all.slice(0, 300);
        LstmTextClassifier.Params p = LstmTextClassifier.Params.defaults().withEmbeddingDim(16).withHiddenSize(8).withLayers(2)
                .withEpochs(2).withTextColumn("text");
        LstmTextClassifierModel m = new LstmTextClassifier(p).fit(some.select(List.of("text")), some.column("label"));
        ModelFile.save(m, dir.resolve("m"));
        LstmTextClassifierModel loaded = ModelFile.load(dir.resolve("m"), LstmTextClassifierModel.class);
        Frame others = all.slice(300, 900);
        ClassificationPrediction a = m.predict(others);
        ClassificationPrediction b = loaded.predict(others);
        assertThat(b.labels()).isEqualTo(a.labels());
        assertThat(b.probabilities()).isDeepEqualTo(a.probabilities());
        assertThat(loaded.params()).isEqualTo(m.params());
        assertThat(loaded.vocabulary().words()).isEqualTo(m.vocabulary().words());
        assertThat(loaded.weights().keySet()).containsExactlyElementsOf(m.weights().keySet())
                .contains("lstm.weight_hh_l1_reverse", "head.bias");
    }

    @Test
    void goldenLstmFileStillLoads() throws URISyntaxException {
        // Written by Kiln 0.1.0 and kept unchanged: later versions must read it. Trained on six reviews ("great food,
        // great service" pos, "awful food" neg, …; embedding 4, hidden 3, 10 epochs, no validation); the probabilities
        // were printed at writing. The network runs in float32 on the SIMD GEMM, whose sums may round differently on
        // another CPU, hence 1e-6.
        Path golden = Path.of(getClass().getResource("/golden/lstm-text-classifier-v1").toURI());
        LstmTextClassifierModel m = ModelFile.load(golden, LstmTextClassifierModel.class);
        assertThat(m.textColumn()).isEqualTo("review");
        assertThat(m.classes()).containsExactly("neg", "pos");
        assertThat(m.vocabulary().words()).hasSize(17).startsWith("great", "and", "awful");
        assertThat(m.params().hiddenSize()).isEqualTo(3);
        assertThat(m.predict("great staff").probabilities().get("pos")).isCloseTo(0.8676771514818218, within(1e-6));
        assertThat(m.predict("rude and awful").probabilities().get("neg")).isCloseTo(0.9551625280244704, within(1e-6));
        assertThat(m.predict("unknown words").probabilities().get("neg")).isCloseTo(0.5857763194868515, within(1e-6));
    }
}
