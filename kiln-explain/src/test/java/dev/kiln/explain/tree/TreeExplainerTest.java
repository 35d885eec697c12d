package dev.kiln.explain.tree;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.kiln.core.frame.Column;
import dev.kiln.core.frame.DoubleColumn;
import dev.kiln.core.frame.Frame;
import dev.kiln.core.frame.TextColumn;
import dev.kiln.core.model.ClassificationPrediction;
import dev.kiln.core.model.Model;
import dev.kiln.core.model.RegressionPrediction;
import dev.kiln.core.random.Rng;
import dev.kiln.explain.Explanation;
import dev.kiln.explain.FeatureRows;
import dev.kiln.explain.exact.ExactExplainer;
import dev.kiln.explain.exact.Interventional;
import dev.kiln.explain.exact.ShapleyEnumeration;
import dev.kiln.learn.ensemble.GradientBoosting;
import dev.kiln.learn.ensemble.GradientBoostingClassifier;
import dev.kiln.learn.ensemble.GradientBoostingClassifierModel;
import dev.kiln.learn.ensemble.GradientBoostingRegressor;
import dev.kiln.learn.ensemble.RandomForestClassifier;
import dev.kiln.learn.ensemble.RandomForestRegressor;
import dev.kiln.learn.tree.DecisionTreeClassifier;
import dev.kiln.learn.tree.DecisionTreeRegressor;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** TreeSHAP on fitted Kiln models: outputs match the models' own predictions, values match enumeration, sums add up. */
class TreeExplainerTest {
    private static final int M = 5;
    private static final Frame X = features(Rng.seeded(3), 150);
    private static final Frame ROWS = features(Rng.seeded(4), 12);

    @Test
    void randomForestProbabilitiesOfThePredictedClass() {
        var model = new RandomForestClassifier(RandomForestClassifier.Params.defaults().withNEstimators(8)
                .withTree(DecisionTreeClassifier.Params.defaults().withMaxDepth(4).withSeed(1))).fit(X, classes(X, 3));
        List<Explanation> ex = checkPathDependent(model, null, Explanation.Output.PROBABILITY);
        ClassificationPrediction p = model.predict(ROWS);
        for (int i = 0; i < ex.size(); i++) {
            assertThat(ex.get(i).outputClass()).isEqualTo(p.label(i));
            assertThat(ex.get(i).prediction()).isCloseTo(p.probabilities(i)[p.classIndex(i)], within(1e-12));
        }
    }

    @Test
    void binaryBoostingExplainsTheLogOddsOfTheSecondClass() {
        var model = new GradientBoostingClassifier(GradientBoosting.Params.defaults().withMaxIter(10).withMaxDepth(3))
                .fit(X, classes(X, 2));
        List<Explanation> ex = checkPathDependent(model, null, Explanation.Output.LOG_ODDS);
        double[] raw = model.rawScores(ROWS);
        for (int i = 0; i < ex.size(); i++) {
            assertThat(ex.get(i).outputClass()).isEqualTo(model.classes().get(1));
            assertThat(ex.get(i).prediction()).isCloseTo(raw[i], within(1e-12));
        }
        // The first class's log-odds are the negative: values flip sign.
        List<Explanation> first = TreeExplainer.pathDependent(TreeModel.of(model).orElseThrow(), model.classes().get(0))
                .explain(ROWS);
        assertThat(first.get(0).values()).containsExactly(negate(ex.get(0).values()), within(1e-12));
    }

    @Test
    void multiClassBoostingExplainsEachClassScore() {
        GradientBoostingClassifierModel model = new GradientBoostingClassifier(GradientBoosting.Params.defaults()
                .withMaxIter(6).withMaxDepth(3)).fit(X, classes(X, 3));
        List<Explanation> ex = checkPathDependent(model, "c2", Explanation.Output.LOG_ODDS);
        double[] raw = model.rawScores(ROWS);
        for (int i = 0; i < ex.size(); i++) {
            assertThat(ex.get(i).prediction()).isCloseTo(raw[i * 3 + 2], within(1e-12));
        }
    }

    @Test
    void regressorsExplainTheirValue() {
        Column y = target(X);
        checkPathDependent(new GradientBoostingRegressor(GradientBoosting.Params.defaults().withMaxIter(8)).fit(X, y), null,
                Explanation.Output.VALUE);
        checkPathDependent(new RandomForestRegressor(RandomForestRegressor.Params.defaults().withNEstimators(5)
                .withTree(DecisionTreeRegressor.Params.defaults().withMaxDepth(5))).fit(X, y), null, Explanation.Output.VALUE);
        checkPathDependent(new DecisionTreeRegressor(DecisionTreeRegressor.Params.defaults().withMaxDepth(6)).fit(X, y), null,
                Explanation.Output.VALUE);
    }

    @Test
    void interventionalMatchesExactEnumerationOfTheModel() {
        var model = new DecisionTreeClassifier(DecisionTreeClassifier.Params.defaults().withMaxDepth(5)).fit(X, classes(X, 2));
        Frame background = X.head(20);
        List<Explanation> tree = TreeExplainer.interventional(TreeModel.of(model).orElseThrow(), null, background)
                .explain(ROWS.head(4));
        List<Explanation> exact = new ExactExplainer(model, null, background).explain(ROWS.head(4));
        for (int i = 0; i < tree.size(); i++) {
            assertThat(tree.get(i).values()).containsExactly(exact.get(i).values(), within(1e-9));
            assertThat(tree.get(i).baseValue()).isCloseTo(exact.get(i).baseValue(), within(1e-12));
            assertThat(tree.get(i).prediction()).isCloseTo(exact.get(i).prediction(), within(1e-12));
        }
        // And against the numeric value function directly, for the boosted raw score.
        var boosted = new GradientBoostingRegressor(GradientBoosting.Params.defaults().withMaxIter(5)).fit(X, target(X));
        TreeModel tm = TreeModel.of(boosted).orElseThrow();
        double[][] bg = FeatureRows.of(boosted.inputSchema(), background, "test");
        double[] x = FeatureRows.of(boosted.inputSchema(), ROWS, "test")[0];
        Explanation e = TreeExplainer.interventional(tm, null, background).explain(ROWS.head(1)).get(0);
        assertThat(e.values()).containsExactly(ShapleyEnumeration.values(M, Interventional.of(tm.ensemble(0)::predict, x, bg)),
                within(1e-9));
        assertThat(e.additivityGap()).isCloseTo(0, within(1e-9));
    }

    @Test
    void aRegressorHasNoClassToExplain() {
        var model = new DecisionTreeRegressor().fit(X, target(X));
        assertThatThrownBy(() -> TreeExplainer.pathDependent(TreeModel.of(model).orElseThrow(), "a"))
                .hasMessageContaining("no classes");
        var classifier = new DecisionTreeClassifier().fit(X, classes(X, 2));
        assertThatThrownBy(() -> TreeExplainer.pathDependent(TreeModel.of(classifier).orElseThrow(), "zebra"))
                .hasMessageContaining("no class 'zebra'").hasMessageContaining("[c0, c1]");
    }

    /** Explains ROWS path-dependently; checks output kind, additivity, the model's prediction and enumeration. */
    private static List<Explanation> checkPathDependent(Model<?> model, String cls, Explanation.Output output) {
        TreeModel tm = TreeModel.of(model).orElseThrow();
        List<Explanation> ex = TreeExplainer.pathDependent(tm, cls).explain(ROWS);
        double[][] x = FeatureRows.of(model.inputSchema(), ROWS, "test");
        double[] regression = model.predict(ROWS) instanceof RegressionPrediction r ? r.values() : null;
        for (int i = 0; i < ex.size(); i++) {
            Explanation e = ex.get(i);
            assertThat(e.method()).isEqualTo("tree");
            assertThat(e.output()).isEqualTo(output);
            assertThat(e.additivityGap()).isCloseTo(0, within(1e-9));
            if (regression != null) {
                assertThat(e.prediction()).isCloseTo(regression[i], within(1e-9));
            }
            int k = e.outputClass() == null ? 0 : tm.classes().indexOf(e.outputClass());
            TreeEnsemble ensemble = tm.ensemble(k);
            assertThat(e.baseValue()).isCloseTo(ensemble.expectedValue(), within(1e-12));
            assertThat(e.values()).containsExactly(ShapleyEnumeration.values(M, TreeExpectation.of(ensemble, x[i])),
                    within(1e-9));
        }
        return ex;
    }

    private static Frame features(Rng rng, int n) {
        List<Column> columns = new ArrayList<>();
        for (int j = 0; j < M; j++) {
            double[] v = new double[n];
            for (int i = 0; i < n; i++) {
                v[i] = rng.nextGaussian();
            }
            columns.add(DoubleColumn.of("x" + j, v));
        }
        return Frame.of(columns);
    }

    private static Column target(Frame x) {
        double[] y = new double[x.rowCount()];
        for (int i = 0; i < y.length; i++) {
            double a = x.column(0).getDouble(i);
            double b = x.column(1).getDouble(i);
            y[i] = 2 * a + a * b + Math.sin(x.column(2).getDouble(i));
        }
        return DoubleColumn.of("y", y);
    }

    private static Column classes(Frame x, int k) {
        double[] y = target(x).toDoubles();
        String[] labels = new String[y.length];
        for (int i = 0; i < y.length; i++) {
            labels[i] = "c" + (k == 2 ? (y[i] > 0 ? 1 : 0) : (y[i] < -1 ? 0 : y[i] < 1 ? 1 : 2));
        }
        return TextColumn.of("y", labels);
    }

    private static double[] negate(double[] v) {
        double[] out = v.clone();
        for (int i = 0; i < out.length; i++) {
            out[i] = -out[i];
        }
        return out;
    }
}
