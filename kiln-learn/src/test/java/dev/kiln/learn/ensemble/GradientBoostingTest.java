package dev.kiln.learn.ensemble;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.kiln.core.frame.Column;
import dev.kiln.core.frame.DoubleColumn;
import dev.kiln.core.frame.Frame;
import dev.kiln.core.model.ClassificationPrediction;
import dev.kiln.core.random.Rng;
import dev.kiln.learn.parity.ParityData;
import dev.kiln.learn.parity.ParityInputs;
import dev.kiln.learn.tree.Tree;
import dev.kiln.learn.tree.TreeTestData;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Histogram gradient boosting against scikit-learn 1.2.1 on the parity splits (where ties
 * between equally good splits cannot arise, the models agree to rounding), and its own rules.
 * The references load the splits as {@link ParityInputs} does and print
 * {@code HistGradientBoosting…(…).fit(Xtr, ytr).predict(Xte[:4]).tolist()} (or
 * {@code predict_proba}).
 */
class GradientBoostingTest {
    private static final GradientBoosting.Params DEFAULTS = GradientBoosting.Params.defaults();

    @Test
    void regressionMatchesScikitLearnOnDiabetes() {
        ParityInputs in = ParityInputs.of(ParityData.DIABETES);
        Frame rows = in.test().take(new int[] {0, 1, 2, 3});
        // HistGradientBoostingRegressor().fit(Xtr, ytr).predict(Xte[:4]).tolist()
        assertClose(new GradientBoostingRegressor().fit(in.train(), in.trainTarget()).predict(rows).values(),
                new double[] {234.02448103771357, 63.03059452254383, 202.37458914597642, 102.53234311749603}, 1e-7);
        // HistGradientBoostingRegressor(learning_rate=0.3, max_iter=40, max_leaf_nodes=8, max_depth=3,
        //     min_samples_leaf=5, l2_regularization=2.0, max_bins=32).fit(Xtr, ytr).predict(Xte[:4]).tolist()
        GradientBoosting.Params tuned = DEFAULTS.withLearningRate(0.3).withMaxIter(40).withMaxLeafNodes(8).withMaxDepth(3)
                .withMinSamplesLeaf(5).withL2Regularization(2.0).withMaxBins(32);
        assertClose(new GradientBoostingRegressor(tuned).fit(in.train(), in.trainTarget()).predict(rows).values(),
                new double[] {212.70797168116525, 76.20358674790003, 202.42379784893527, 93.99751150037669}, 1e-7);
    }

    @Test
    void binaryClassificationMatchesScikitLearnOnBreastCancer() {
        ParityInputs in = ParityInputs.of(ParityData.BREAST_CANCER);
        GradientBoostingClassifierModel m = new GradientBoostingClassifier(DEFAULTS.withMaxIter(10).withMaxDepth(2)
                .withMinSamplesLeaf(10)).fit(in.train(), in.trainTarget());
        // m = HistGradientBoostingClassifier(max_iter=10, max_depth=2, min_samples_leaf=10).fit(Xtr, ytr)
        // m.predict_proba(Xte[:4])[:, 1].tolist(); m._baseline_prediction.tolist()
        double[] expected = {0.43964687730633756, 0.2266433489555176, 0.29020614551972806, 0.2266433489555176};
        ClassificationPrediction p = m.predict(in.test().take(new int[] {0, 1, 2, 3}));
        for (int i = 0; i < 4; i++) {
            assertThat(p.probabilities(i)[1]).isCloseTo(expected[i], within(1e-7));
        }
        assertThat(m.baseline()).containsExactly(0.5242486440981317);
        assertThat(m.outputs()).isEqualTo(1);
    }

    @Test
    void multiclassClassificationMatchesScikitLearnOnIris() {
        ParityInputs in = ParityInputs.of(ParityData.IRIS);
        GradientBoostingClassifierModel m = new GradientBoostingClassifier(DEFAULTS.withMaxIter(3))
                .fit(in.train(), in.trainTarget());
        // HistGradientBoostingClassifier(max_iter=3).fit(Xtr, ytr).predict_proba(Xte[:3]).tolist()
        double[][] expected = {{0.6088223270290408, 0.19558883648547953, 0.19558883648547953},
            {0.6088223270290408, 0.19558883648547953, 0.19558883648547953},
            {0.6088621634222712, 0.19560163423197433, 0.19553620234575453}};
        ClassificationPrediction p = m.predict(in.test().take(new int[] {0, 1, 2}));
        for (int i = 0; i < 3; i++) {
            assertClose(p.probabilities(i), expected[i], 1e-7);
        }
        assertThat(m.trees()).hasSize(9);
        assertThat(m.baseline()).containsExactly(0.0, 0.0, 0.0);
    }

    @Test
    void leafValuesAreShrunkNewtonStepsAndTreesRespectTheirLimits() {
        Rng rng = Rng.seeded(3);
        Frame x = TreeTestData.gaussian(rng, 600, 3);
        Column y = EnsembleTestData.values(rng, x);
        GradientBoostingRegressorModel m = new GradientBoostingRegressor(DEFAULTS.withMaxIter(1).withLearningRate(0.5)
                .withMaxLeafNodes(6).withMinSamplesLeaf(30).withL2Regularization(4)).fit(x, y);
        Tree t = m.trees().get(0);
        assertThat(t.leafCount()).isEqualTo(6);
        double[] target = y.toDoubles();
        double mean = java.util.Arrays.stream(target).average().orElseThrow();
        assertThat(m.baseline()).isCloseTo(mean, within(1e-12));
        int[] leaf = new int[600];
        t.leaves(x.toMatrix().storage(), 0, 3, 0, 600, leaf);
        for (int node = 0; node < t.nodeCount(); node++) {
            if (!t.isLeaf(node)) {
                continue;
            }
            double g = 0;
            int count = 0;
            for (int i = 0; i < 600; i++) {
                if (leaf[i] == node) {
                    g += mean - target[i];
                    count++;
                }
            }
            assertThat(count).isEqualTo(t.samples(node)).isGreaterThanOrEqualTo(30);
            assertThat(t.value(node, 0)).isCloseTo(-0.5 * g / (count + 4), within(1e-9));
        }
        Tree shallow = new GradientBoostingRegressor(DEFAULTS.withMaxIter(1).withMaxDepth(2).withMaxLeafNodes(null))
                .fit(x, y).trees().get(0);
        assertThat(shallow.depth()).isEqualTo(2);
        assertThat(shallow.leafCount()).isEqualTo(4);
    }

    @Test
    void earlyStoppingStopsWhenTheHeldOutLossStallsAndAutoDependsOnTheSize() {
        Rng rng = Rng.seeded(4);
        Frame x = TreeTestData.gaussian(rng, 400, 3);
        Column y = EnsembleTestData.values(rng, x);
        GradientBoostingRegressorModel on = new GradientBoostingRegressor(DEFAULTS.withEarlyStopping(
                GradientBoosting.EarlyStopping.ON).withMaxIter(1000).withLearningRate(0.5)).fit(x, y);
        assertThat(on.iterations()).isLessThan(1000);
        double[] v = on.validationScores();
        assertThat(v).hasSize(on.iterations() + 1);
        assertThat(on.trainScores()).hasSize(on.iterations() + 1);
        double bar = v[v.length - 11] + 1e-7;
        for (int i = v.length - 10; i < v.length; i++) {
            assertThat(v[i]).isLessThanOrEqualTo(bar);
        }
        GradientBoostingRegressorModel auto = new GradientBoostingRegressor(DEFAULTS.withMaxIter(5)).fit(x, y);
        assertThat(auto.iterations()).isEqualTo(5);
        assertThat(auto.validationScores()).isEmpty();
        Frame big = TreeTestData.gaussian(rng, GradientBoosting.AUTO_EARLY_STOPPING_ROWS + 1, 1);
        GradientBoostingRegressorModel bigAuto = new GradientBoostingRegressor(DEFAULTS.withMaxIter(3))
                .fit(big, EnsembleTestData.values(rng, big.withColumn(DoubleColumn.of("z", new double[big.rowCount()]))));
        assertThat(bigAuto.validationScores()).hasSize(4);
    }

    @Test
    void theStoppingRuleIsScikitLearns() {
        GradientBoosting.Params p = DEFAULTS.withNIterNoChange(2).withTol(0.1);
        assertThat(GradientBoosting.shouldStop(List.of(1.0, 2.0), p)).isFalse();
        assertThat(GradientBoosting.shouldStop(List.of(1.0, 1.05, 1.1), p)).isTrue();
        assertThat(GradientBoosting.shouldStop(List.of(1.0, 1.05, 1.2), p)).isFalse();
        assertThat(GradientBoosting.shouldStop(List.of(5.0, 1.0, 1.05, 1.1), p)).isTrue();
    }

    @Test
    void theSameSeedGivesTheSameModelAndProbabilitiesSumToOne() {
        Rng rng = Rng.seeded(5);
        Frame x = TreeTestData.gaussian(rng, 300, 4);
        Column y = EnsembleTestData.classes(rng, x);
        GradientBoosting.Params p = DEFAULTS.withEarlyStopping(GradientBoosting.EarlyStopping.ON).withSeed(9);
        GradientBoostingClassifierModel a = new GradientBoostingClassifier(p).fit(x, y);
        GradientBoostingClassifierModel b = new GradientBoostingClassifier(p).fit(x, y);
        assertThat(a.trees()).isEqualTo(b.trees());
        ClassificationPrediction pr = a.predict(TreeTestData.gaussian(rng, 50, 4));
        for (int i = 0; i < 50; i++) {
            double s = 0;
            for (double v : pr.probabilities(i)) {
                s += v;
            }
            assertThat(s).isCloseTo(1, within(1e-12));
        }
        assertThat(a.outputs()).isEqualTo(3);
        assertThat(a.trees()).hasSize(3 * a.iterations());
    }

    @Test
    void tooFewRowsForASplitLeaveTheBaseline() {
        Frame x = Frame.of(DoubleColumn.of("a", 1, 2, 3, 4, 5, 6));
        GradientBoostingRegressorModel m = new GradientBoostingRegressor().fit(x, DoubleColumn.of("y", 1, 2, 3, 4, 5, 9));
        for (Tree t : m.trees()) {
            assertThat(t.nodeCount()).isEqualTo(1);
        }
        assertThat(m.predict(x).values()).containsOnly(4.0);
    }

    @Test
    void badSettingsAreRefusedWithTheReason() {
        assertThatThrownBy(() -> DEFAULTS.withLearningRate(0)).hasMessage("learning_rate must be a finite number > 0, got 0.0");
        assertThatThrownBy(() -> DEFAULTS.withMaxIter(0)).hasMessage("max_iter must be >= 1, got 0");
        assertThatThrownBy(() -> DEFAULTS.withMaxLeafNodes(1)).hasMessage("max_leaf_nodes must be >= 2 (or none for no limit), got 1");
        assertThatThrownBy(() -> DEFAULTS.withMaxBins(256)).hasMessage("max_bins must be in [2, 255], got 256");
        assertThatThrownBy(() -> DEFAULTS.withValidationFraction(1.0))
                .hasMessage("validation_fraction must be in (0, 1) (or none to score the training rows), got 1.0");
        assertThatThrownBy(() -> DEFAULTS.withL2Regularization(-1)).hasMessage("l2_regularization must be a finite number >= 0, got -1.0");
        assertThatThrownBy(() -> DEFAULTS.withNIterNoChange(0)).hasMessage("n_iter_no_change must be >= 1, got 0");
        assertThatThrownBy(() -> DEFAULTS.withTol(-1)).hasMessage("tol must be a finite number >= 0, got -1.0");
        assertThatThrownBy(() -> new GradientBoostingRegressor().fit(Frame.of(DoubleColumn.of("a", 1, Double.NaN)),
                DoubleColumn.of("y", 1, 2))).hasMessageContaining("gradient-boosting needs numeric features without missing values");
    }

    private static void assertClose(double[] got, double[] expected, double relative) {
        assertThat(got).hasSameSizeAs(expected);
        for (int i = 0; i < got.length; i++) {
            assertThat(got[i]).as("value %d", i).isCloseTo(expected[i], within(relative * Math.max(1, Math.abs(expected[i]))));
        }
    }
}
