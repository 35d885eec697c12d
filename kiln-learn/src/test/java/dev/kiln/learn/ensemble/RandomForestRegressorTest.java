package dev.kiln.learn.ensemble;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.kiln.core.frame.Column;
import dev.kiln.core.frame.Frame;
import dev.kiln.core.linalg.Matrix;
import dev.kiln.core.metrics.RegressionMetrics;
import dev.kiln.core.random.Rng;
import dev.kiln.learn.tree.DecisionTreeRegressor;
import dev.kiln.learn.tree.MaxFeatures;
import dev.kiln.learn.tree.RegressionCriterion;
import dev.kiln.learn.tree.Tree;
import dev.kiln.learn.tree.TreeTestData;
import org.junit.jupiter.api.Test;

class RandomForestRegressorTest {
    private static final Rng DATA = Rng.seeded(41);
    private static final Frame X = TreeTestData.gaussian(DATA, 300, 4);
    private static final Column Y = EnsembleTestData.values(DATA, X);

    private static RandomForestRegressorModel fit(RandomForestRegressor.Params p) {
        return new RandomForestRegressor(p).fit(X, Y);
    }

    @Test
    void predictionsAreTheMeanOfTheTrees() {
        RandomForestRegressorModel m = fit(RandomForestRegressor.Params.defaults().withNEstimators(6));
        Frame fresh = TreeTestData.gaussian(Rng.seeded(6), 30, 4);
        Matrix x = fresh.toMatrix();
        double[] p = m.predict(fresh).values();
        for (int i = 0; i < 30; i++) {
            double sum = 0;
            for (Tree t : m.trees()) {
                sum += t.value(t.leaf(x.storage(), i * 4), 0);
            }
            assertThat(p[i]).isCloseTo(sum / 6, within(1e-12));
        }
    }

    @Test
    void oneFullTreeWithoutBootstrapMemorisesTheTrainingTargets() {
        RandomForestRegressorModel full = fit(RandomForestRegressor.Params.defaults().withNEstimators(1)
                .withBootstrap(false));
        assertThat(full.predict(X).values()).containsExactly(Y.toDoubles());
        assertThat(full.trees().get(0).leafCount()).isEqualTo(300);
    }

    @Test
    void moreTreesFitUnseenDataBetterThanOne() {
        Frame test = TreeTestData.gaussian(Rng.seeded(7), 500, 4);
        double[] truth = EnsembleTestData.values(Rng.seeded(8), test).toDoubles();
        double one = RegressionMetrics.r2(truth, fit(RandomForestRegressor.Params.defaults().withNEstimators(1))
                .predict(test).values());
        double many = RegressionMetrics.r2(truth, fit(RandomForestRegressor.Params.defaults().withNEstimators(60))
                .predict(test).values());
        assertThat(many).isGreaterThan(one + 0.05);
        assertThat(many).isGreaterThan(0.8);
    }

    @Test
    void outOfBagR2IsCloseToTheScoreOnFreshData() {
        RandomForestRegressorModel m = fit(RandomForestRegressor.Params.defaults().withNEstimators(60)
                .withOobScore(true));
        Frame test = TreeTestData.gaussian(Rng.seeded(9), 1000, 4);
        double fresh = RegressionMetrics.r2(EnsembleTestData.values(Rng.seeded(10), test).toDoubles(),
                m.predict(test).values());
        assertThat(m.oobScore()).isPresent();
        assertThat(m.oobScore().getAsDouble()).isCloseTo(fresh, within(0.06));
        assertThat(m.oobScore().getAsDouble()).isLessThan(RegressionMetrics.r2(Y.toDoubles(), m.predict(X).values()));
    }

    @Test
    void absoluteErrorForestsPredictWithinTheTargetRange() {
        RandomForestRegressorModel m = fit(RandomForestRegressor.Params.defaults().withNEstimators(10)
                .withTree(DecisionTreeRegressor.Params.defaults().withCriterion(RegressionCriterion.ABSOLUTE_ERROR)
                        .withMaxFeatures(MaxFeatures.fraction(0.5))));
        double[] y = Y.toDoubles();
        double lo = java.util.Arrays.stream(y).min().orElseThrow();
        double hi = java.util.Arrays.stream(y).max().orElseThrow();
        for (double v : m.predict(TreeTestData.gaussian(Rng.seeded(3), 100, 4)).values()) {
            assertThat(v).isBetween(lo, hi);
        }
    }

    @Test
    void defaultsAreScikitLearns() {
        RandomForestRegressor.Params d = RandomForestRegressor.Params.defaults();
        assertThat(d.nEstimators()).isEqualTo(100);
        assertThat(d.tree().maxFeatures().resolve(13)).isEqualTo(13);
        assertThat(d.tree().criterion()).isEqualTo(RegressionCriterion.SQUARED_ERROR);
        assertThat(d.bootstrap()).isTrue();
        assertThatThrownBy(() -> d.withNEstimators(-3)).hasMessage("n_estimators must be >= 1, got -3");
    }
}
