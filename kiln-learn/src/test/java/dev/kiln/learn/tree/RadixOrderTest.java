package dev.kiln.learn.tree;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kiln.core.random.Rng;
import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class RadixOrderTest {

    @Test
    void sortsSignsZerosInfinitiesAndTiesStably() {
        double[] v = {3.5, -0.0, -2, Double.POSITIVE_INFINITY, 0.0, -2, Double.NEGATIVE_INFINITY, 1e-300, -1e300, 3.5};
        assertThat(RadixOrder.of(v)).containsExactly(6, 8, 2, 5, 1, 4, 7, 0, 9, 3);
    }

    @Test
    void agreesWithAComparisonSortOnRandomValues() {
        Rng rng = Rng.seeded(4);
        for (int trial = 0; trial < 20; trial++) {
            double[] v = new double[1 + rng.nextInt(500)];
            for (int i = 0; i < v.length; i++) {
                v[i] = trial % 2 == 0 ? rng.nextInt(7) - 3 : rng.nextGaussian() * Math.pow(10, rng.nextInt(20) - 10);
            }
            int[] expected = IntStream.range(0, v.length).boxed()
                    .sorted(Comparator.comparingDouble((Integer i) -> v[i] + 0.0).thenComparingInt(i -> i))
                    .mapToInt(Integer::intValue).toArray();
            assertThat(RadixOrder.of(v)).as(Arrays.toString(v)).containsExactly(expected);
        }
    }
}
