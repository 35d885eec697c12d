package dev.kiln.learn.neighbors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.kiln.core.linalg.Matrix;
import dev.kiln.core.random.Rng;
import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NeighborGraphTest {

    /** Low dimension takes the k-d tree, high dimension brute force; rows 3 and 8 are copies. */
    @ParameterizedTest
    @CsvSource({"3, 2", "3, 1", "20, 2"})
    void eachRowGetsItsNearestOtherRowsAsAFullScanFinds(int dims, double p) {
        int n = 120;
        int k = 6;
        Matrix x = Matrix.gaussian(n, dims, Rng.seeded(dims));
        for (int j = 0; j < dims; j++) {
            x.set(8, j, x.get(3, j));
        }
        Neighbors graph = NeighborGraph.of(x, k, p);
        for (int i = 0; i < n; i++) {
            int row = i;
            double[] dist = new double[n];
            for (int j = 0; j < n; j++) {
                double s = 0;
                for (int c = 0; c < dims; c++) {
                    s += Math.pow(Math.abs(x.get(row, c) - x.get(j, c)), p);
                }
                dist[j] = Math.pow(s, 1 / p);
            }
            int[] expected = IntStream.range(0, n).filter(j -> j != row).boxed()
                    .sorted(Comparator.comparingDouble((Integer j) -> dist[j]).thenComparing(j -> j))
                    .limit(k).mapToInt(Integer::intValue).toArray();
            for (int m = 0; m < k; m++) {
                assertThat(graph.index(i, m)).as("row %d, neighbour %d", i, m).isEqualTo(expected[m]);
                assertThat(graph.distance(i, m)).isCloseTo(dist[expected[m]], within(1e-12));
            }
        }
        assertThat(graph.index(3, 0)).isEqualTo(8);
        assertThat(graph.index(8, 0)).isEqualTo(3);
        assertThat(Arrays.stream(graph.indices()).noneMatch(j -> j < 0)).isTrue();
    }

    @ParameterizedTest
    @CsvSource({"0", "10"})
    void kMustLeaveRoomForTheRowItself(int k) {
        Matrix x = Matrix.gaussian(10, 2, Rng.seeded(1));
        assertThatThrownBy(() -> NeighborGraph.of(x, k, 2)).hasMessageContaining("k must be in [1, 9]").hasMessageContaining("got " + k);
    }
}
