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
}
