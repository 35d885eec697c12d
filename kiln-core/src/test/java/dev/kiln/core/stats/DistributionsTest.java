package dev.kiln.core.stats;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.data.Percentage.withPercentage;

/**
 * Reference figures from SciPy 1.10 (/usr/bin/python3), e.g.
 * {@code from scipy import stats; stats.norm.sf(3); stats.norm.ppf(0.025); stats.t.sf(2.0, 3); stats.t.ppf(0.975, 29.7)}.
 */
class DistributionsTest {

    @ParameterizedTest
    @CsvSource({
        "-8, 0.9999999999999993, 6.22096057427174e-16",
        "-1.96, 0.9750021048517795, 0.024997895148220435",
        "0, 0.5, 0.5",
        "0.5, 0.3085375387259869, 0.6914624612740131",
        "3, 0.0013498980316300933, 0.9986501019683699",
        "10, 7.61985302416047e-24, 1.0"})
    void normalTailsMatchScipy(double z, double survival, double cdf) {
        assertThat(Distributions.normalSurvival(z)).isCloseTo(survival, withPercentage(1e-10));
        assertThat(Distributions.normalCdf(z)).isCloseTo(cdf, withPercentage(1e-10));
    }

    @ParameterizedTest
    @CsvSource({
        "1e-10, -6.361340902404056",
        "0.025, -1.9599639845400545",
        "0.3, -0.5244005127080409",
        "0.975, 1.959963984540054",
        "0.999999, 4.753424308817087"})
    void normalQuantileMatchesScipy(double p, double quantile) {
        assertThat(Distributions.normalQuantile(p)).isCloseTo(quantile, withPercentage(1e-12));
    }

    @Test
    void normalQuantileInvertsTheCdf() {
        for (double p = 0.0005; p < 1; p += 0.0123) {
            assertThat(Distributions.normalCdf(Distributions.normalQuantile(p))).isCloseTo(p, within(1e-14));
        }
        assertThat(Distributions.normalQuantile(0.5)).isZero();
        assertThat(Distributions.normalQuantile(0)).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(Distributions.normalQuantile(1.5)).isNaN();
    }

    @ParameterizedTest
    @CsvSource({
        "2.0, 3, 0.06966298427942155",
        "-1.5, 10.5, 0.9184656210407777",
        "0.3, 1, 0.4072264209222577",
        "5, 100, 1.2250867067518993e-06"})
    void studentTSurvivalMatchesScipy(double t, double df, double survival) {
        assertThat(Distributions.studentTSurvival(t, df)).isCloseTo(survival, withPercentage(1e-9));
    }

    @ParameterizedTest
    @CsvSource({
        "0.975, 3, 3.182446305284263",
        "0.975, 29.7, 2.043137856247257",
        "0.05, 5, -2.0150483726691575",
        "0.9999, 2, 70.70007107496886"})
    void studentTQuantileMatchesScipy(double p, double df, double quantile) {
        // SciPy's t.ppf is itself good to about 1e-9 relative: t.sf(t.ppf(0.05, 5), 5) = 0.05000000004.
        assertThat(Distributions.studentTQuantile(p, df)).isCloseTo(quantile, withPercentage(1e-7));
        double tail = Math.min(p, 1 - p);
        assertThat(Distributions.studentTSurvival(Math.abs(Distributions.studentTQuantile(p, df)), df))
                .isCloseTo(tail, withPercentage(1e-10));
    }

    @Test
    void studentTApproachesTheNormalForLargeDegreesOfFreedom() {
        assertThat(Distributions.studentTQuantile(0.975, 1e7)).isCloseTo(1.959963984540054, within(1e-5));
    }

    /** SciPy 1.10.1: {@code stats.chi2.sf(x, k)}, odd and even degrees of freedom, both tails. */
    @Test
    void chiSquaredSurvivalMatchesScipy() {
        double[][] cases = {{1, 3.84, 0.05004352124870519}, {1, 0.5, 0.47950012218695337},
            {2, 5.99, 0.05003662708658629}, {3, 7.81, 0.05010605635000589}, {4, 1.2, 0.8780986177504424},
            {7, 14.07, 0.049950250317479475}, {10, 2.0, 0.9963401531726563}, {10, 30.0, 0.000856641210775301},
            {51, 60.0, 0.18175992924734108}, {200, 150.0, 0.996647558501813}, {1, 60.0, 9.485737571073857e-15}};
        for (double[] c : cases) {
            assertThat(Distributions.chiSquaredSurvival(c[1], c[0]))
                    .as("chi2.sf(%s, %s)", c[1], c[0]).isCloseTo(c[2], withPercentage(1e-9));
        }
    }
}
