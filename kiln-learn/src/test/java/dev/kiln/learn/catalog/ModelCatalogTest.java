package dev.kiln.learn.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kiln.core.frame.Column;
import dev.kiln.core.frame.Frame;
import dev.kiln.core.model.ClassificationPrediction;
import dev.kiln.core.model.Model;
import dev.kiln.core.model.Prediction;
import dev.kiln.core.model.RegressionPrediction;
import dev.kiln.core.modelfile.ModelFile;
import dev.kiln.learn.parity.ParityData;
import dev.kiln.learn.selection.Task;
import dev.kiln.learn.selection.TrainTestSplit;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every catalog model, with its defaults, behind the default pipeline: fits, predicts, saves and reloads. */
class ModelCatalogTest {

    @Test
    void everyModelFitsPredictsAndReloadsThroughTheDefaultPipeline(@TempDir Path dir) {
        for (ModelSpec spec : ModelCatalog.all()) {
            for (Task task : spec.tasks()) {
                ParityData data = task == Task.CLASSIFICATION ? ParityData.GERMAN_CREDIT : ParityData.DIABETES;
                Frame x = data.features();
                Column y = data.targetColumn();
                TrainTestSplit split = data.computedSplit();
                Model<?> model = DefaultPipeline.build(spec, task, Map.of(), x).fit(split.train(x), y.take(split.train()));
                Prediction p = model.predict(split.test(x));
                assertThat(p.size()).as(spec.name()).isEqualTo(split.test().length);
                if (task == Task.CLASSIFICATION) {
                    assertThat(p).isInstanceOf(ClassificationPrediction.class);
                    assertThat(((ClassificationPrediction) p).classes()).containsExactly("bad", "good");
                } else {
                    assertThat(java.util.Arrays.stream(((RegressionPrediction) p).values()).allMatch(Double::isFinite)).isTrue();
                }
                Path file = dir.resolve(spec.name() + "-" + task.label());
                ModelFile.save(model, file);
                Prediction again = ModelFile.load(file, Model.class).predict(split.test(x));
                assertThat(again).as("%s reloaded", spec.name()).usingRecursiveComparison().isEqualTo(p);
            }
        }
    }

    @Test
    void everyDefaultIsAValueItsParameterAccepts() {
        for (ModelSpec spec : ModelCatalog.all()) {
            for (ParamSpec p : spec.params()) {
                assertThat(p.parse(p.defaultText(), spec.name())).as("%s %s", spec.name(), p.name()).isNotNull();
            }
            assertThat(spec.name()).matches("[a-z]+(-[a-z]+)*");
        }
    }

    @Test
    void unknownNamesAndValuesListWhatIsValid() {
        assertThatThrownBy(() -> ModelCatalog.find("random-forrest")).hasMessageContaining("valid:");
        ModelSpec svm = ModelCatalog.find("svm");
        assertThatThrownBy(() -> svm.estimator(Task.CLASSIFICATION, Map.of("gama", "0.1")))
                .hasMessage("unknown parameter 'gama' for svm (did you mean 'gamma'?); valid: C, kernel, degree, gamma, coef0, epsilon, "
                        + "probability, tol, seed");
        assertThatThrownBy(() -> svm.estimator(Task.CLASSIFICATION, Map.of("kernel", "cubic")))
                .hasMessage("parameter kernel of svm: expected rbf|linear|poly|sigmoid, got 'cubic'");
        assertThatThrownBy(() -> svm.estimator(Task.CLASSIFICATION, Map.of("C", "-1")))
                .hasMessage("svm: c must be a finite number > 0, got -1.0 (given {C=-1})");
        assertThatThrownBy(() -> ModelCatalog.find("ridge").estimator(Task.CLASSIFICATION, Map.of()))
                .hasMessage("ridge does not do classification; it does regression");
    }
}
