package dev.kiln.monitor.drift;

import static org.assertj.core.api.Assertions.assertThat;

import org.assertj.core.data.Percentage;
import org.junit.jupiter.api.Test;

/** Reference values from SciPy 1.10.1 (/usr/bin/python3): {@code from scipy import stats; stats.kstwobign.sf(l)}. */
class KolmogorovDistributionTest {

    @Test
    void kolmogorovSurvivalMatchesScipyOnBothSeries() {
        double[][] cases = {{0.3, 0.9999906941986655}, {0.8, 0.5441424115741981}, {1.0, 0.26999967167735456},
            {1.36, 0.049485876755377876}, {2.0, 0.0006709252557796953}, {3.0, 3.045995948942526e-08}};
        for (double[] c : cases) {
            assertThat(KolmogorovDistribution.survival(c[0])).as("kstwobign.sf(%s)", c[0])
                    .isCloseTo(c[1], Percentage.withPercentage(1e-9));
        }
    }
}
