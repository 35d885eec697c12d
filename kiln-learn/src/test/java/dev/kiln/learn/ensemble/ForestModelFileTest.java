package dev.kiln.learn.ensemble;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kiln.core.frame.Column;
import dev.kiln.core.frame.Frame;
import dev.kiln.core.modelfile.ModelFile;
import dev.kiln.core.random.Rng;
import dev.kiln.learn.tree.TreeTestData;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ForestModelFileTest {

    @Test
    void aForestClassifierRoundTripsAndPredictsIdentically(@TempDir Path dir) {
        Rng rng = Rng.seeded(12);
        Frame x = TreeTestData.gaussian(rng, 200, 4);
        Column y = EnsembleTestData.classes(rng, x);
        RandomForestClassifierModel m = new RandomForestClassifier(RandomForestClassifier.Params.defaults()
                .withNEstimators(12).withOobScore(true).withMaxSamples(0.7)).fit(x, y);
        ModelFile.save(m, dir.resolve("rf.zip"));
        RandomForestClassifierModel back = ModelFile.load(dir.resolve("rf.zip"), RandomForestClassifierModel.class);
        assertThat(back.params()).isEqualTo(m.params());
        assertThat(back.trees()).isEqualTo(m.trees());
        assertThat(back.oobScore()).isEqualTo(m.oobScore());
        assertThat(back.classes()).isEqualTo(m.classes());
        Frame fresh = TreeTestData.gaussian(rng, 80, 4);
        assertThat(back.predict(fresh).probabilities()).isDeepEqualTo(m.predict(fresh).probabilities());
    }

    @Test
    void aForestRegressorRoundTripsAndPredictsIdentically(@TempDir Path dir) {
        Rng rng = Rng.seeded(13);
        Frame x = TreeTestData.gaussian(rng, 200, 3);
        RandomForestRegressorModel m = new RandomForestRegressor(RandomForestRegressor.Params.defaults()
                .withNEstimators(9)).fit(x, EnsembleTestData.values(rng, x));
        ModelFile.save(m, dir.resolve("rf"));
        RandomForestRegressorModel back = ModelFile.load(dir.resolve("rf"), RandomForestRegressorModel.class);
        assertThat(back.params()).isEqualTo(m.params());
        assertThat(back.trees()).isEqualTo(m.trees());
        assertThat(back.oobScore()).isEmpty();
        Frame fresh = TreeTestData.gaussian(rng, 80, 3);
        assertThat(back.predict(fresh).values()).containsExactly(m.predict(fresh).values());
        assertThat(back.featureImportances()).containsExactly(m.featureImportances());
    }
}
