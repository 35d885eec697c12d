package dev.kiln.explain.lime;

import dev.kiln.core.frame.CategoricalColumn;
import dev.kiln.core.frame.Column;
import dev.kiln.core.frame.DoubleColumn;
import dev.kiln.core.frame.Frame;
import dev.kiln.core.frame.TextColumn;
import dev.kiln.core.model.Model;
import dev.kiln.core.random.Rng;
import dev.kiln.explain.Explanation;
import dev.kiln.explain.kernel.RowFunctionModel;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class LimeTabularTest {
    private static final double[] COEF = {3, -2, 0.5, 0};

    private static Frame gaussian(int n, long seed) {
        Rng rng = Rng.seeded(seed);
        List<Column> cols = new ArrayList<>();
        for (int j = 0; j < COEF.length; j++) {
            double[] v = new double[n];
            for (int i = 0; i < n; i++) {
                v[i] = rng.nextGaussian();
            }
            cols.add(DoubleColumn.of("x" + j, v));
        }
        return Frame.of(cols);
    }

    private static final Model<?> LINEAR = RowFunctionModel.regressor(gaussian(1, 0).schema(), (f, i) -> {
        double s = 1;
        for (int j = 0; j < COEF.length; j++) {
            s += COEF[j] * f.column(j).getDouble(i);
        }
        return s;
    });

    private static final Frame TRAINING = gaussian(2000, 1);

    private static final Frame ROW = Frame.of(DoubleColumn.of("x0", 1.8), DoubleColumn.of("x1", 1.5),
            DoubleColumn.of("x2", 2.0), DoubleColumn.of("x3", 1.7));

    @Test
    void continuousSamplingRecoversTheLinearModel() {
        LimeTabular lime = new LimeTabular(LINEAR, TRAINING, LimeTabular.Params.defaults().withDiscretizeContinuous(false));
        LimeExplanation result = lime.explainDetailed(ROW).get(0);
        Explanation e = result.explanation();
        // The surrogate sees features scaled by their training deviation, so its coefficient is
        // the model's times that deviation (≈ 1 here), shrunk a little by the ridge penalty.
        for (int j = 0; j < COEF.length; j++) {
            double std = deviation(TRAINING.column(j).toDoubles());
            assertThat(e.values()[j]).as("x%d", j).isCloseTo(COEF[j] * std, within(0.02));
        }
        assertThat(result.selected()).startsWith("x0", "x1", "x2");
        assertThat(result.fidelity()).isCloseTo(1.0, within(1e-4));
        assertThat(e.prediction()).isCloseTo(1 + 3 * 1.8 - 2 * 1.5 + 0.5 * 2.0, within(1e-12));
        assertThat(result.localPrediction()).isCloseTo(e.prediction(), within(0.01));
        assertThat(e.method()).isEqualTo("lime");
        assertThat(e.output()).isEqualTo(Explanation.Output.VALUE);
    }

    @Test
    void quartileSamplingFindsSignsAndOrderForARowInTheTopBins() {
        LimeExplanation result = new LimeTabular(LINEAR, TRAINING, LimeTabular.Params.defaults()).explainDetailed(ROW).get(0);
        double[] v = result.explanation().values();
        assertThat(v[0]).isPositive();
        assertThat(v[1]).isNegative();
        assertThat(v[2]).isPositive();
        assertThat(result.selected()).startsWith("x0", "x1", "x2", "x3");
        assertThat(Math.abs(v[3])).isLessThan(0.05 * Math.abs(v[0]));
        assertThat(result.conditions().get(0)).startsWith("x0 > ");
        assertThat(result.fidelity()).isBetween(0.5, 1.0);
    }

    private static double deviation(double[] v) {
        double mean = 0;
        for (double x : v) {
            mean += x;
        }
        mean /= v.length;
        double ss = 0;
        for (double x : v) {
            ss += (x - mean) * (x - mean);
        }
        return Math.sqrt(ss / v.length);
    }

    @Test
    void categoricalFeaturesAreSampledByFrequencyAndCodedSameAsTheRow() {
        Rng rng = Rng.seeded(3);
        int n = 500;
        String[] colors = new String[n];
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            colors[i] = i % 3 == 0 ? "red" : i % 3 == 1 ? "green" : "blue";
            x[i] = rng.nextGaussian();
        }
        Frame training = Frame.of(CategoricalColumn.of("color", colors), DoubleColumn.of("x", x));
        Model<?> model = RowFunctionModel.classifier(training.schema(), List.of("no", "yes"), (f, i) -> {
            double logit = (f.column("color").text(i).equals("red") ? 2 : -1) + 0.2 * f.column("x").getDouble(i);
            double p = 1 / (1 + Math.exp(-logit));
            return new double[] {1 - p, p};
        });
        Frame row = Frame.of(CategoricalColumn.of("color", "red"), DoubleColumn.of("x", 0.1));
        LimeExplanation result = new LimeTabular(model, training, LimeTabular.Params.defaults()).explainDetailed(row).get(0);
        Explanation e = result.explanation();
        assertThat(e.output()).isEqualTo(Explanation.Output.PROBABILITY);
        assertThat(e.outputClass()).isEqualTo("yes");
        assertThat(e.value("color")).isPositive();
        assertThat(Math.abs(e.value("color"))).isGreaterThan(5 * Math.abs(e.value("x")));
        assertThat(result.conditions().get(0)).isEqualTo("color=red");
        assertThat(result.selected().get(0)).isEqualTo("color");
    }

    @Test
    void sameSeedSameExplanation() {
        LimeTabular lime = new LimeTabular(LINEAR, TRAINING, LimeTabular.Params.defaults().withNumSamples(500).withSeed(9));
        Frame rows = gaussian(3, 4);
        List<Explanation> a = lime.explain(rows);
        List<Explanation> b = lime.explain(rows);
        for (int i = 0; i < 3; i++) {
            assertThat(b.get(i).values()).containsExactly(a.get(i).values());
        }
    }

    @Test
    void numFeaturesBoundsTheSurrogate() {
        LimeExplanation result = new LimeTabular(LINEAR, TRAINING,
                LimeTabular.Params.defaults().withNumFeatures(2).withDiscretizeContinuous(false)).explainDetailed(ROW).get(0);
        assertThat(result.selected()).containsExactly("x0", "x1");
        assertThat(result.explanation().value("x2")).isZero();
    }

    @Test
    void badInputIsNamed() {
        assertThatThrownBy(() -> new LimeTabular(LINEAR, TRAINING.drop("x2"), LimeTabular.Params.defaults()))
                .hasMessageContaining("[x2]");
        Model<?> textModel = RowFunctionModel.regressor(Frame.of(TextColumn.of("t", "a")).schema(), (f, i) -> 0);
        assertThatThrownBy(() -> new LimeTabular(textModel, Frame.of(TextColumn.of("t", "a b")), LimeTabular.Params.defaults()))
                .hasMessageContaining("LimeText");
        assertThatThrownBy(() -> LimeTabular.Params.defaults().withKernelWidth(-1.0)).hasMessageContaining("kernelWidth");
    }
}
