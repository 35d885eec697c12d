package dev.kiln.text.classify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kiln.core.frame.Frame;
import dev.kiln.core.io.CsvReader;
import dev.kiln.learn.catalog.DefaultPipeline;
import dev.kiln.learn.catalog.ModelCatalog;
import dev.kiln.learn.catalog.ModelSpec;
import dev.kiln.learn.selection.Task;
import dev.kiln.text.vectorize.TextAnalyzer;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The catalog finds kiln-text's models through its service file and builds them from command-line parameters. */
class TextModelsTest {

    @Test
    void theCatalogBuildsTheTfidfClassifierFromParameters() {
        ModelSpec spec = ModelCatalog.find("tfidf-logreg");
        assertThat(spec.input()).isEqualTo(ModelSpec.Input.TEXT);
        TfidfLogisticRegression e = (TfidfLogisticRegression) spec.estimator(Task.CLASSIFICATION,
                Map.of("text_col", "text", "ngram_max", "2", "stop_words", "english", "C", "4", "sublinear_tf", "true"));
        assertThat(e.params().textColumn()).isEqualTo("text");
        assertThat(e.params().tfidf().counting().analyzer()).isEqualTo(TextAnalyzer.words().withNgrams(1, 2)
                .withStopWords(TextAnalyzer.StopWordList.ENGLISH));
        assertThat(e.params().tfidf().sublinearTf()).isTrue();
        assertThat(e.params().logistic().c()).isEqualTo(4.0);
        TfidfLogisticRegression defaults = (TfidfLogisticRegression) spec.estimator(Task.CLASSIFICATION, Map.of());
        assertThat(defaults.params()).isEqualTo(TfidfLogisticRegression.Params.defaults());
    }

    @Test
    void theCatalogBuildsTheLstmFromParameters() {
        ModelSpec spec = ModelCatalog.find("lstm");
        LstmTextClassifier e = (LstmTextClassifier) spec.estimator(Task.CLASSIFICATION,
                Map.of("text_col", "text", "hidden", "32", "pooling", "mean", "epochs", "3", "learning_rate", "0.01"));
        assertThat(e.params()).isEqualTo(LstmTextClassifier.Params.defaults().withTextColumn("text").withHiddenSize(32)
                .withPooling(LstmTextClassifier.Pooling.MEAN).withEpochs(3).withLearningRate(0.01));
        LstmTextClassifier defaults = (LstmTextClassifier) spec.estimator(Task.CLASSIFICATION, Map.of());
        assertThat(defaults.params()).isEqualTo(LstmTextClassifier.Params.defaults());
        assertThatThrownBy(() -> spec.estimator(Task.CLASSIFICATION, Map.of("dropout", "1.5"))).hasMessageContaining("dropout");
    }

    @Test
    void theDefaultPipelineHandsTheFrameToTheTextModelAsItIs() {
        Frame all = CsvReader.read(TfidfLogisticRegressionTest.SENTENCES);
        ModelSpec spec = ModelCatalog.find("tfidf-logreg");
        var estimator = DefaultPipeline.build(spec, Task.CLASSIFICATION, Map.of("text_col", "text"), all.drop("label"));
        assertThat(estimator).isInstanceOf(TfidfLogisticRegression.class);
    }

    @Test
    void wrongParametersAreNamed() {
        ModelSpec spec = ModelCatalog.find("tfidf-logreg");
        assertThatThrownBy(() -> spec.estimator(Task.REGRESSION, Map.of())).hasMessageContaining("does not do regression");
        assertThatThrownBy(() -> spec.estimator(Task.CLASSIFICATION, Map.of("stemmer", "lancaster")))
                .hasMessageContaining("none|porter|english");
        assertThatThrownBy(() -> spec.estimator(Task.CLASSIFICATION, Map.of("text_col", " "))).hasMessageContaining("a name");
    }
}
