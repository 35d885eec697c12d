package dev.kiln.learn.tree;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.kiln.core.frame.Column;
import dev.kiln.core.frame.DoubleColumn;
import dev.kiln.core.frame.Frame;
import dev.kiln.core.frame.TextColumn;
import dev.kiln.core.model.ClassificationPrediction;
import dev.kiln.core.random.Rng;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DecisionTreeClassifierTest {

    /**
     * 30 rows, 3 features, 3 classes, on which scikit-learn's trees do not depend on random_state
     * (no ties between splits):
     * <pre>
     * rng = np.random.RandomState(62)
     * X = rng.rand(30, 3).round(3)
     * y = ((X[:, 0] + 0.5 * X[:, 1] + 0.3 * rng.rand(30) > 1.0).astype(int) + (X[:, 2] > 0.7)).astype(int)
     * </pre>
     */
    static final Frame SMALL_X = Frame.of(
            DoubleColumn.of("x0", 0.034, 0.411, 0.543, 0.953, 0.996, 0.41, 0.224, 0.889, 0.986, 0.587, 0.018, 0.103,
                    0.112, 0.271, 0.282, 0.386, 0.708, 0.336, 0.591, 0.018, 0.299, 0.188, 0.868, 0.514, 0.732, 0.879,
                    0.658, 0.971, 0.922, 0.133),
            DoubleColumn.of("x1", 0.489, 0.631, 0.228, 0.646, 0.735, 0.204, 0.048, 0.963, 0.403, 0.385, 0.467, 0.429,
                    0.929, 0.735, 0.291, 0.232, 0.85, 0.93, 0.888, 0.8, 0.527, 0.76, 0.169, 0.519, 0.269, 0.347, 0.792,
                    0.707, 0.509, 0.323),
            DoubleColumn.of("x2", 0.846, 0.291, 0.24, 0.018, 0.722, 0.962, 0.884, 0.611, 0.157, 0.294, 0.91, 0.131,
                    0.619, 0.189, 0.518, 0.806, 0.364, 0.774, 0.68, 0.664, 0.196, 0.542, 0.279, 0.039, 0.908, 0.347,
                    0.392, 0.855, 0.745, 0.926));
    static final Column SMALL_Y = DoubleColumn.of("y", 1, 0, 0, 1, 2, 1, 1, 1, 1, 0, 1, 0, 0, 0, 0, 1, 1, 2, 1, 0, 0,
            0, 1, 0, 2, 1, 1, 2, 2, 1);

    @Test
    void giniTreeMatchesScikitLearn() {
        // show(DecisionTreeClassifier(max_depth=3, random_state=0).fit(X, y)) with show() of TreeText; the same
        // tree grows without max_depth. Thresholds are midpoints of float32 values in scikit-learn, of doubles here.
        String expected = """
                x2 <= 0.67200 n=30 w=30.0000 imp=0.620000
                  x0 <= 0.62250 n=18 w=18.0000 imp=0.475309
                    leaf n=11 w=11.0000 imp=0.000000 value=11.0000 0.0000 0.0000
                    leaf n=7 w=7.0000 imp=0.000000 value=0.0000 7.0000 0.0000
                  x0 <= 0.66150 n=12 w=12.0000 imp=0.486111
                    x1 <= 0.90900 n=8 w=8.0000 imp=0.218750
                      leaf n=7 w=7.0000 imp=0.000000 value=0.0000 7.0000 0.0000
                      leaf n=1 w=1.0000 imp=0.000000 value=0.0000 0.0000 1.0000
                    leaf n=4 w=4.0000 imp=0.000000 value=0.0000 0.0000 4.0000
                """;
        DecisionTreeClassifierModel m = fit(DecisionTreeClassifier.Params.defaults().withMaxDepth(3));
        assertThat(TreeText.of(m.tree(), true)).isEqualTo(expected);
        assertThat(TreeText.of(fit(DecisionTreeClassifier.Params.defaults()).tree(), true)).isEqualTo(expected);
    }

    @Test
    void entropyWithBalancedClassWeightsMatchesScikitLearn() {
        // show(DecisionTreeClassifier(criterion="entropy", class_weight="balanced", max_depth=3, random_state=0).fit(X, y))
        String expected = """
                x2 <= 0.70100 n=30 w=30.0000 imp=1.584963
                  x0 <= 0.58900 n=19 w=15.7143 imp=0.945660
                    leaf n=11 w=10.0000 imp=0.000000 value=10.0000 0.0000 0.0000
                    leaf n=8 w=5.7143 imp=0.000000 value=0.0000 5.7143 0.0000
                  x1 <= 0.49900 n=11 w=14.2857 imp=0.881291
                    x0 <= 0.57100 n=7 w=6.2857 imp=0.902393
                      leaf n=6 w=4.2857 imp=0.000000 value=0.0000 4.2857 0.0000
                      leaf n=1 w=2.0000 imp=0.000000 value=0.0000 0.0000 2.0000
                    leaf n=4 w=8.0000 imp=0.000000 value=0.0000 0.0000 8.0000
                """;
        DecisionTreeClassifierModel m = fit(DecisionTreeClassifier.Params.defaults().withMaxDepth(3)
                .withCriterion(ClassificationCriterion.ENTROPY).withClassWeight(ClassWeight.balanced()));
        assertThat(TreeText.of(m.tree(), true)).isEqualTo(expected);
        DecisionTreeClassifierModel logLoss = fit(DecisionTreeClassifier.Params.defaults().withMaxDepth(3)
                .withCriterion(ClassificationCriterion.LOG_LOSS).withClassWeight(ClassWeight.balanced()));
        assertThat(logLoss.tree()).isEqualTo(m.tree());
    }

    @Test
    void featureImportancesMatchScikitLearn() {
        // DecisionTreeClassifier(max_depth=3, random_state=0).fit(X, y).feature_importances_.tolist()
        double[] expected = {0.6795101553166069, 0.09408602150537633, 0.22640382317801672};
        double[] got = fit(DecisionTreeClassifier.Params.defaults().withMaxDepth(3)).featureImportances();
        for (int j = 0; j < 3; j++) {
            assertThat(got[j]).isCloseTo(expected[j], within(1e-12));
        }
    }

    @Test
    void rootSplitIsTheHandComputedBest() {
        // x = 1..5, y = a a b a b. Root Gini 1 − (9 + 4)/25 = 0.48. Weighted child Gini per threshold:
        // 1.5: 4/5 · 0.5 = 0.4; 2.5: 3/5 · 4/9 = 0.2667; 3.5: 3/5 · 4/9 + 2/5 · 0.5 = 0.4667; 4.5: 4/5 · 6/16 = 0.3.
        Frame x = Frame.of(DoubleColumn.of("x", 1, 2, 3, 4, 5));
        Column y = TextColumn.of("y", "a", "a", "b", "a", "b");
        DecisionTreeClassifierModel m = new DecisionTreeClassifier(DecisionTreeClassifier.Params.defaults().withMaxDepth(1))
                .fit(x, y);
        Tree t = m.tree();
        assertThat(t.nodeCount()).isEqualTo(3);
        assertThat(t.feature(0)).isZero();
        assertThat(t.threshold(0)).isEqualTo(2.5);
        assertThat(t.impurity(0)).isCloseTo(0.48, within(1e-15));
        assertThat(t.impurity(t.right(0))).isCloseTo(4.0 / 9, within(1e-15));
        ClassificationPrediction p = m.predict(Frame.of(DoubleColumn.of("x", 0, 2.5, 2.6, 100)));
        assertThat(p.probabilities(0)).containsExactly(1.0, 0.0);
        assertThat(p.probabilities(1)).containsExactly(1.0, 0.0);
        assertThat(p.probabilities(2)[1]).isCloseTo(2.0 / 3, within(1e-15));
        assertThat(p.label(3)).isEqualTo("b");
    }

    @Test
    void unlimitedDepthMemorisesDistinctRows() {
        Rng rng = Rng.seeded(5);
        Frame x = TreeTestData.gaussian(rng, 300, 4);
        Column y = TreeTestData.randomClasses(rng, 300, 4);
        DecisionTreeClassifierModel m = new DecisionTreeClassifier().fit(x, y);
        ClassificationPrediction p = m.predict(x);
        for (int i = 0; i < 300; i++) {
            assertThat(p.label(i)).isEqualTo(y.text(i));
            assertThat(p.probabilities(i)[p.classIndex(i)]).isEqualTo(1.0);
        }
        Tree t = m.tree();
        assertThat(t.nodeCount()).isEqualTo(2 * t.leafCount() - 1);
        for (int node = 0; node < t.nodeCount(); node++) {
            if (t.isLeaf(node)) {
                assertThat(t.impurity(node)).isZero();
            }
        }
    }

    @Test
    void identicalRowsWithDifferentClassesShareALeaf() {
        Frame x = Frame.of(DoubleColumn.of("a", 1, 1, 1, 1, 2, 2), DoubleColumn.of("b", 5, 5, 5, 5, 0, 0));
        Column y = TextColumn.of("y", "p", "q", "q", "p", "r", "r");
        DecisionTreeClassifierModel m = new DecisionTreeClassifier().fit(x, y);
        assertThat(m.tree().leafCount()).isEqualTo(2);
        assertThat(m.predict(Frame.of(DoubleColumn.of("a", 1), DoubleColumn.of("b", 5))).probabilities(0))
                .containsExactly(0.5, 0.5, 0.0);
    }

    @Test
    void constantFeaturesGiveASingleLeaf() {
        Frame x = Frame.of(DoubleColumn.of("a", 3, 3, 3, 3), DoubleColumn.of("b", -1, -1, -1, -1));
        DecisionTreeClassifierModel m = new DecisionTreeClassifier().fit(x, TextColumn.of("y", "u", "v", "v", "v"));
        assertThat(m.tree().nodeCount()).isEqualTo(1);
        assertThat(m.predict(x).probabilities(0)).containsExactly(0.25, 0.75);
        assertThat(m.featureImportances()).containsExactly(0.0, 0.0);
    }

    @Test
    void aConstantFeatureIsNeverSplitOn() {
        Rng rng = Rng.seeded(9);
        Frame x = TreeTestData.gaussian(rng, 200, 3).withColumn(DoubleColumn.of("c", new double[200]));
        Column y = TreeTestData.randomClasses(rng, 200, 3);
        for (long seed = 0; seed < 5; seed++) {
            DecisionTreeClassifierModel m = new DecisionTreeClassifier(DecisionTreeClassifier.Params.defaults()
                    .withMaxFeatures(MaxFeatures.count(1)).withSeed(seed)).fit(x, y);
            for (int f : m.tree().features()) {
                assertThat(f).isNotEqualTo(3);
            }
            assertThat(m.featureImportances()[3]).isZero();
        }
    }

    @Test
    void aZeroClassWeightLeavesThatClassOut() {
        Frame x = Frame.of(DoubleColumn.of("a", 1, 2, 3, 4, 5, 6));
        Column y = TextColumn.of("y", "a", "b", "a", "c", "c", "b");
        DecisionTreeClassifierModel m = new DecisionTreeClassifier(DecisionTreeClassifier.Params.defaults()
                .withClassWeight(ClassWeight.of(Map.of("b", 0.0)))).fit(x, y);
        assertThat(m.tree().samples(0)).isEqualTo(4);
        ClassificationPrediction p = m.predict(x);
        for (int i = 0; i < 6; i++) {
            assertThat(p.probabilities(i)[1]).isZero();
        }
    }

    @Test
    void theSameSeedGivesTheSameTreeAndSeedsMatterWithFewFeatures() {
        Rng rng = Rng.seeded(3);
        Frame x = TreeTestData.gaussian(rng, 150, 6);
        Column y = TreeTestData.randomClasses(rng, 150, 3);
        DecisionTreeClassifier.Params p = DecisionTreeClassifier.Params.defaults().withMaxFeatures(MaxFeatures.sqrt());
        Tree a = new DecisionTreeClassifier(p.withSeed(11)).fit(x, y).tree();
        assertThat(new DecisionTreeClassifier(p.withSeed(11)).fit(x, y).tree()).isEqualTo(a);
        boolean anyDiffers = false;
        for (long seed = 12; seed < 16; seed++) {
            anyDiffers |= !new DecisionTreeClassifier(p.withSeed(seed)).fit(x, y).tree().equals(a);
        }
        assertThat(anyDiffers).isTrue();
    }

    @Test
    void probabilitiesSumToOne() {
        Rng rng = Rng.seeded(4);
        Frame x = TreeTestData.gaussian(rng, 120, 3);
        Column y = TreeTestData.randomClasses(rng, 120, 5);
        DecisionTreeClassifierModel m = new DecisionTreeClassifier(DecisionTreeClassifier.Params.defaults()
                .withMaxDepth(3)).fit(x, y);
        ClassificationPrediction p = m.predict(TreeTestData.gaussian(rng, 50, 3));
        for (int i = 0; i < 50; i++) {
            double sum = 0;
            for (double v : p.probabilities(i)) {
                assertThat(v).isBetween(0.0, 1.0);
                sum += v;
            }
            assertThat(sum).isCloseTo(1.0, within(1e-12));
        }
    }

    @Test
    void badSettingsAndDataAreRefusedWithTheReason() {
        DecisionTreeClassifier.Params d = DecisionTreeClassifier.Params.defaults();
        assertThatThrownBy(() -> d.withMaxDepth(0)).hasMessage("max_depth must be >= 1 (or none for no limit), got 0");
        assertThatThrownBy(() -> d.withMinSamplesSplit(1)).hasMessage("min_samples_split must be >= 2, got 1");
        assertThatThrownBy(() -> d.withMinSamplesLeaf(0)).hasMessage("min_samples_leaf must be >= 1, got 0");
        assertThatThrownBy(() -> d.withMinImpurityDecrease(-0.1))
                .hasMessage("min_impurity_decrease must be a finite number >= 0, got -0.1");
        assertThatThrownBy(() -> d.withMaxLeafNodes(1)).hasMessage("max_leaf_nodes must be >= 2 (or none for no limit), got 1");
        assertThatThrownBy(() -> MaxFeatures.fraction(1.5)).hasMessage("max_features as a fraction must be in (0, 1], got 1.5");
        assertThatThrownBy(() -> ClassWeight.of(Map.of("a", -1.0)))
                .hasMessage("class_weight for class 'a' must be a finite number >= 0, got -1.0");
        Frame x = Frame.of(DoubleColumn.of("a", 1, 2, 3));
        DecisionTreeClassifier dt = new DecisionTreeClassifier();
        assertThatThrownBy(() -> dt.fit(x, TextColumn.of("y", "u", "u", "u")))
                .hasMessageContaining("decision-tree: the target 'y' has only one class ('u')");
        assertThatThrownBy(() -> dt.fit(x.withColumn(TextColumn.of("t", "p", "q", "r")), TextColumn.of("y", "u", "v", "u")))
                .hasMessageContaining("decision-tree needs numeric features without missing values: column 't' is text");
        assertThatThrownBy(() -> new DecisionTreeClassifier(d.withMaxFeatures(MaxFeatures.count(2)))
                .fit(x, TextColumn.of("y", "u", "v", "u")))
                .hasMessage("max_features is 2 but the data has only 1 features");
        assertThatThrownBy(() -> new DecisionTreeClassifier(d.withClassWeight(ClassWeight.of(Map.of("w", 2.0))))
                .fit(x, TextColumn.of("y", "u", "v", "u")))
                .hasMessage("class_weight names class 'w', which the target does not have; its classes are [u, v]");
    }

    private static DecisionTreeClassifierModel fit(DecisionTreeClassifier.Params p) {
        return new DecisionTreeClassifier(p).fit(SMALL_X, SMALL_Y);
    }
}
