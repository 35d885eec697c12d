package dev.kiln.monitor.experiment;

import dev.kiln.core.random.Rng;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class MomentsTest {

    @Test
    void incrementalAndMergedSummariesEqualTheTwoPassFormulas() {
        Rng rng = Rng.seeded(3);
        for (int trial = 0; trial < 50; trial++) {
            int n = 2 + rng.nextInt(200);
            int split = rng.nextInt(n + 1);
            double[] values = new double[n];
            for (int i = 0; i < n; i++) {
                values[i] = 1e6 + rng.nextGaussian() * (1 + trial);
            }
            double mean = 0;
            for (double v : values) {
                mean += v / n;
            }
            double squares = 0;
            for (double v : values) {
                squares += (v - mean) * (v - mean);
            }
            double variance = squares / (n - 1);
            Moments all = Moments.of(values);
            Moments merged = Moments.of(java.util.Arrays.copyOfRange(values, 0, split))
                    .merge(Moments.of(java.util.Arrays.copyOfRange(values, split, n)));
            for (Moments m : new Moments[]{all, merged}) {
                assertThat(m.count()).isEqualTo(n);
                assertThat(m.mean()).isCloseTo(mean, within(1e-9));
                assertThat(m.variance()).isCloseTo(variance, within(1e-9 * variance + 1e-9));
            }
        }
    }
}
