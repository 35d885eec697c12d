package dev.kiln.monitor.drift;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The chi-squared and z-tests, the distances and the binning against SciPy / NumPy and closed forms. */
class StatisticsTest {

    private static ColumnPair.ValueCounts counts(long[] ref, long[] cur) {
        List<String> labels = new java.util.ArrayList<>();
        for (int i = 0; i < ref.length; i++) {
            labels.add("v" + i);
        }
        return new ColumnPair.ValueCounts(labels, ref, cur);
    }

    /*
     * from scipy import stats
     * stats.chi2_contingency([[30, 50, 20], [45, 40, 35]], correction=False)[:2]  # (6.43703703703704, 0.04001429480764793)
     * stats.chisquare([45, 40, 35], [30*1.2, 50*1.2, 20*1.2])                    # (13.958333333333336, 0.0009310787789859783)
     */
    @Test
    void chiSquaredMatchesScipy() {
        var c = counts(new long[] {30, 50, 20}, new long[] {45, 40, 35});
        TestStatistic contingency = ChiSquaredTest.contingency(c);
        assertThat(contingency.statistic()).isCloseTo(6.43703703703704, within(1e-12));
        assertThat(contingency.pValue()).isCloseTo(0.04001429480764793, within(1e-14));
        TestStatistic gof = ChiSquaredTest.goodnessOfFit(c);
        assertThat(gof.statistic()).isCloseTo(13.958333333333336, within(1e-12));
        assertThat(gof.pValue()).isCloseTo(0.0009310787789859783, within(1e-15));
    }

    @Test
    void goodnessOfFitGivesZeroForAValueTheReferenceNeverHeld() {
        TestStatistic gof = ChiSquaredTest.goodnessOfFit(counts(new long[] {10, 0}, new long[] {9, 1}));
        assertThat(gof.statistic()).isInfinite();
        assertThat(gof.pValue()).isZero();
    }

    /*
     * Two-proportion z-test closed form: ref 60 of 100, cur 45 of 100 are the second value;
     * pooled 0.525, z = 0.15 / sqrt(0.525·0.475·0.02) = 2.1239769762143, and z² equals the
     * uncorrected chi-squared of the 2×2 table:
     * stats.chi2_contingency([[40, 60], [55, 45]], correction=False)[:2]  # (4.511278195488721, 0.033672068856345896)
     */
    @Test
    void zTestIsTheClosedFormAndItsSquareIsTheTwoByTwoChiSquared() {
        var c = counts(new long[] {40, 60}, new long[] {55, 45});
        TestStatistic z = TwoProportionZTest.test(c);
        assertThat(z.statistic()).isCloseTo(0.15 / Math.sqrt(0.525 * 0.475 * 0.02), within(1e-12));
        assertThat(z.statistic() * z.statistic()).isCloseTo(4.511278195488721, within(1e-11));
        assertThat(z.pValue()).isCloseTo(0.033672068856345896, within(1e-13));
        assertThat(ChiSquaredTest.contingency(c).pValue()).isCloseTo(z.pValue(), within(1e-13));
        assertThat(TwoProportionZTest.test(counts(new long[] {7}, new long[] {9})).pValue()).isEqualTo(1.0);
        assertThatThrownBy(() -> TwoProportionZTest.test(counts(new long[] {1, 2, 3}, new long[] {1, 2, 3})))
                .hasMessageContaining("3 distinct values");
    }

    /*
     * a = [0.61, 1.2, -0.3, 2.2, 0.9, 1.7, 0.05, 1.1]; b = [1.9, 2.4, 0.8, 3.1, 2.2, 1.35, 2.9]
     * stats.wasserstein_distance(a, b)  # 1.160357142857143;  np.std(a)  # 0.7663346201236115
     */
    @Test
    void wassersteinMatchesScipy() {
        double[] a = {0.61, 1.2, -0.3, 2.2, 0.9, 1.7, 0.05, 1.1};
        double[] b = {1.9, 2.4, 0.8, 3.1, 2.2, 1.35, 2.9};
        assertThat(Distances.wasserstein(a, b)).isCloseTo(1.160357142857143, within(1e-14));
        assertThat(Distances.standardDeviation(a)).isCloseTo(0.7663346201236115, within(1e-15));
        // A shift by c moves every quantile by c.
        double[] shifted = java.util.Arrays.stream(a).map(v -> v + 0.75).toArray();
        assertThat(Distances.wasserstein(a, shifted)).isCloseTo(0.75, within(1e-14));
    }

    /*
     * from scipy.spatial import distance
     * distance.jensenshannon([0.2, 0.5, 0.3, 0], [0.1, 0.3, 0.4, 0.2], base=2)  # 0.3683098914091944
     * (also for the unnormalised [2, 5, 3, 0] and [1, 3, 4, 2]: SciPy scales both to sum 1)
     */
    @Test
    void jensenShannonMatchesScipyWithBaseTwo() {
        assertThat(Distances.jensenShannon(new double[] {0.2, 0.5, 0.3, 0}, new double[] {0.1, 0.3, 0.4, 0.2}))
                .isCloseTo(0.3683098914091944, within(1e-15));
        assertThat(Distances.jensenShannon(new double[] {2, 5, 3, 0}, new double[] {1, 3, 4, 2}))
                .isCloseTo(0.3683098914091944, within(1e-15));
        assertThat(Distances.jensenShannon(new double[] {1, 0}, new double[] {0, 1})).isCloseTo(1.0, within(1e-15));
    }

    @Test
    void hellingerAndPsiClosedForms() {
        // H² = 1 − Σ√(p q): p = (0.5, 0.5), q = (0.9, 0.1) → 1 − (√0.45 + √0.05)
        double h = Distances.hellinger(new double[] {0.5, 0.5}, new double[] {0.9, 0.1});
        assertThat(h * h).isCloseTo(1 - (Math.sqrt(0.45) + Math.sqrt(0.05)), within(1e-15));
        assertThat(Distances.hellinger(new double[] {1, 0}, new double[] {0, 1})).isEqualTo(1.0);
        // PSI = Σ (r − c) ln(r / c)
        double psi = Distances.populationStabilityIndex(new double[] {0.5, 0.3, 0.2}, new double[] {0.4, 0.4, 0.2});
        assertThat(psi).isCloseTo(0.1 * Math.log(0.5 / 0.4) - 0.1 * Math.log(0.3 / 0.4), within(1e-15));
    }

    @Test
    void emptyBinsGetEvidentlysEpsilon() {
        assertThat(Distances.fillEmptyBins(new double[] {0.5, 0, 0.5})).containsExactly(0.5, 1e-4, 0.5);
        assertThat(Distances.fillEmptyBins(new double[] {0.99995, 0, 0.00005})).containsExactly(0.99995, 0.00005 / 1e6, 0.00005);
        // PSI with an empty current bin: (0.2 − 1e-4)·ln(0.2 / 1e-4) + (0.8 − 1)·ln(0.8 / 1)
        double psi = Distances.populationStabilityIndex(new double[] {0.2, 0.8}, new double[] {0, 1});
        assertThat(psi).isCloseTo((0.2 - 1e-4) * Math.log(0.2 / 1e-4) + (0.8 - 1) * Math.log(0.8), within(1e-14));
    }

    /*
     * import numpy as np
     * v = np.array([0.61, 1.2, -0.3, 2.2, 0.9, 1.7, 0.05, 1.1, 1.9, 2.4, 0.8, 3.1, 2.2, 1.35, 2.9, 7.0, -1.5])
     * e = np.histogram_bin_edges(v, bins='sturges')  # [-1.5, -0.0833.., 1.3333.., 2.75, 4.1666.., 5.5833.., 7.0]
     * np.histogram(v, e)[0]                           # [2, 6, 6, 2, 0, 1]
     * len(np.histogram_bin_edges(np.arange(1024) * 0.37, 'sturges')) - 1  # 11 (and 11 for 1000 values)
     */
    @Test
    void sturgesBinsMatchNumpy() {
        double[] v = {0.61, 1.2, -0.3, 2.2, 0.9, 1.7, 0.05, 1.1, 1.9, 2.4, 0.8, 3.1, 2.2, 1.35, 2.9, 7.0, -1.5};
        double[] edges = Histogram.sturgesEdges(v);
        assertThat(edges).containsExactly(new double[] {-1.5, -1.5 + 8.5 / 6, -1.5 + 2 * 8.5 / 6, 2.75,
            -1.5 + 4 * 8.5 / 6, -1.5 + 5 * 8.5 / 6, 7.0}, within(1e-12));
        assertThat(Histogram.counts(v, edges)).containsExactly(2, 6, 6, 2, 0, 1);
        double[] grid1024 = new double[1024];
        double[] grid1000 = new double[1000];
        java.util.Arrays.setAll(grid1024, i -> i * 0.37);
        java.util.Arrays.setAll(grid1000, i -> i * 0.37);
        assertThat(Histogram.sturgesEdges(grid1024)).hasSize(12);
        assertThat(Histogram.sturgesEdges(grid1000)).hasSize(12);
        assertThat(Histogram.sturgesEdges(new double[] {3, 3, 3})).containsExactly(2.5, 3.5);
    }
}
