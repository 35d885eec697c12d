package dev.kiln.explain.importance;

import dev.kiln.core.frame.CategoricalColumn;
import dev.kiln.core.frame.DoubleColumn;
import dev.kiln.core.frame.Frame;
import dev.kiln.core.model.Model;
import dev.kiln.core.random.Rng;
import dev.kiln.explain.Explanation;
import dev.kiln.explain.kernel.RowFunctionModel;
import dev.kiln.learn.linear.LinearRegression;
import dev.kiln.learn.linear.LinearRegressionModel;
import dev.kiln.learn.linear.LogisticRegression;
import dev.kiln.learn.linear.LogisticRegressionModel;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class ImportanceTest {

    /** y = 2·signal − 0.5·weak + 1 + noise; "noise" is a column the target never sees. */
    private static Frame data(int n, long seed) {
        Rng rng = Rng.seeded(seed);
        double[] signal = new double[n];
        double[] weak = new double[n];
        double[] noise = new double[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            signal[i] = rng.nextGaussian();
            weak[i] = rng.nextGaussian();
            noise[i] = rng.nextGaussian();
            y[i] = 2 * signal[i] - 0.5 * weak[i] + 1 + 0.1 * rng.nextGaussian();
        }
        return Frame.of(DoubleColumn.of("signal", signal), DoubleColumn.of("weak", weak), DoubleColumn.of("noise", noise),
                DoubleColumn.of("y", y));
    }

    @Test
    void permutationImportanceSeparatesRelevantFromIrrelevantColumns() {
        Frame train = data(400, 1);
        Frame test = data(300, 2);
        LinearRegressionModel model = new LinearRegression().fit(train, "y");
        PermutationImportance.Result result = new PermutationImportance(PermutationImportance.Params.defaults().withNRepeats(5))
                .compute(model, test.drop("y"), test.column("y"));
        assertThat(result.metric()).isEqualTo("r2");
        assertThat(result.baseline()).isGreaterThan(0.99);
        FeatureRanking r = result.ranking();
        // Shuffling x in y = βx + … adds 2β²var(x) to the squared error in expectation: an r2 drop
        // of 2·4/4.26 ≈ 1.9 for "signal", 2·0.25/4.26 ≈ 0.12 for "weak", and 0 for "noise".
        assertThat(r.score("signal")).isCloseTo(2 * 4 / 4.26, within(0.3));
        assertThat(r.score("weak")).isCloseTo(2 * 0.25 / 4.26, within(0.05));
        assertThat(Math.abs(r.score("noise"))).isLessThan(0.002);
        assertThat(r.sorted().features()).containsExactly("signal", "weak", "noise");
        assertThat(r.spreads()[0]).isPositive();

        PermutationImportance.Result rmse = new PermutationImportance(PermutationImportance.Params.defaults().withMetric("rmse"))
                .compute(model, test.drop("y"), test.column("y"));
        assertThat(rmse.ranking().score("signal")).isPositive();
        assertThat(rmse.ranking().measure()).isEqualTo("rise in rmse");

        PermutationImportance.Result again = new PermutationImportance(PermutationImportance.Params.defaults())
                .compute(model, test.drop("y"), test.column("y"));
        assertThat(again.drops()[0]).containsExactly(result.drops()[0]);
    }

    @Test
    void permutationImportanceWithRocAucForAClassifier() {
        Frame train = data(400, 3);
        Frame test = data(300, 4);
        String[] label = new String[300];
        String[] trainLabel = new String[400];
        for (int i = 0; i < 400; i++) {
            trainLabel[i] = train.column("y").getDouble(i) > 1 ? "up" : "down";
        }
        for (int i = 0; i < 300; i++) {
            label[i] = test.column("y").getDouble(i) > 1 ? "up" : "down";
        }
        LogisticRegressionModel model = new LogisticRegression().fit(train.drop("y"), CategoricalColumn.of("label", trainLabel));
        FeatureRanking r = new PermutationImportance(PermutationImportance.Params.defaults().withMetric("roc_auc"))
                .compute(model, test.drop("y"), CategoricalColumn.of("label", label)).ranking();
        assertThat(r.score("signal")).isGreaterThan(0.3);
        assertThat(Math.abs(r.score("noise"))).isLessThan(0.01);
        assertThatThrownBy(() -> new PermutationImportance(PermutationImportance.Params.defaults().withMetric("r3"))
                .compute(model, test.drop("y"), CategoricalColumn.of("label", label))).hasMessageContaining("'r3'")
                .hasMessageContaining("roc_auc");
    }

    @Test
    void partialDependenceOfALinearRegressorIsAStraightLineWithTheCoefficientAsSlope() {
        Frame train = data(400, 1);
        LinearRegressionModel model = new LinearRegression().fit(train, "y");
        Frame x = data(250, 5).drop("y");
        PartialDependence.Curve curve = new PartialDependence(PartialDependence.Params.defaults()).compute(model, x, "signal");
        assertThat(curve.grid()).hasSize(100);
        double slope = model.coefficients()[0];
        for (int g = 1; g < curve.grid().length; g++) {
            double s = (curve.average()[g] - curve.average()[g - 1]) / (curve.grid()[g] - curve.grid()[g - 1]);
            assertThat(s).isCloseTo(slope, within(1e-9));
        }
        assertThat(curve.individual()).hasNumberOfRows(250);
        assertThat(curve.outputClass()).isNull();
    }

    /*
     * Reference from scikit-learn 1.2.1 (/usr/bin/python3):
     *   class F(BaseEstimator, RegressorMixin):
     *       def fit(self, X, y): self.fitted_ = True; return self
     *       def predict(self, X): return X[:,0]**2 + X[:,0]*X[:,1]
     *   i = np.arange(200); X = np.column_stack([3*np.sin(i) + i/10.0, np.cos(i)])
     *   r = partial_dependence(F().fit(X, None), X, [0], grid_resolution=100, percentiles=(0.05,0.95), kind='both')
     *   g = r['values'][0]; g[0], g[1], g[37], g[-1], r['average'][0][0], r['average'][0][37], r['individual'][0][5][37]
     */
    @Test
    void partialDependenceMatchesScikitLearn() {
        double[] a = new double[200];
        double[] b = new double[200];
        for (int i = 0; i < 200; i++) {
            a[i] = 3 * Math.sin(i) + i / 10.0;
            b[i] = Math.cos(i);
        }
        Frame x = Frame.of(DoubleColumn.of("a", a), DoubleColumn.of("b", b));
        Model<?> f = RowFunctionModel.regressor(x.schema(), (frame, i) -> {
            double u = frame.column(0).getDouble(i);
            return u * u + u * frame.column(1).getDouble(i);
        });
        PartialDependence.Curve curve = new PartialDependence(PartialDependence.Params.defaults()).compute(f, x, "a");
        assertThat(curve.grid()[0]).isCloseTo(-0.14056543181209888, within(1e-12));
        assertThat(curve.grid()[1]).isCloseTo(0.06394170921549888, within(1e-12));
        assertThat(curve.grid()[37]).isCloseTo(7.426198786209018, within(1e-12));
        assertThat(curve.grid()[99]).isCloseTo(20.105641529920078, within(1e-12));
        assertThat(curve.average()[0]).isCloseTo(0.02014018709041855, within(1e-12));
        assertThat(curve.average()[37]).isCloseTo(55.128270967498786, within(1e-10));
        assertThat(curve.individual()[5][37]).isCloseTo(57.25496018967271, within(1e-10));
    }

    @Test
    void fewDistinctValuesAreTheGridAndMultiClassNeedsAClass() {
        Frame x = Frame.of(DoubleColumn.of("a", 3, 1, 2, 1, 3));
        Model<?> f = RowFunctionModel.classifier(x.schema(), List.of("p", "q", "r"), (frame, i) -> new double[] {0.2, 0.3, 0.5});
        assertThatThrownBy(() -> new PartialDependence(PartialDependence.Params.defaults()).compute(f, x, "a"))
                .hasMessageContaining("name the class");
        PartialDependence.Curve curve = new PartialDependence(PartialDependence.Params.defaults().withOutputClass("q"))
                .compute(f, x, "a");
        assertThat(curve.grid()).containsExactly(1, 2, 3);
        assertThat(curve.average()).containsExactly(new double[] {0.3, 0.3, 0.3}, within(1e-15));
        assertThat(curve.outputClass()).isEqualTo("q");
    }

    @Test
    void meanAbsoluteShapAveragesMagnitudes() {
        List<Explanation> explanations = List.of(
                new Explanation("kernel", Explanation.Output.VALUE, null, 0, 1, List.of("a", "b"), new double[] {1, -3}),
                new Explanation("kernel", Explanation.Output.VALUE, null, 0, 1, List.of("a", "b"), new double[] {-2, 1}));
        FeatureRanking r = MeanAbsoluteShap.of(explanations);
        assertThat(r.scores()).containsExactly(1.5, 2.0);
        assertThat(r.spreads()).containsExactly(new double[] {0.5, 1.0}, within(1e-12));
        assertThat(r.sorted().features()).containsExactly("b", "a");
        assertThatThrownBy(() -> MeanAbsoluteShap.of(List.of(explanations.get(0),
                new Explanation("kernel", Explanation.Output.VALUE, null, 0, 1, List.of("a", "c"), new double[] {1, 1}))))
                .hasMessageContaining("explanation 1");
    }
}
