package dev.kiln.explain.exact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.kiln.core.frame.CategoricalColumn;
import dev.kiln.core.frame.DoubleColumn;
import dev.kiln.core.frame.Frame;
import dev.kiln.core.frame.TextColumn;
import dev.kiln.core.model.Pipeline;
import dev.kiln.core.model.PipelineModel;
import dev.kiln.core.model.RegressionPrediction;
import dev.kiln.explain.Explanation;
import dev.kiln.learn.linear.LinearRegression;
import dev.kiln.learn.linear.LinearRegressionModel;
import dev.kiln.learn.linear.LogisticRegression;
import dev.kiln.learn.preprocess.encode.OneHotEncoder;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Shapley values by enumeration: closed-form games, and interventional values of real models. */
class ExactExplainerTest {

    @Test
    void additiveGameGivesEachPlayerItsOwnWorth() {
        double[] a = {1.5, -2, 0.25, 4};
        ValueFunction additive = mask -> {
            double s = 0;
            for (int j = 0; j < a.length; j++) {
                s += (mask & (1 << j)) != 0 ? a[j] : 0;
            }
            return s;
        };
        assertThat(ShapleyEnumeration.values(4, additive)).containsExactly(a, within(1e-12));
    }

    @Test
    void unanimityGameSplitsEvenlyAmongItsCarriers() {
        // v(S) = 1 when S holds players 0, 2 and 3: each of them gets 1/3, player 1 nothing.
        int carriers = 0b1101;
        double[] phi = ShapleyEnumeration.values(4, mask -> (mask & carriers) == carriers ? 1 : 0);
        assertThat(phi).containsExactly(new double[] {1.0 / 3, 0, 1.0 / 3, 1.0 / 3}, within(1e-12));
    }

    @Test
    void linearModelsGetWeightTimesDistanceFromTheBackgroundMean() {
        Frame data = Frame.of(DoubleColumn.of("a", 1, 2, 3, 4, 5, 6), DoubleColumn.of("b", 0, 1, 0, 1, 0, 3),
                DoubleColumn.of("y", 2.5, 3.0, 5.5, 6.0, 8.5, 11.5));
        LinearRegressionModel model = new LinearRegression().fit(data.drop("y"), data.column("y"));
        Frame background = data.head(4);
        Explanation e = new ExactExplainer(model, null, background).explain(data.slice(5, 6)).get(0);
        double[] w = model.coefficients();
        assertThat(e.values()).containsExactly(new double[] {w[0] * (6 - 2.5), w[1] * (3 - 0.5)}, within(1e-9));
        assertThat(e.prediction()).isCloseTo(model.predict(data.slice(5, 6)).values()[0], within(1e-9));
        assertThat(e.baseValue()).isCloseTo(java.util.Arrays.stream(model.predict(background).values()).average()
                .orElseThrow(), within(1e-9));
    }

    @Test
    void pipelinesWithCategoricalColumnsAreExplainedOnTheirInputColumns() {
        Frame data = Frame.of(CategoricalColumn.of("city", "oslo", "bergen", "oslo", "tromso", "bergen", "tromso", "oslo"),
                DoubleColumn.of("age", 30, 40, 50, 20, 35, 45, 25), DoubleColumn.of("y", 10, 4, 14, 1, 5, 8, 8));
        PipelineModel<RegressionPrediction> model = Pipeline.of(List.of(new OneHotEncoder(new OneHotEncoder.Params(
                        OneHotEncoder.HandleUnknown.IGNORE, OneHotEncoder.Drop.NONE, List.of("city")))),
                new LinearRegression()).fit(data.drop("y"), data.column("y"));
        List<Explanation> ex = new ExactExplainer(model, null, data).explain(data.head(3));
        for (int i = 0; i < 3; i++) {
            assertThat(ex.get(i).features()).containsExactly("city", "age");
            assertThat(ex.get(i).additivityGap()).isCloseTo(0, within(1e-9));
            assertThat(ex.get(i).prediction()).isCloseTo(model.predict(data.head(3)).values()[i], within(1e-9));
        }
    }

    @Test
    void classifiersExplainAProbability() {
        Frame data = Frame.of(DoubleColumn.of("a", 1, 2, 3, 4, 5, 6, 7, 8), DoubleColumn.of("b", 3, 1, 4, 1, 5, 9, 2, 6));
        var model = new LogisticRegression().fit(data, TextColumn.of("y", "n", "n", "y", "n", "y", "y", "n", "y"));
        Explanation e = new ExactExplainer(model, null, data).explain(data.head(1)).get(0);
        assertThat(e.output()).isEqualTo(Explanation.Output.PROBABILITY);
        assertThat(e.outputClass()).isEqualTo("y");
        assertThat(e.prediction()).isCloseTo(model.predict(data.head(1)).probabilities(0)[1], within(1e-12));
        assertThat(e.additivityGap()).isCloseTo(0, within(1e-12));
    }

    @Test
    void missingColumnsAreNamed() {
        Frame data = Frame.of(DoubleColumn.of("a", 1, 2, 3), DoubleColumn.of("b", 0, 1, 1), DoubleColumn.of("y", 1, 2, 4));
        LinearRegressionModel model = new LinearRegression().fit(data.drop("y"), data.column("y"));
        assertThatThrownBy(() -> new ExactExplainer(model, null, data).explain(data.drop("b")))
                .hasMessageContaining("[b]").hasMessageContaining("rows to explain");
    }
}
