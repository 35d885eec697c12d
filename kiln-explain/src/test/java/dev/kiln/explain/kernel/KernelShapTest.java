package dev.kiln.explain.kernel;

import dev.kiln.core.frame.CategoricalColumn;
import dev.kiln.core.frame.Column;
import dev.kiln.core.frame.DoubleColumn;
import dev.kiln.core.frame.Frame;
import dev.kiln.core.frame.LongColumn;
import dev.kiln.core.frame.TextColumn;
import dev.kiln.core.model.Model;
import dev.kiln.core.random.Rng;
import dev.kiln.explain.Explanation;
import dev.kiln.learn.ensemble.RandomForestClassifier;
import dev.kiln.learn.ensemble.RandomForestClassifierModel;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class KernelShapTest {

    /** Five columns of four kinds, a formula with interactions between them. */
    static Frame mixed(int n, long seed) {
        Rng rng = Rng.seeded(seed);
        String[] colors = {"red", "green", "blue"};
        String[] notes = {"good value", "poor fit", "good but slow", "fine"};
        double[] x1 = new double[n];
        double[] x2 = new double[n];
        String[] color = new String[n];
        String[] note = new String[n];
        long[] count = new long[n];
        for (int i = 0; i < n; i++) {
            x1[i] = rng.nextGaussian();
            x2[i] = rng.nextDouble() * 4 - 2;
            color[i] = colors[rng.nextInt(3)];
            note[i] = notes[rng.nextInt(4)];
            count[i] = rng.nextInt(5);
        }
        return Frame.of(DoubleColumn.of("x1", x1), DoubleColumn.of("x2", x2), CategoricalColumn.of("color", color),
                TextColumn.of("note", note), LongColumn.of("count", count));
    }

    static final Model<?> MIXED_MODEL = RowFunctionModel.regressor(mixed(1, 0).schema(), (f, i) -> {
        double x1 = f.column("x1").getDouble(i);
        double x2 = f.column("x2").getDouble(i);
        String color = f.column("color").text(i);
        boolean good = f.column("note").text(i).contains("good");
        double count = f.column("count").getDouble(i);
        double c = color.equals("green") ? 1 : color.equals("blue") ? -0.5 : 0;
        return 1.5 * x1 - 2 * x2 + x1 * x2 + c * (1 + x1) + (good ? 0.8 : 0) + 0.3 * count + Math.sin(x2 * count);
    });

    @Test
    void fullBudgetGivesExactShapleyValuesOnMixedColumns() {
        Frame background = mixed(12, 1);
        Frame rows = mixed(6, 2);
        KernelShap shap = new KernelShap(MIXED_MODEL, Background.of(background), KernelShap.Params.defaults());
        List<Explanation> explanations = shap.explain(rows);
        double[] ones = new double[12];
        java.util.Arrays.fill(ones, 1);
        for (int i = 0; i < rows.rowCount(); i++) {
            Explanation e = explanations.get(i);
            double[] exact = BruteForceShapley.values(MIXED_MODEL, rows.slice(i, i + 1), background, ones, 0);
            assertThat(e.values()).containsExactly(exact, within(1e-9));
            assertThat(e.additivityGap()).isCloseTo(0, within(1e-6));
            assertThat(e.method()).isEqualTo("kernel");
            assertThat(e.output()).isEqualTo(Explanation.Output.VALUE);
            assertThat(e.outputClass()).isNull();
            assertThat(e.features()).containsExactly("x1", "x2", "color", "note", "count");
        }
    }

    @Test
    void weightedBackgroundMatchesWeightedEnumeration() {
        Frame background = mixed(5, 3);
        double[] weights = {1, 4, 2, 0.5, 7};
        Frame rows = mixed(3, 4);
        KernelShap shap = new KernelShap(MIXED_MODEL, new Background(background, weights), KernelShap.Params.defaults());
        List<Explanation> explanations = shap.explain(rows);
        for (int i = 0; i < rows.rowCount(); i++) {
            double[] exact = BruteForceShapley.values(MIXED_MODEL, rows.slice(i, i + 1), background, weights, 0);
            assertThat(explanations.get(i).values()).containsExactly(exact, within(1e-9));
            assertThat(explanations.get(i).additivityGap()).isCloseTo(0, within(1e-6));
        }
    }

    @Test
    void randomForestProbabilitiesOfThePredictedClassAreExact() {
        Rng rng = Rng.seeded(7);
        int n = 150;
        double[][] x = new double[4][n];
        String[] y = new String[n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < 4; j++) {
                x[j][i] = rng.nextGaussian();
            }
            double score = x[0][i] + x[1][i] * x[2][i];
            y[i] = score > 0.7 ? "high" : score < -0.7 ? "low" : "mid";
        }
        List<Column> cols = new ArrayList<>();
        for (int j = 0; j < 4; j++) {
            cols.add(DoubleColumn.of("f" + j, x[j]));
        }
        Frame features = Frame.of(cols);
        RandomForestClassifierModel forest = new RandomForestClassifier(
                RandomForestClassifier.Params.defaults().withNEstimators(20).withSeed(1)).fit(features, CategoricalColumn.of("y", y));
        Frame background = features.head(20);
        Frame rows = features.slice(100, 106);
        List<Explanation> explanations = new KernelShap(forest, Background.of(background), KernelShap.Params.defaults())
                .explain(rows);
        ModelOutput predicted = ModelOutput.of(forest, rows);
        double[] ones = new double[20];
        java.util.Arrays.fill(ones, 1);
        for (int i = 0; i < rows.rowCount(); i++) {
            Explanation e = explanations.get(i);
            int k = predicted.explainedIndex(i, null);
            assertThat(e.outputClass()).isEqualTo(forest.classes().get(k));
            assertThat(e.output()).isEqualTo(Explanation.Output.PROBABILITY);
            assertThat(e.prediction()).isEqualTo(predicted.get(i, k));
            double[] exact = BruteForceShapley.values(forest, rows.slice(i, i + 1), background, ones, k);
            assertThat(e.values()).containsExactly(exact, within(1e-9));
            assertThat(e.additivityGap()).isCloseTo(0, within(1e-6));
        }
        Explanation named = new KernelShap(forest, Background.of(background), KernelShap.Params.defaults().withOutputClass("low"))
                .explain(rows.head(1)).get(0);
        assertThat(named.outputClass()).isEqualTo("low");
    }

    /** Ten numeric features: an additive part plus pairwise interactions of moderate size. */
    private static final double[] A = {3, -2, 1.5, 1, -1, 0.8, 0.5, -0.4, 0.3, 0.2};

    private static final Model<?> TEN = RowFunctionModel.regressor(tenFeatures(1, 0).schema(), (f, i) -> {
        double[] v = new double[10];
        for (int j = 0; j < 10; j++) {
            v[j] = f.column(j).getDouble(i);
        }
        double sum = 0;
        for (int j = 0; j < 10; j++) {
            sum += A[j] * v[j];
        }
        return sum + 0.5 * v[0] * v[1] - 0.5 * v[2] * v[3] * v[4] + 0.3 * v[5] * v[6] + 0.3 * Math.max(v[7], v[8]);
    });

    static Frame tenFeatures(int n, long seed) {
        Rng rng = Rng.seeded(seed);
        List<Column> cols = new ArrayList<>();
        for (int j = 0; j < 10; j++) {
            double[] v = new double[n];
            for (int i = 0; i < n; i++) {
                v[i] = rng.nextGaussian();
            }
            cols.add(DoubleColumn.of("v" + j, v));
        }
        return Frame.of(cols);
    }

    @Test
    void sampledCoalitionsApproximateTheExactValues() {
        Frame background = tenFeatures(10, 5);
        Frame rows = tenFeatures(4, 6);
        double[] ones = new double[10];
        java.util.Arrays.fill(ones, 1);
        // 300 of the 1022 coalitions: sizes 1, 9, 2 and 8 are enumerated (110), the rest sampled.
        KernelShap sampled = new KernelShap(TEN, Background.of(background), KernelShap.Params.defaults().withNSamples(300).withSeed(11));
        List<Explanation> explanations = sampled.explain(rows);
        for (int i = 0; i < rows.rowCount(); i++) {
            double[] exact = BruteForceShapley.values(TEN, rows.slice(i, i + 1), background, ones, 0);
            Explanation e = explanations.get(i);
            assertThat(e.additivityGap()).isCloseTo(0, within(1e-6));
            double maxError = 0;
            for (int j = 0; j < 10; j++) {
                maxError = Math.max(maxError, Math.abs(e.values()[j] - exact[j]));
            }
            // The additive part is fitted exactly whatever the sample (see the next test); only the
            // interaction terms are estimated from sampled coalitions. Measured over seeds 0..49 on
            // these four rows (Σ|φ| ≈ 9.4 per row): largest error 0.055, mean 0.021; 0.1 is about
            // twice the worst seen.
            assertThat(maxError).as("row %d", i).isLessThan(0.1);
        }
    }

    @Test
    void additiveModelsAreExactEvenFromFewSamples() {
        Model<?> additive = RowFunctionModel.regressor(tenFeatures(1, 0).schema(), (f, i) -> {
            double sum = 0;
            for (int j = 0; j < 10; j++) {
                sum += A[j] * Math.tanh(f.column(j).getDouble(i));
            }
            return sum;
        });
        Frame background = tenFeatures(8, 5);
        Frame rows = tenFeatures(3, 6);
        double[] ones = new double[8];
        java.util.Arrays.fill(ones, 1);
        List<Explanation> explanations = new KernelShap(additive, Background.of(background),
                KernelShap.Params.defaults().withNSamples(60)).explain(rows);
        for (int i = 0; i < rows.rowCount(); i++) {
            double[] exact = BruteForceShapley.values(additive, rows.slice(i, i + 1), background, ones, 0);
            assertThat(explanations.get(i).values()).containsExactly(exact, within(1e-9));
        }
    }

    @Test
    void sameSeedSameValuesAndRowsAreIndependentOfEachOther() {
        Frame background = tenFeatures(10, 5);
        Frame rows = tenFeatures(6, 6);
        KernelShap.Params params = KernelShap.Params.defaults().withNSamples(100).withSeed(3);
        List<Explanation> first = new KernelShap(TEN, Background.of(background), params).explain(rows);
        List<Explanation> second = new KernelShap(TEN, Background.of(background), params).explain(rows);
        for (int i = 0; i < rows.rowCount(); i++) {
            assertThat(second.get(i).values()).containsExactly(first.get(i).values());
        }
        List<Explanation> otherSeed = new KernelShap(TEN, Background.of(background), params.withSeed(4)).explain(rows);
        assertThat(otherSeed.get(0).values()).isNotEqualTo(first.get(0).values());
    }

    @Test
    void featuresEqualToEveryBackgroundRowGetZero() {
        Frame background = mixed(6, 1).withColumn(LongColumn.of("count", 2, 2, 2, 2, 2, 2));
        Frame rows = mixed(2, 2).withColumn(LongColumn.of("count", 2, 2));
        List<Explanation> explanations = new KernelShap(MIXED_MODEL, Background.of(background), KernelShap.Params.defaults())
                .explain(rows);
        for (Explanation e : explanations) {
            assertThat(e.value("count")).isZero();
            assertThat(e.additivityGap()).isCloseTo(0, within(1e-6));
        }
    }

    @Test
    void kmeansBackgroundKeepsRealValuesAndWeighsByClusterSize() {
        Frame data = mixed(60, 9);
        Background summary = Background.kmeans(data, 5, 0);
        assertThat(summary.rows().rowCount()).isEqualTo(5);
        assertThat(java.util.Arrays.stream(summary.weights()).sum()).isEqualTo(60.0);
        List<Double> x1Values = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            x1Values.add(data.column("x1").getDouble(i));
        }
        for (int c = 0; c < 5; c++) {
            assertThat(x1Values).contains(summary.rows().column("x1").getDouble(c));
        }
        assertThat(summary.rows().names()).isEqualTo(data.names());
        Background again = Background.kmeans(data, 5, 0);
        assertThat(again.weights()).containsExactly(summary.weights());

        Background sample = Background.sample(data, 10, 4);
        assertThat(sample.rows().rowCount()).isEqualTo(10);
        assertThat(Background.sample(data, 100, 4).rows().rowCount()).isEqualTo(60);
    }

    @Test
    void badInputIsNamed() {
        Frame background = mixed(6, 1);
        KernelShap shap = new KernelShap(MIXED_MODEL, Background.of(background), KernelShap.Params.defaults());
        assertThatThrownBy(() -> shap.explain(mixed(2, 2).drop("note")))
                .hasMessageContaining("[note]").hasMessageContaining("missing");
        assertThatThrownBy(() -> new KernelShap(MIXED_MODEL, Background.of(background), KernelShap.Params.defaults().withOutputClass("yes")))
                .hasMessageContaining("regressor");
        assertThatThrownBy(() -> KernelShap.Params.defaults().withNSamples(1)).hasMessageContaining("nSamples");
        assertThatThrownBy(() -> Background.kmeans(Frame.of(TextColumn.of("t", "a", "b")), 1, 0))
                .hasMessageContaining("sampled background");
    }
}
