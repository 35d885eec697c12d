package dev.kiln.monitor.experiment;

import dev.kiln.core.random.Rng;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class SampleRatioCheckTest {

    /** Reference: SciPy 1.10 {@code chisquare([5100, 4900], [5000, 5000])} → 4.0, p 0.04550026389635857; {@code chisquare([3000, 3000, 4100], [3030, 3030, 4040])} → 1.4851485148514851, p 0.47588728099498656. */
    @Test
    void matchesScipyChiSquare() {
        SampleRatioCheck two = SampleRatioCheck.of(new long[]{5100, 4900}, new double[]{1, 1});
        assertThat(two.statistic()).isCloseTo(4.0, within(1e-12));
        assertThat(two.pValue()).isCloseTo(0.04550026389635857, within(1e-12));
        assertThat(two.mismatch()).isFalse();
        SampleRatioCheck three = SampleRatioCheck.of(new long[]{3000, 3000, 4100}, new double[]{30, 30, 40});
        assertThat(three.statistic()).isCloseTo(1.4851485148514851, within(1e-12));
        assertThat(three.pValue()).isCloseTo(0.47588728099498656, within(1e-12));
    }

    @Test
    void skewedAssignmentIsFlaggedAndFairAssignmentRarelyIs() {
        Rng rng = Rng.seeded(51);
        int experiments = 200;
        int skewedFlags = 0;
        int fairFlags = 0;
        for (int e = 0; e < experiments; e++) {
            skewedFlags += assign(rng, 20_000, 0.52).mismatch() ? 1 : 0;
            fairFlags += assign(rng, 20_000, 0.5).mismatch() ? 1 : 0;
        }
        // A 52/48 split of 20,000 units is 5.7 standard deviations off 50/50: caught nearly always.
        assertThat(skewedFlags).isGreaterThan(190);
        assertThat(fairFlags).isLessThanOrEqualTo(2);
    }

    private static SampleRatioCheck assign(Rng rng, int units, double shareOfFirst) {
        long first = 0;
        for (int i = 0; i < units; i++) {
            if (rng.nextDouble() < shareOfFirst) {
                first++;
            }
        }
        return SampleRatioCheck.of(new long[]{first, units - first}, new double[]{50, 50});
    }

    @Test
    void rejectsMismatchedArguments() {
        assertThatThrownBy(() -> SampleRatioCheck.of(new long[]{1}, new double[]{1})).hasMessageContaining(">= 2");
        assertThatThrownBy(() -> SampleRatioCheck.of(new long[]{1, 2}, new double[]{1, 0})).hasMessageContaining("arm 1");
    }
}
