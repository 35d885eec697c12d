package dev.kiln.monitor.drift;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.kiln.core.random.Rng;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class KolmogorovSmirnovTest {

    /*
     * Reference values from SciPy 1.10.1 (/usr/bin/python3):
     *   from scipy import stats
     *   a = [0.61, 1.2, -0.3, 2.2, 0.9, 1.7, 0.05, 1.1]; b = [1.9, 2.4, 0.8, 3.1, 2.2, 1.35, 2.9]
     *   stats.ks_2samp(a, b, method='exact')   # D = 0.6071428571428571, p = 0.08702408702408701
     *   c = [1, 2, 2, 3, 3, 3, 4, 5]; d = [2, 3, 3, 4, 4, 5, 5, 6, 6, 7]
     *   stats.ks_2samp(c, d, method='exact')   # D = 0.45, p = 0.2475433063668358
     *   e = [0.1*i for i in range(30)]; f = [0.1*i + 0.45 for i in range(30)]
     *   stats.ks_2samp(e, f, method='exact')   # D = 0.16666666666666666, p = 0.8079631540901643
     */
    @Test
    void exactPValuesMatchScipy() {
        var r = KolmogorovSmirnov.test(new double[] {0.61, 1.2, -0.3, 2.2, 0.9, 1.7, 0.05, 1.1},
                new double[] {1.9, 2.4, 0.8, 3.1, 2.2, 1.35, 2.9});
        assertThat(r.statistic()).isCloseTo(0.6071428571428571, within(1e-15));
        assertThat(r.pValue()).isCloseTo(0.08702408702408701, within(1e-13));
        assertThat(r.exact()).isTrue();

        var ties = KolmogorovSmirnov.test(new double[] {1, 2, 2, 3, 3, 3, 4, 5}, new double[] {2, 3, 3, 4, 4, 5, 5, 6, 6, 7});
        assertThat(ties.statistic()).isCloseTo(0.45, within(1e-15));
        assertThat(ties.pValue()).isCloseTo(0.2475433063668358, within(1e-13));

        double[] e = new double[30];
        double[] f = new double[30];
        for (int i = 0; i < 30; i++) {
            e[i] = 0.1 * i;
            f[i] = 0.1 * i + 0.45;
        }
        var equalSizes = KolmogorovSmirnov.test(e, f);
        assertThat(equalSizes.statistic()).isCloseTo(0.16666666666666666, within(1e-15));
        assertThat(equalSizes.pValue()).isCloseTo(0.8079631540901643, within(1e-12));
    }

    @Test
    void exactPValueEqualsTheShareOfAllSplitsWithAsLargeAStatistic() {
        // Brute force: every way to choose which 4 of the 9 distinct ranks are the reference's.
        double[] pooled = {1, 2, 3, 4, 5, 6, 7, 8, 9};
        double[] ref = {1, 2, 3, 7};
        double[] cur = {4, 5, 6, 8, 9};
        double observed = KolmogorovSmirnov.test(ref, cur).statistic();
        int atLeast = 0;
        int total = 0;
        for (int mask = 0; mask < 1 << 9; mask++) {
            if (Integer.bitCount(mask) != 4) {
                continue;
            }
            double[] r = new double[4];
            double[] c = new double[5];
            int ri = 0;
            int ci = 0;
            for (int k = 0; k < 9; k++) {
                if ((mask >> k & 1) == 1) {
                    r[ri++] = pooled[k];
                } else {
                    c[ci++] = pooled[k];
                }
            }
            total++;
            if (KolmogorovSmirnov.test(r, c).statistic() >= observed - 1e-12) {
                atLeast++;
            }
        }
        assertThat(total).isEqualTo(126);
        assertThat(KolmogorovSmirnov.test(ref, cur).pValue()).isCloseTo((double) atLeast / total, within(1e-14));
    }

    /*
     * m, n = 20000, 15000; A = [i/m for i in range(m)]; B = [(j/n)**1.05 for j in range(n)]
     * r = stats.ks_2samp(A, B, method='asymp'); en = m*n/(m+n)
     * r.statistic = 0.018000000000000016; stats.kstwobign.sf(sqrt(en)*D) = 0.007741664276245951
     * (SciPy's own ks_2samp asymptotic p-value, kstwo.sf(D, round(en)), is 0.007649478311490246.)
     */
    @Test
    void largeSamplesUseKolmogorovsLimit() {
        int m = 20000;
        int n = 15000;
        double[] a = new double[m];
        double[] b = new double[n];
        for (int i = 0; i < m; i++) {
            a[i] = (double) i / m;
        }
        for (int j = 0; j < n; j++) {
            b[j] = Math.pow((double) j / n, 1.05);
        }
        var r = KolmogorovSmirnov.test(a, b);
        assertThat(r.exact()).isFalse();
        assertThat(r.statistic()).isCloseTo(0.018000000000000016, within(1e-12));
        assertThat(r.pValue()).isCloseTo(0.007741664276245951, within(1e-10));
    }

    @Test
    void sameDistributionDriftsAtTheNominalRate() {
        // 400 pairs of samples from one distribution: the number with p ≤ 0.05 must lie in the
        // 99.9% binomial interval for 400 trials at rate 0.05: stats.binom.ppf([0.0005, 0.9995], 400, 0.05) = [7, 36].
        int rejected = 0;
        for (int seed = 0; seed < 400; seed++) {
            Rng rng = Rng.seeded(seed);
            double[] a = new double[60];
            double[] b = new double[45];
            Arrays.setAll(a, i -> rng.nextGaussian());
            Arrays.setAll(b, i -> rng.nextGaussian());
            if (KolmogorovSmirnov.test(a, b).pValue() <= 0.05) {
                rejected++;
            }
        }
        assertThat(rejected).isBetween(7, 36);
    }

    @Test
    void emptySampleIsRejected() {
        assertThatThrownBy(() -> KolmogorovSmirnov.test(new double[0], new double[] {1}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("0 and 1");
    }
}
