package dev.kiln.monitor.drift;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.assertj.core.data.Percentage;
import org.junit.jupiter.api.Test;

class TailProbabilitiesTest {

    /*
     * Reference values from SciPy 1.10.1 (/usr/bin/python3):
     *   from scipy import special, stats
     *   special.erfc(x); stats.chi2.sf(x, k); stats.kstwobign.sf(l)
     */
    @Test
    void erfcMatchesScipy() {
        double[][] cases = {{0.0, 1.0}, {0.3, 0.6713732405408726}, {0.99, 0.16149193044463017},
            {1.0, 0.15729920705028516}, {1.5, 0.03389485352468927}, {2.5, 0.00040695201744495886},
            {4.0, 1.541725790028002e-08}, {6.0, 2.1519736712498913e-17}, {-0.7, 1.6778011938374182},
            {-2.0, 1.9953222650189528}};
        for (double[] c : cases) {
            assertThat(TailProbabilities.erfc(c[0])).as("erfc(%s)", c[0]).isCloseTo(c[1], Percentage.withPercentage(1e-11));
        }
    }

    @Test
    void chiSquaredSurvivalMatchesScipy() {
        double[][] cases = {{1, 3.84, 0.05004352124870519}, {1, 0.5, 0.47950012218695337},
            {2, 5.99, 0.05003662708658629}, {3, 7.81, 0.05010605635000589}, {4, 1.2, 0.8780986177504424},
            {7, 14.07, 0.049950250317479475}, {10, 2.0, 0.9963401531726563}, {10, 30.0, 0.000856641210775301},
            {51, 60.0, 0.18175992924734108}, {200, 150.0, 0.996647558501813}, {1, 60.0, 9.485737571073857e-15}};
        for (double[] c : cases) {
            assertThat(TailProbabilities.chiSquaredSurvival(c[1], (int) c[0]))
                    .as("chi2.sf(%s, %s)", c[1], c[0]).isCloseTo(c[2], Percentage.withPercentage(1e-9));
        }
        assertThat(TailProbabilities.chiSquaredSurvival(0, 3)).isEqualTo(1.0);
        assertThat(TailProbabilities.chiSquaredSurvival(Double.POSITIVE_INFINITY, 3)).isEqualTo(0.0);
    }

    @Test
    void kolmogorovSurvivalMatchesScipyOnBothSeries() {
        double[][] cases = {{0.3, 0.9999906941986655}, {0.8, 0.5441424115741981}, {1.0, 0.26999967167735456},
            {1.36, 0.049485876755377876}, {2.0, 0.0006709252557796953}, {3.0, 3.045995948942526e-08}};
        for (double[] c : cases) {
            assertThat(TailProbabilities.kolmogorovSurvival(c[0])).as("kstwobign.sf(%s)", c[0])
                    .isCloseTo(c[1], Percentage.withPercentage(1e-9));
        }
    }

    @Test
    void normalSurvivalIsSymmetric() {
        assertThat(TailProbabilities.normalSurvival(0)).isEqualTo(0.5, within(1e-16));
        assertThat(TailProbabilities.normalSurvival(1.3) + TailProbabilities.normalSurvival(-1.3)).isEqualTo(1.0, within(1e-15));
        // Φ(−1.959963984540054) = 0.025: the two-sided 5% point
        assertThat(TailProbabilities.normalSurvival(1.959963984540054)).isCloseTo(0.025, within(1e-15));
    }
}
