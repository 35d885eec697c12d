package dev.kiln.text.classify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.kiln.core.frame.CategoricalColumn;
import dev.kiln.core.frame.Column;
import dev.kiln.core.frame.Frame;
import dev.kiln.core.frame.TextColumn;
import dev.kiln.core.io.CsvReader;
import dev.kiln.learn.selection.CrossValidation;
import dev.kiln.learn.selection.CrossValidationResult;
import dev.kiln.learn.selection.StratifiedKFold;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class TfidfLogisticRegressionTest {
    static final Path SENTENCES = Path.of("src/test/resources/sentiment/sentences.csv");

    @Test
    void fiveFoldAccuracyOnLabelledSentencesIsAtLeastEightyPercent() {
        Frame all = CsvReader.read(SENTENCES);
        CrossValidationResult r = CrossValidation.run(new TfidfLogisticRegression(), all.select(List.of("text")), all.column("label"),
                new StratifiedKFold(5, true, 42));
        // Kiln reached 0.8167 with scikit-learn's default settings (kiln-bench/results/text.md has scikit-learn's figure on the same folds).
        assertThat(r.mean("accuracy")).isGreaterThanOrEqualTo(0.80);
    }

    @Test
    void predictsOneTextWithProbabilitiesAndIgnoresUnknownWords() {
        Frame all = CsvReader.read(SENTENCES);
        TfidfLogisticRegressionModel m = new TfidfLogisticRegression().fit(all.select(List.of("text")), all.column("label"));
        assertThat(m.textColumn()).isEqualTo("text");
        assertThat(m.classes()).containsExactly("0", "1");
        TextPrediction good = m.predict("The food was great and the service excellent.");
        assertThat(good.label()).isEqualTo("1");
        assertThat(good.probability()).isGreaterThan(0.5);
        assertThat(good.probabilities().values().stream().mapToDouble(Double::doubleValue).sum()).isCloseTo(1.0, within(1e-12));
        assertThat(m.predict("Terrible, broke after a day. Waste of money.").label()).isEqualTo("0");
        TextPrediction unknown = m.predict("zxqv glorp");
        assertThat(unknown.probabilities()).hasSize(2);
        assertThat(m.predict("").label()).isIn("0", "1");
        // The strongest words say what the model learnt: "great" pushes towards positive.
        int great = m.vectorizer().vocabulary().indexOf("great");
        assertThat(m.classifier().coefficients()[0][great]).isGreaterThan(1);
        assertThat(m.classifier().inputSchema().fields().get(great).name()).isEqualTo("text:great");
    }

    @Test
    void badTrainingDataIsNamed() {
        Frame blank = Frame.of(TextColumn.of("review", "good stuff", "  ", "bad stuff"));
        Column labels = CategoricalColumn.of("y", "pos", "neg", "neg");
        assertThatThrownBy(() -> new TfidfLogisticRegression().fit(blank, labels))
                .hasMessageContaining("row 2").hasMessageContaining("'review'").hasMessageContaining("blank");
        Frame texts = Frame.of(TextColumn.of("review", "good stuff", "fine", "bad stuff"));
        assertThatThrownBy(() -> new TfidfLogisticRegression().fit(texts, CategoricalColumn.of("y", "pos", "pos", "pos")))
                .hasMessageContaining("class");
        assertThatThrownBy(() -> new TfidfLogisticRegression(TfidfLogisticRegression.Params.defaults().withTextColumn("body"))
                .fit(texts, labels)).hasMessageContaining("no text column 'body'");
    }
}
