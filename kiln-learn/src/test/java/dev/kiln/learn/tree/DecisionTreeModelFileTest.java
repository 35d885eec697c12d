package dev.kiln.learn.tree;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kiln.core.frame.Column;
import dev.kiln.core.frame.DoubleColumn;
import dev.kiln.core.frame.Frame;
import dev.kiln.core.modelfile.ModelFile;
import dev.kiln.core.modelfile.ModelFileException;
import dev.kiln.core.random.Rng;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DecisionTreeModelFileTest {

    @Test
    void aClassifierRoundTripsAndPredictsIdentically(@TempDir Path dir) {
        Rng rng = Rng.seeded(1);
        Frame x = TreeTestData.gaussian(rng, 200, 4);
        Column y = TreeTestData.randomClasses(rng, 200, 3);
        DecisionTreeClassifierModel m = new DecisionTreeClassifier(DecisionTreeClassifier.Params.defaults()
                .withMaxDepth(6).withMaxFeatures(MaxFeatures.sqrt()).withCriterion(ClassificationCriterion.ENTROPY)
                .withClassWeight(ClassWeight.of(Map.of("c1", 2.5))).withSeed(7)).fit(x, y);
        ModelFile.save(m, dir.resolve("dt.zip"));
        DecisionTreeClassifierModel back = ModelFile.load(dir.resolve("dt.zip"), DecisionTreeClassifierModel.class);
        assertThat(back.params()).isEqualTo(m.params());
        assertThat(back.classes()).isEqualTo(m.classes());
        assertThat(back.inputSchema()).isEqualTo(m.inputSchema());
        assertThat(back.tree()).isEqualTo(m.tree());
        Frame fresh = TreeTestData.gaussian(rng, 100, 4);
        assertThat(back.predict(fresh).probabilities()).isDeepEqualTo(m.predict(fresh).probabilities());
        assertThat(back.featureImportances()).containsExactly(m.featureImportances());
    }

    @Test
    void aRegressorRoundTripsAndPredictsIdentically(@TempDir Path dir) {
        Rng rng = Rng.seeded(2);
        Frame x = TreeTestData.gaussian(rng, 150, 3);
        double[] y = new double[150];
        for (int i = 0; i < y.length; i++) {
            y[i] = x.column(0).getDouble(i) * 3 + rng.nextGaussian();
        }
        DecisionTreeRegressorModel m = new DecisionTreeRegressor(DecisionTreeRegressor.Params.defaults()
                .withCriterion(RegressionCriterion.ABSOLUTE_ERROR).withMaxLeafNodes(12)).fit(x, DoubleColumn.of("y", y));
        ModelFile.save(m, dir.resolve("dt"));
        DecisionTreeRegressorModel back = ModelFile.load(dir.resolve("dt"), DecisionTreeRegressorModel.class);
        assertThat(back.params()).isEqualTo(m.params());
        assertThat(back.tree()).isEqualTo(m.tree());
        Frame fresh = TreeTestData.gaussian(rng, 100, 3);
        assertThat(back.predict(fresh).values()).containsExactly(m.predict(fresh).values());
        assertThat(ModelFile.readManifest(dir.resolve("dt")).modelType()).isEqualTo("decision-tree-regressor");
    }

    @Test
    void aTamperedTreeIsRefusedWithTheReason(@TempDir Path dir) throws Exception {
        Frame x = Frame.of(DoubleColumn.of("a", 1, 2, 3, 4));
        DecisionTreeRegressorModel m = new DecisionTreeRegressor().fit(x, DoubleColumn.of("y", 1, 2, 3, 4));
        ModelFile.save(m, dir.resolve("dt"));
        Path manifest = dir.resolve("dt").resolve("manifest.json");
        Files.writeString(manifest, Files.readString(manifest).replace("\"min_samples_leaf\" : 1", "\"min_samples_leaf\" : 0"));
        assertThatThrownBy(() -> ModelFile.load(dir.resolve("dt"))).isInstanceOf(ModelFileException.class)
                .hasMessageContaining("min_samples_leaf must be >= 1, got 0");
    }
}
