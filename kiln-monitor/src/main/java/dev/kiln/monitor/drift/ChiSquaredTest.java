package dev.kiln.monitor.drift;

import dev.kiln.core.stats.Distributions;

/**
 * Pearson's chi-squared tests of whether the current data's value counts follow the reference's,
 * over the k distinct values seen in either set (k − 1 degrees of freedom).
 */
public final class ChiSquaredTest {
    private ChiSquaredTest() {
    }

    /**
     * The test of homogeneity on the 2×k contingency table of reference and current counts: the
     * expected count of a cell is row total × column total / grand total. Matches SciPy's
     * {@code chi2_contingency(table, correction=False)}.
     */
    public static TestStatistic contingency(ColumnPair.ValueCounts counts) {
        long[] ref = counts.reference();
        long[] cur = counts.current();
        double nr = counts.referenceTotal();
        double nc = counts.currentTotal();
        double n = nr + nc;
        double chi2 = 0;
        for (int j = 0; j < ref.length; j++) {
            double column = ref[j] + cur[j];
            double er = nr * column / n;
            double ec = nc * column / n;
            chi2 += (ref[j] - er) * (ref[j] - er) / er + (cur[j] - ec) * (cur[j] - ec) / ec;
        }
        return result(chi2, ref.length);
    }

    /**
     * The goodness-of-fit test Evidently's {@code chisquare} stattest runs: SciPy's
     * {@code chisquare(f_obs=current counts, f_exp=reference counts × n_current / n_reference)},
     * which treats the reference's shares as known. A value the reference never holds has expected
     * count 0, giving χ² = ∞ and p = 0.
     */
    public static TestStatistic goodnessOfFit(ColumnPair.ValueCounts counts) {
        long[] ref = counts.reference();
        long[] cur = counts.current();
        double scale = (double) counts.currentTotal() / counts.referenceTotal();
        double chi2 = 0;
        for (int j = 0; j < ref.length; j++) {
            double expected = ref[j] * scale;
            double gap = cur[j] - expected;
            chi2 += expected == 0 ? (gap == 0 ? 0 : Double.POSITIVE_INFINITY) : gap * gap / expected;
        }
        return result(chi2, ref.length);
    }

    private static TestStatistic result(double chi2, int categories) {
        if (categories < 2) {
            return new TestStatistic(0, 1);
        }
        return new TestStatistic(chi2, Distributions.chiSquaredSurvival(chi2, categories - 1));
    }
}
