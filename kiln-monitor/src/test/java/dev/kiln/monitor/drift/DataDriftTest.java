package dev.kiln.monitor.drift;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.kiln.core.frame.BooleanColumn;
import dev.kiln.core.frame.CategoricalColumn;
import dev.kiln.core.frame.DoubleColumn;
import dev.kiln.core.frame.Frame;
import dev.kiln.core.frame.TextColumn;
import dev.kiln.core.random.Rng;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DataDriftTest {

    private static double[] gaussian(Rng rng, int n, double mean, double sd) {
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            out[i] = rng.nextGaussian(mean, sd);
        }
        return out;
    }

    private static String[] draw(Rng rng, int n, double[] shares, String... labels) {
        String[] out = new String[n];
        for (int i = 0; i < n; i++) {
            double u = rng.nextDouble();
            int k = 0;
            while (k < shares.length - 1 && u >= shares[k]) {
                u -= shares[k];
                k++;
            }
            out[i] = labels[k];
        }
        return out;
    }

    /*
     * Evidently's binning and distances re-run in NumPy/SciPy (Evidently itself is not installable here):
     *   ref = pd.Series([(i*37 % 101)/10.0 for i in range(150)]); cur = pd.Series([(i*53 % 97)/9.0 + 0.5 for i in range(120)])
     *   bins = np.histogram_bin_edges(pd.concat([ref, cur]).values, bins="sturges")          # 10 bins
     *   rp = np.histogram(ref, bins)[0]/len(ref); cp = np.histogram(cur, bins)[0]/len(cur)
     *   distance.jensenshannon(rp, cp, 2)                                                    # 0.24343209233722993
     *   PSI with feel_zeroes on both                                                         # 0.7847505748313205
     *   hellinger: sturges bins over the distinct values, densities × bin width             # 0.17081533179051067
     *   stats.wasserstein_distance(ref, cur) / max(np.std(ref), 0.001)                       # 0.26078711185282344
     *   stats.ks_2samp(ref, cur)                                                             # D 0.10833333333333334, p 0.38772740023281366
     */
    @Test
    void reproducesEvidentlysNumbers() {
        double[] ref = new double[150];
        double[] cur = new double[120];
        java.util.Arrays.setAll(ref, i -> (i * 37 % 101) / 10.0);
        java.util.Arrays.setAll(cur, i -> (i * 53 % 97) / 9.0 + 0.5);
        ColumnPair pair = ColumnPair.numerical("x", ref, cur);
        assertThat(Histogram.of(pair).labels()).hasSize(10);
        assertThat(DriftMethod.JENSENSHANNON.measure(pair).statistic()).isCloseTo(0.24343209233722993, within(1e-14));
        assertThat(DriftMethod.PSI.measure(pair).statistic()).isCloseTo(0.7847505748313205, within(1e-13));
        assertThat(DriftMethod.HELLINGER.measure(pair).statistic()).isCloseTo(0.17081533179051067, within(1e-14));
        assertThat(DriftMethod.WASSERSTEIN.measure(pair).statistic()).isCloseTo(0.26078711185282344, within(1e-14));
        TestStatistic ks = DriftMethod.KS.measure(pair);
        assertThat(ks.statistic()).isCloseTo(0.10833333333333334, within(1e-15));
        assertThat(ks.pValue()).isCloseTo(0.38772740023281366, within(1e-12));
    }

    @Test
    void defaultMethodFollowsEvidentlysRules() {
        Rng rng = Rng.seeded(1);
        assertThat(DriftMethod.evidentlyDefault(ColumnPair.numerical("a", gaussian(rng, 1000, 0, 1), gaussian(rng, 5000, 0, 1))))
                .isEqualTo(DriftMethod.KS);
        assertThat(DriftMethod.evidentlyDefault(ColumnPair.numerical("a", gaussian(rng, 1001, 0, 1), gaussian(rng, 50, 0, 1))))
                .isEqualTo(DriftMethod.WASSERSTEIN);
        double[] fiveValues = {1, 2, 3, 4, 5, 1, 2};
        assertThat(DriftMethod.evidentlyDefault(ColumnPair.numerical("a", fiveValues, fiveValues))).isEqualTo(DriftMethod.CHISQUARE);
        assertThat(DriftMethod.evidentlyDefault(ColumnPair.numerical("a", new double[] {0, 1, 1}, new double[] {1, 0})))
                .isEqualTo(DriftMethod.Z);
        // six distinct values only when both sets are counted together
        assertThat(DriftMethod.evidentlyDefault(ColumnPair.numerical("a", fiveValues, new double[] {6})))
                .isEqualTo(DriftMethod.KS);
        String[] colours = draw(rng, 1200, new double[] {0.5, 0.5}, "red", "blue");
        assertThat(DriftMethod.evidentlyDefault(ColumnPair.categorical("c", colours, colours))).isEqualTo(DriftMethod.JENSENSHANNON);
        String[] few = java.util.Arrays.copyOf(colours, 1000);
        assertThat(DriftMethod.evidentlyDefault(ColumnPair.categorical("c", few, few))).isEqualTo(DriftMethod.Z);
        String[] three = draw(rng, 300, new double[] {0.3, 0.3, 0.4}, "a", "b", "c");
        assertThat(DriftMethod.evidentlyDefault(ColumnPair.categorical("c", three, three))).isEqualTo(DriftMethod.CHISQUARE);
        double[] manyRowsFewValues = new double[2000];
        java.util.Arrays.setAll(manyRowsFewValues, i -> i % 4);
        assertThat(DriftMethod.evidentlyDefault(ColumnPair.numerical("a", manyRowsFewValues, manyRowsFewValues)))
                .isEqualTo(DriftMethod.JENSENSHANNON);
    }

    @Test
    void detectsShiftedMeansVariancesAndMixes() {
        Rng rng = Rng.seeded(7);
        DataDrift drift = new DataDrift(DriftSettings.defaults());
        // small reference: KS and chi-squared
        assertThat(drift.test(ColumnPair.numerical("mean", gaussian(rng, 300, 0, 1), gaussian(rng, 300, 0.4, 1))).drift()).isTrue();
        assertThat(drift.test(ColumnPair.numerical("var", gaussian(rng, 300, 0, 1), gaussian(rng, 300, 0, 1.8))).drift()).isTrue();
        ColumnDrift mix = drift.test(ColumnPair.categorical("mix", draw(rng, 500, new double[] {0.5, 0.3, 0.2}, "a", "b", "c"),
                draw(rng, 500, new double[] {0.35, 0.35, 0.3}, "a", "b", "c")));
        assertThat(mix.method()).isEqualTo(DriftMethod.CHISQUARE);
        assertThat(mix.drift()).isTrue();
        // large reference: normed Wasserstein and Jensen–Shannon
        ColumnDrift far = drift.test(ColumnPair.numerical("w", gaussian(rng, 5000, 0, 1), gaussian(rng, 5000, 0.3, 1)));
        assertThat(far.method()).isEqualTo(DriftMethod.WASSERSTEIN);
        assertThat(far.statistic()).isCloseTo(0.3, within(0.05));
        assertThat(far.drift()).isTrue();
        ColumnDrift near = drift.test(ColumnPair.numerical("w", gaussian(rng, 5000, 0, 1), gaussian(rng, 5000, 0, 1)));
        assertThat(near.drift()).isFalse();
        ColumnDrift js = drift.test(ColumnPair.categorical("c", draw(rng, 5000, new double[] {0.7, 0.3}, "x", "y"),
                draw(rng, 5000, new double[] {0.4, 0.6}, "x", "y")));
        assertThat(js.method()).isEqualTo(DriftMethod.JENSENSHANNON);
        assertThat(js.drift()).isTrue();
    }

    @Test
    void contingencyKeepsTheNominalRateWhereEvidentlysGoodnessOfFitDoesNot() {
        // 400 pairs of 200 draws from one three-way mix. The homogeneity test rejects at about 5%
        // (99.9% binomial interval [7, 36], stats.binom.ppf([0.0005, 0.9995], 400, 0.05)); the
        // goodness-of-fit test, which takes the reference's noisy shares as exact, about twice as often.
        int contingency = 0;
        int gof = 0;
        for (int seed = 0; seed < 400; seed++) {
            Rng rng = Rng.seeded(1000 + seed);
            ColumnPair pair = ColumnPair.categorical("c", draw(rng, 200, new double[] {0.5, 0.3, 0.2}, "a", "b", "c"),
                    draw(rng, 200, new double[] {0.5, 0.3, 0.2}, "a", "b", "c"));
            contingency += ChiSquaredTest.contingency(pair.valueCounts()).pValue() < 0.05 ? 1 : 0;
            gof += ChiSquaredTest.goodnessOfFit(pair.valueCounts()).pValue() < 0.05 ? 1 : 0;
        }
        assertThat(contingency).isBetween(7, 36);
        assertThat(gof).isGreaterThan(36);
    }

    @Test
    void datasetDriftWhenTheShareOfDriftedColumnsReachesTheThreshold() {
        Rng rng = Rng.seeded(3);
        Frame ref = Frame.of(DoubleColumn.of("a", gaussian(rng, 200, 0, 1)), DoubleColumn.of("b", gaussian(rng, 200, 0, 1)),
                DoubleColumn.of("c", gaussian(rng, 200, 0, 1)), DoubleColumn.of("d", gaussian(rng, 200, 0, 1)));
        Frame cur = Frame.of(DoubleColumn.of("a", gaussian(rng, 200, 2, 1)), DoubleColumn.of("b", gaussian(rng, 200, 0, 3)),
                DoubleColumn.of("c", gaussian(rng, 200, 0, 1)), DoubleColumn.of("d", gaussian(rng, 200, 0, 1)));
        DatasetDrift half = new DataDrift(DriftSettings.defaults()).compare(ref, cur);
        assertThat(half.numberOfDriftedColumns()).isEqualTo(2);
        assertThat(half.driftShare()).isEqualTo(0.5);
        assertThat(half.datasetDrift()).isTrue();
        assertThat(new DataDrift(DriftSettings.defaults().withDriftShare(0.6)).compare(ref, cur).datasetDrift()).isFalse();
        Map<String, Object> json = half.toMap();
        assertThat(json).containsEntry("dataset_drift", true).containsEntry("number_of_columns", 4)
                .containsEntry("number_of_drifted_columns", 2).containsEntry("drift_share_threshold", 0.5);
        @SuppressWarnings("unchecked")
        Map<String, Object> a = (Map<String, Object>) ((Map<String, Object>) json.get("columns")).get("a");
        assertThat(a).containsEntry("drift", true).containsEntry("test", "ks").containsEntry("column_type", "num")
                .containsKeys("statistic", "p_value", "threshold", "missing_reference", "missing_current");
    }

    @Test
    void missingValuesAreCountedAndLeftOutOfTheTest() {
        Frame ref = Frame.of(DoubleColumn.of("x", 1, 2, Double.NaN, 4, 5, 6, 7),
                CategoricalColumn.of("c", "a", null, "b", "a", "a", "b", "a"));
        Frame cur = Frame.of(DoubleColumn.of("x", Double.NaN, Double.NaN, 3, 4, 5, 6, 7, 8),
                CategoricalColumn.of("c", "a", "b", "b", null, "b", "a", "b", "b"));
        DatasetDrift result = new DataDrift(DriftSettings.defaults()).compare(ref, cur);
        ColumnDrift x = result.columns().get(0);
        assertThat(x.missingReference()).isEqualTo(1);
        assertThat(x.missingCurrent()).isEqualTo(2);
        assertThat(x.referenceSize()).isEqualTo(6);
        assertThat(x.currentSize()).isEqualTo(6);
        ColumnDrift c = result.columns().get(1);
        assertThat(c.missingReference()).isEqualTo(1);
        assertThat(c.missingCurrent()).isEqualTo(1);
        assertThat(c.method()).isEqualTo(DriftMethod.Z);
        // the z-test on the non-missing values only: 2 of 6 against 5 of 7 are "b"
        assertThat(c.statistic()).isCloseTo(TwoProportionZTest.test(new ColumnPair.ValueCounts(List.of("a", "b"),
                new long[] {4, 2}, new long[] {2, 5})).statistic(), within(1e-15));
        ColumnPair f = ColumnPair.of(BooleanColumn.builder("f").add(true).addMissing().add(false).build(),
                BooleanColumn.of("f", true, false, false));
        assertThat(f.kind()).isEqualTo(ColumnKind.NUMERICAL);
        assertThat(f.missingReference()).isEqualTo(1);
    }

    @Test
    void methodsAndThresholdsAreOverridable() {
        Rng rng = Rng.seeded(5);
        Frame ref = Frame.of(DoubleColumn.of("a", gaussian(rng, 300, 0, 1)), DoubleColumn.of("b", gaussian(rng, 300, 0, 1)));
        Frame cur = Frame.of(DoubleColumn.of("a", gaussian(rng, 300, 0.2, 1)), DoubleColumn.of("b", gaussian(rng, 300, 0, 1)));
        DriftSettings settings = DriftSettings.defaults().withMethod(DriftMethod.PSI)
                .withMethods(Map.of("b", DriftMethod.WASSERSTEIN)).withThresholds(Map.of("b", 0.5));
        DatasetDrift result = new DataDrift(settings).compare(ref, cur);
        assertThat(result.columns().get(0).method()).isEqualTo(DriftMethod.PSI);
        assertThat(result.columns().get(0).threshold()).isEqualTo(0.1);
        assertThat(result.columns().get(1).method()).isEqualTo(DriftMethod.WASSERSTEIN);
        assertThat(result.columns().get(1).threshold()).isEqualTo(0.5);
        assertThat(new DataDrift(DriftSettings.defaults().withThreshold(1e-9)).compare(ref, cur).columns().get(0).threshold())
                .isEqualTo(1e-9);
    }

    @Test
    void badInputIsNamed() {
        Frame ref = Frame.of(DoubleColumn.of("x", 1, 2, 3), CategoricalColumn.of("k", "a", "b", "a"), TextColumn.of("t", "x y", "z", "w"));
        Frame cur = Frame.of(CategoricalColumn.of("x", "p", "q", "r"), CategoricalColumn.of("k", "a", "a", "b"), TextColumn.of("t", "a", "b", "c"));
        DataDrift drift = new DataDrift(DriftSettings.defaults());
        assertThatThrownBy(() -> drift.compare(ref, cur))
                .hasMessage("column 'x' is double in the reference data but categorical in the current data");
        assertThatThrownBy(() -> drift.compare(ref, cur, List.of("nope"))).hasMessageContaining("no column 'nope' in the reference data");
        assertThatThrownBy(() -> drift.compare(ref, cur.drop("k"), List.of("k"))).hasMessageContaining("no column 'k' in the current data");
        assertThatThrownBy(() -> drift.compare(ref, cur, List.of("t"))).hasMessageContaining("free text");
        assertThat(drift.compare(ref.drop("x"), cur.drop("x")).skipped()).containsOnlyKeys("t");
        assertThatThrownBy(() -> new DataDrift(DriftSettings.defaults().withMethod(DriftMethod.KS)).compare(ref, cur, List.of("k")))
                .hasMessageContaining("method ks compares numbers; column 'k' is categorical");
        assertThatThrownBy(() -> new DataDrift(DriftSettings.defaults().withMethods(Map.of("zzz", DriftMethod.KS))).compare(ref, cur, List.of("k")))
                .hasMessageContaining("[zzz]");
        assertThatThrownBy(() -> DriftSettings.defaults().withDriftShare(0)).hasMessageContaining("drift share");
        assertThatThrownBy(() -> DriftMethod.fromLabel("kolmogorov")).hasMessageContaining("ks, chisquare, chisquare_gof, z");
        assertThatThrownBy(() -> ColumnPair.numerical("e", new double[] {Double.NaN}, new double[] {1}))
                .hasMessageContaining("no non-missing values in the reference");
    }
}
