package dev.kiln.monitor.experiment;

import dev.kiln.core.random.Rng;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class WelchTTestTest {

    /**
     * Reference: SciPy 1.10, {@code ttest_ind_from_stats(10, 2, 30, 11.5, 3, 25, equal_var=False)} →
     * t −2.135605490443123 (control − treatment), p 0.0388119716663103; Welch–Satterthwaite
     * df 40.47508602013509 and the interval 1.5 ∓ t.ppf(0.975, df)·se → [0.08096216022279834, 2.919037839777202].
     */
    @Test
    void matchesScipy() {
        Comparison c = WelchTTest.compare(new Moments(30, 10, 4), new Moments(25, 11.5, 9), 0.95);
        assertThat(c.statistic()).isCloseTo(2.135605490443123, within(1e-12));
        assertThat(c.pValue()).isCloseTo(0.0388119716663103, within(1e-10));
        // SciPy's t.ppf is good to about 1e-9 relative at fractional df (see DistributionsTest), hence 1e-8 here.
        assertThat(c.lower()).isCloseTo(0.08096216022279834, within(1e-8));
        assertThat(c.upper()).isCloseTo(2.919037839777202, within(1e-8));
    }

    @Test
    void aaExperimentsWithUnequalVariancesRejectAtTheNominalRate() {
        Rng rng = Rng.seeded(21);
        int experiments = 2000;
        int rejected = 0;
        for (int i = 0; i < experiments; i++) {
            Moments a = Moments.EMPTY;
            Moments b = Moments.EMPTY;
            for (int k = 0; k < 20; k++) {
                a = a.add(rng.nextGaussian(5, 1));
            }
            for (int k = 0; k < 40; k++) {
                b = b.add(rng.nextGaussian(5, 3));
            }
            if (WelchTTest.compare(a, b, 0.95).significant()) {
                rejected++;
            }
        }
        assertThat(Arms.plausibleRate((double) rejected / experiments, experiments, 0.05))
                .as("A/A rejection rate %d/%d", rejected, experiments).isTrue();
    }

    @Test
    void identicalConstantArmsDoNotDiffer() {
        Comparison c = WelchTTest.compare(Moments.of(2, 2, 2), Moments.of(2, 2), 0.95);
        assertThat(c.pValue()).isEqualTo(1);
        assertThat(c.significant()).isFalse();
    }
}
