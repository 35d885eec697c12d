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

class BoostingModelFileTest {

    @Test
    void aBoostedClassifierRoundTripsAndPredictsIdentically(@TempDir Path dir) {
        Rng rng = Rng.seeded(14);
        Frame x = TreeTestData.gaussian(rng, 300, 4);
        Column y = EnsembleTestData.classes(rng, x);
        GradientBoostingClassifierModel m = new GradientBoostingClassifier(GradientBoosting.Params.defaults()
                .withMaxIter(15).withEarlyStopping(GradientBoosting.EarlyStopping.ON)).fit(x, y);
        ModelFile.save(m, dir.resolve("gb.zip"));
        GradientBoostingClassifierModel back = ModelFile.load(dir.resolve("gb.zip"), GradientBoostingClassifierModel.class);
        assertThat(back.params()).isEqualTo(m.params());
        assertThat(back.trees()).isEqualTo(m.trees());
        assertThat(back.baseline()).containsExactly(m.baseline());
        assertThat(back.validationScores()).containsExactly(m.validationScores());
        Frame fresh = TreeTestData.gaussian(rng, 60, 4);
        assertThat(back.predict(fresh).probabilities()).isDeepEqualTo(m.predict(fresh).probabilities());
    }

    @Test
    void aBoostedRegressorRoundTripsAndPredictsIdentically(@TempDir Path dir) {
        Rng rng = Rng.seeded(15);
        Frame x = TreeTestData.gaussian(rng, 300, 3);
        GradientBoostingRegressorModel m = new GradientBoostingRegressor(GradientBoosting.Params.defaults()
                .withMaxIter(20)).fit(x, EnsembleTestData.values(rng, x));
        ModelFile.save(m, dir.resolve("gb"));
        GradientBoostingRegressorModel back = ModelFile.load(dir.resolve("gb"), GradientBoostingRegressorModel.class);
        assertThat(back.params()).isEqualTo(m.params());
        assertThat(back.trees()).isEqualTo(m.trees());
        assertThat(back.baseline()).isEqualTo(m.baseline());
        assertThat(back.trainScores()).isEmpty();
        Frame fresh = TreeTestData.gaussian(rng, 60, 3);
        assertThat(back.predict(fresh).values()).containsExactly(m.predict(fresh).values());
    }
}
