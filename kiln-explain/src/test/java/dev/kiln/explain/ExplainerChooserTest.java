package dev.kiln.explain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.kiln.core.frame.CategoricalColumn;
import dev.kiln.core.frame.DoubleColumn;
import dev.kiln.core.frame.Frame;
import dev.kiln.core.model.Pipeline;
import dev.kiln.core.model.PipelineModel;
import dev.kiln.core.model.RegressionPrediction;
import dev.kiln.explain.ExplainerChooser.Method;
import dev.kiln.explain.ExplainerChooser.Request;
import dev.kiln.explain.linear.LinearExplainer;
import dev.kiln.explain.linear.LinearTerms;
import dev.kiln.learn.linear.LinearRegression;
import dev.kiln.learn.linear.LinearRegressionModel;
import dev.kiln.learn.neighbors.KNeighborsRegressor;
import dev.kiln.learn.preprocess.encode.OneHotEncoder;
import dev.kiln.learn.tree.DecisionTreeRegressor;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The chooser picks the explainer that fits, explains pipelines on their input columns, and refuses what does not fit. */
class ExplainerChooserTest {
    private static final Frame DATA = Frame.of(
            CategoricalColumn.of("city", "oslo", "bergen", "oslo", "tromso", "bergen", "tromso", "oslo", "bergen"),
            DoubleColumn.of("age", 30, 40, 50, 20, 35, 45, 25, 60),
            DoubleColumn.of("y", 10, 4, 14, 1, 5, 8, 8, 9));

    @Test
    void autoPicksTreeLinearOrExact() {
        Frame x = DATA.drop("city", "y");
        assertThat(explainOne(new DecisionTreeRegressor().fit(x, DATA.column("y"))).method()).isEqualTo("tree");
        assertThat(explainOne(new LinearRegression().fit(x, DATA.column("y"))).method()).isEqualTo("linear");
        assertThat(explainOne(new KNeighborsRegressor().fit(x, DATA.column("y"))).method()).isEqualTo("exact");
    }

    @Test
    void pipelinesAreExplainedOnTheirInputColumnsWithOneHotGroupsSummed() {
        PipelineModel<RegressionPrediction> pipeline = Pipeline.of(List.of(new OneHotEncoder(new OneHotEncoder.Params(
                        OneHotEncoder.HandleUnknown.IGNORE, OneHotEncoder.Drop.NONE, List.of("city")))),
                new LinearRegression()).fit(DATA.drop("y"), DATA.column("y"));
        Explanation grouped = ExplainerChooser.choose(pipeline, request(Method.AUTO)).explain(DATA.head(1)).get(0);
        assertThat(grouped.features()).containsExactly("city", "age");
        // The same final model explained on the encoded columns: city's value is the sum of its one-hot columns'.
        Frame encoded = pipeline.transform(DATA);
        Explanation inner = LinearExplainer.independent(LinearTerms.of(pipeline.model()).orElseThrow(), null, encoded)
                .explain(encoded.head(1)).get(0);
        double city = inner.byFeature().entrySet().stream().filter(en -> en.getKey().startsWith("city"))
                .mapToDouble(Map.Entry::getValue).sum();
        assertThat(inner.features().size()).isGreaterThan(2);
        assertThat(grouped.value("city")).isCloseTo(city, within(1e-12));
        assertThat(grouped.value("age")).isCloseTo(inner.value("age"), within(1e-12));
        assertThat(grouped.additivityGap()).isCloseTo(0, within(1e-9));
        assertThat(grouped.prediction()).isCloseTo(pipeline.predict(DATA.head(1)).values()[0], within(1e-9));
    }

    @Test
    void aMethodThatDoesNotFitTheModelIsRefused() {
        LinearRegressionModel linear = new LinearRegression().fit(DATA.drop("city", "y"), DATA.column("y"));
        assertThatThrownBy(() -> ExplainerChooser.choose(linear, request(Method.TREE)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("method 'tree'").hasMessageContaining("LinearRegression");
        assertThatThrownBy(() -> Method.parse("magic")).hasMessageContaining("[auto, tree, linear, exact, kernel, lime]");
    }

    @Test
    void otherModelsWithManyColumnsGetKernelShapAndItAddsUp() {
        List<dev.kiln.core.frame.Column> columns = new java.util.ArrayList<>();
        for (int j = 0; j < 13; j++) {
            columns.add(DoubleColumn.of("x" + j, 1, 2, 3, 4, 5, 6 + j));
        }
        Frame wide = Frame.of(columns);
        var knn = new KNeighborsRegressor().fit(wide, DoubleColumn.of("y", 1, 2, 3, 4, 5, 6));
        Explainer chosen = ExplainerChooser.choose(knn, new Request(Method.AUTO, null, wide, null, 1, false));
        assertThat(chosen).isInstanceOf(dev.kiln.explain.kernel.KernelShap.class);
        for (Explanation e : chosen.explain(wide)) {
            assertThat(e.additivityGap()).isCloseTo(0.0, within(1e-9));
        }
    }

    @Test
    void backgroundSamplesAreSeeded() {
        Frame a = ExplainerChooser.sample(DATA, 4, 7);
        assertThat(a.rowCount()).isEqualTo(4);
        assertThat(a.column("age").toDoubles()).containsExactly(ExplainerChooser.sample(DATA, 4, 7).column("age").toDoubles());
        assertThat(ExplainerChooser.sample(DATA, 100, 7).rowCount()).isEqualTo(DATA.rowCount());
    }

    private static Explanation explainOne(Object model) {
        Explanation e = ExplainerChooser.choose(model, request(Method.AUTO)).explain(DATA.head(1)).get(0);
        assertThat(e.additivityGap()).isCloseTo(0, within(1e-9));
        return e;
    }

    private static Request request(Method method) {
        return new Request(method, null, DATA, null, 1, false);
    }
}
