package dev.kiln.learn.tree;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.kiln.core.frame.DoubleColumn;
import dev.kiln.core.frame.Frame;
import dev.kiln.core.io.CsvReader;
import dev.kiln.core.random.Rng;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class DecisionTreeRegressorTest {
    private static final Frame DIABETES = CsvReader.read(Path.of("src/test/resources/datasets/diabetes/diabetes.csv"));

    @Test
    void squaredErrorTreeMatchesScikitLearnOnDiabetes() {
        // show(DecisionTreeRegressor(max_depth=2, random_state=0).fit(X, y)) on all 442 rows of diabetes.csv,
        // X = the ten feature columns, y = target; show() as in TreeText.
        String expected = """
                x8 <= 4.60015 n=442 w=442.0000 imp=5929.884897
                  x2 <= 26.95000 n=218 w=218.0000 imp=3240.820912
                    leaf n=171 w=171.0000 imp=2143.968264 value=96.3099
                    leaf n=47 w=47.0000 imp=4075.083748 value=159.7447
                  x2 <= 27.75000 n=224 w=224.0000 imp=5135.610890
                    leaf n=116 w=116.0000 imp=4095.837916 value=162.6810
                    leaf n=108 w=108.0000 imp=4184.050326 value=225.8796
                """;
        assertThat(TreeText.of(fit(DecisionTreeRegressor.Params.defaults().withMaxDepth(2)).tree(), false))
                .isEqualTo(expected);
    }

    @Test
    void absoluteErrorTreeMatchesScikitLearnOnDiabetes() {
        // show(DecisionTreeRegressor(criterion="absolute_error", max_depth=2, random_state=0).fit(X, y))
        String expected = """
                x8 <= 4.60015 n=442 w=442.0000 imp=65.042986
                  x2 <= 26.95000 n=218 w=218.0000 imp=43.830275
                    leaf n=171 w=171.0000 imp=35.269006 value=84.0000
                    leaf n=47 w=47.0000 imp=51.680851 value=145.0000
                  x2 <= 27.75000 n=224 w=224.0000 imp=61.071429
                    leaf n=116 w=116.0000 imp=53.043103 value=153.5000
                    leaf n=108 w=108.0000 imp=51.305556 value=237.0000
                """;
        assertThat(TreeText.of(fit(DecisionTreeRegressor.Params.defaults().withMaxDepth(2)
                .withCriterion(RegressionCriterion.ABSOLUTE_ERROR)).tree(), false)).isEqualTo(expected);
    }

    @Test
    void bestFirstGrowthWithLeafLimitMatchesScikitLearn() {
        // show(DecisionTreeRegressor(max_leaf_nodes=5, min_samples_leaf=20, random_state=0).fit(X, y))
        String expected = """
                x8 <= 4.60015 n=442 w=442.0000 imp=5929.884897
                  x2 <= 26.95000 n=218 w=218.0000 imp=3240.820912
                    leaf n=171 w=171.0000 imp=2143.968264 value=96.3099
                    leaf n=47 w=47.0000 imp=4075.083748 value=159.7447
                  x2 <= 27.75000 n=224 w=224.0000 imp=5135.610890
                    leaf n=116 w=116.0000 imp=4095.837916 value=162.6810
                    x2 <= 32.75000 n=108 w=108.0000 imp=4184.050326
                      leaf n=77 w=77.0000 imp=3966.115028 value=208.5714
                      leaf n=31 w=31.0000 imp=2133.015609 value=268.8710
                """;
        assertThat(TreeText.of(fit(DecisionTreeRegressor.Params.defaults().withMaxLeafNodes(5).withMinSamplesLeaf(20))
                .tree(), false)).isEqualTo(expected);
    }

    @Test
    void handComputedSplitAndLeafValues() {
        // y = 1 1 5 5 over x = 1..4: the split at 2.5 leaves two pure halves, means 1 and 5; root variance 4.
        Frame x = Frame.of(DoubleColumn.of("x", 1, 2, 3, 4));
        DecisionTreeRegressorModel m = new DecisionTreeRegressor().fit(x, DoubleColumn.of("y", 1, 1, 5, 5));
        Tree t = m.tree();
        assertThat(t.nodeCount()).isEqualTo(3);
        assertThat(t.threshold(0)).isEqualTo(2.5);
        assertThat(t.impurity(0)).isEqualTo(4.0);
        assertThat(m.predict(Frame.of(DoubleColumn.of("x", -7, 2.4, 2.6, 9))).values()).containsExactly(1, 1, 5, 5);
        assertThat(m.featureImportances()).containsExactly(1.0);
    }

    @Test
    void absoluteErrorLeavesPredictTheMedianAsScikitLearnDefinesIt() {
        // One leaf (constant feature). Targets 1 2 10 20: cumulative weight reaches exactly half at 2, so the
        // median is (2 + 10) / 2 = 6 and the impurity (5 + 4 + 4 + 14) / 4 = 6.75. With 1 2 10 the median is 2.
        Frame x4 = Frame.of(DoubleColumn.of("c", 0, 0, 0, 0));
        DecisionTreeRegressor mae = new DecisionTreeRegressor(DecisionTreeRegressor.Params.defaults()
                .withCriterion(RegressionCriterion.ABSOLUTE_ERROR));
        Tree even = mae.fit(x4, DoubleColumn.of("y", 20, 1, 10, 2)).tree();
        assertThat(even.value(0, 0)).isEqualTo(6.0);
        assertThat(even.impurity(0)).isEqualTo(6.75);
        Tree odd = mae.fit(Frame.of(DoubleColumn.of("c", 0, 0, 0)), DoubleColumn.of("y", 10, 2, 1)).tree();
        assertThat(odd.value(0, 0)).isEqualTo(2.0);
        assertThat(odd.impurity(0)).isCloseTo(9.0 / 3, within(1e-15));
    }

    @Test
    void unlimitedDepthMemorisesDistinctRows() {
        Rng rng = Rng.seeded(8);
        Frame x = TreeTestData.gaussian(rng, 400, 3);
        double[] y = new double[400];
        for (int i = 0; i < y.length; i++) {
            y[i] = rng.nextGaussian();
        }
        for (RegressionCriterion c : RegressionCriterion.values()) {
            DecisionTreeRegressorModel m = new DecisionTreeRegressor(DecisionTreeRegressor.Params.defaults()
                    .withCriterion(c)).fit(x, DoubleColumn.of("y", y));
            assertThat(m.predict(x).values()).as(c.name()).containsExactly(y);
            assertThat(m.tree().leafCount()).isEqualTo(400);
        }
    }

    @Test
    void equalTargetsStopGrowth() {
        Rng rng = Rng.seeded(2);
        Frame x = TreeTestData.gaussian(rng, 50, 2);
        double[] y = new double[50];
        java.util.Arrays.fill(y, 0.1);
        for (RegressionCriterion c : RegressionCriterion.values()) {
            Tree t = new DecisionTreeRegressor(DecisionTreeRegressor.Params.defaults().withCriterion(c))
                    .fit(x, DoubleColumn.of("y", y)).tree();
            assertThat(t.nodeCount()).as(c.name()).isEqualTo(1);
            assertThat(t.value(0, 0)).isCloseTo(0.1, within(1e-15));
        }
    }

    private static DecisionTreeRegressorModel fit(DecisionTreeRegressor.Params p) {
        return new DecisionTreeRegressor(p).fit(DIABETES, "target");
    }
}
