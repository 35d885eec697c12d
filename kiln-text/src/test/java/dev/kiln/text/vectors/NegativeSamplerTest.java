package dev.kiln.text.vectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.kiln.core.random.Rng;
import org.junit.jupiter.api.Test;

class NegativeSamplerTest {
    private static final long[] COUNTS = {1000, 500, 81, 16, 1, 1, 7};

    @Test
    void tableHoldsTheUnigramDistributionToTheThreeQuarters() {
        NegativeSampler s = NegativeSampler.of(COUNTS, 0.75);
        double z = 0;
        for (long c : COUNTS) {
            z += Math.pow(c, 0.75);
        }
        for (int i = 0; i < COUNTS.length; i++) {
            // e.g. 81^0.75 = 27 and 16^0.75 = 8, exactly.
            assertThat(s.probability(i)).as("word %d", i).isCloseTo(Math.pow(COUNTS[i], 0.75) / z, within(1e-9));
        }
    }

    @Test
    void drawsFollowTheTable() {
        NegativeSampler s = NegativeSampler.of(COUNTS, 0.75);
        Rng rng = Rng.seeded(1);
        int draws = 1_000_000;
        int[] seen = new int[COUNTS.length];
        for (int k = 0; k < draws; k++) {
            seen[s.draw(rng.nextLong())]++;
        }
        for (int i = 0; i < COUNTS.length; i++) {
            double p = s.probability(i);
            double sd = Math.sqrt(draws * p * (1 - p));
            assertThat((double) seen[i]).as("word %d", i).isCloseTo(draws * p, within(5 * sd));
        }
    }

    @Test
    void oneWordIsAlwaysDrawn() {
        NegativeSampler s = NegativeSampler.of(new long[] {3}, 0.75);
        assertThat(s.draw(-1L)).isZero();
        assertThat(s.draw(0L)).isZero();
    }
}
