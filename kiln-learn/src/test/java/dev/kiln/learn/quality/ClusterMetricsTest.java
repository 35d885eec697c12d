package dev.kiln.learn.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.kiln.core.linalg.Matrix;
import dev.kiln.learn.parity.ParityData;
import java.util.Arrays;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Closed forms on four points on a line, and scikit-learn 1.2.1's figures. The references use
 * iris as the test resources hold it ({@code X}, {@code y}: its four measurements and target,
 * equal to {@code load_iris()}), with {@code from sklearn import metrics}.
 */
class ClusterMetricsTest {
    private static final Matrix LINE = Matrix.of(new double[][] {{0}, {1}, {10}, {11}});
    private static final int[] HALVES = {0, 0, 1, 1};

    @Test
    void closedFormsOnTwoPairs() {
        // Row 0: a = 1, b = (10 + 11) / 2; row 1: a = 1, b = (9 + 10) / 2; rows 2 and 3 mirror them.
        double expected = (9.5 / 10.5 + 8.5 / 9.5) / 2;
        assertThat(ClusterMetrics.silhouette(LINE, HALVES)).isCloseTo(expected, within(1e-15));
        // Scatter 0.5 in both clusters, centroids 10 apart: (0.5 + 0.5) / 10.
        assertThat(ClusterMetrics.daviesBouldin(LINE, HALVES)).isCloseTo(0.1, within(1e-15));
        // Between: 2·5² + 2·5² = 100; within: 4 · 0.5² = 1; times (n − k) / (k − 1) = 2.
        assertThat(ClusterMetrics.calinskiHarabasz(LINE, HALVES)).isCloseTo(200, within(1e-12));
    }

    @Test
    void internalIndicesOnIrisMatchScikitLearn() {
        Matrix x = ParityData.IRIS.features().toMatrix();
        int[] y = Arrays.stream(ParityData.IRIS.targetColumn().toDoubles()).mapToInt(v -> (int) v).toArray();
        // metrics.silhouette_score(X, y), metrics.davies_bouldin_score(X, y), metrics.calinski_harabasz_score(X, y)
        assertThat(ClusterMetrics.silhouette(x, y)).isCloseTo(0.5034774406932966, within(1e-12));
        assertThat(ClusterMetrics.daviesBouldin(x, y)).isCloseTo(0.7513707094756737, within(1e-12));
        assertThat(ClusterMetrics.calinskiHarabasz(x, y)).isCloseTo(487.33087637489984, within(1e-9));
        // lab = np.array([i % 4 - 1 for i in range(150)]): noise (−1) counts as a cluster
        int[] lab = IntStream.range(0, 150).map(i -> i % 4 - 1).toArray();
        assertThat(ClusterMetrics.silhouette(x, lab)).isCloseTo(-0.04186639853966333, within(1e-12));
        assertThat(ClusterMetrics.daviesBouldin(x, lab)).isCloseTo(45.98182879147707, within(1e-9));
        assertThat(ClusterMetrics.calinskiHarabasz(x, lab)).isCloseTo(0.07555311950799089, within(1e-12));
    }

    @Test
    void aSingletonClusterScoresZeroAndTheSampleOfEveryRowIsTheWhole() {
        Matrix x = Matrix.of(new double[][] {{0, 0}, {0, 1}, {5, 5}, {9, 9}, {9, 8}});
        int[] labels = {0, 0, 1, 2, 2};
        assertThat(ClusterMetrics.silhouetteSamples(x, labels)[2]).isZero();
        assertThat(ClusterMetrics.silhouette(x, labels, 5, 7)).isCloseTo(ClusterMetrics.silhouette(x, labels), within(1e-15));
    }

    @Test
    void partitionAgreementMatchesScikitLearn() {
        // metrics.adjusted_rand_score(a, b), metrics.normalized_mutual_info_score(a, b) with
        // a = [0,0,1,1,2,2,-1,-1,3]; b = [1,1,0,0,2,3,3,5,5]
        int[] a = {0, 0, 1, 1, 2, 2, -1, -1, 3};
        int[] b = {1, 1, 0, 0, 2, 3, 3, 5, 5};
        assertThat(ClusterMetrics.adjustedRand(a, b)).isCloseTo(0.4375, within(1e-15));
        assertThat(ClusterMetrics.normalizedMutualInfo(a, b)).isCloseTo(0.8051567697685736, within(1e-14));
        // n = 200000; a = [i % 7 for i in range(n)]; b = [(i*i) % 11 ...]: pair counts beyond 64-bit products
        int[] mod7 = IntStream.range(0, 200_000).map(i -> i % 7).toArray();
        int[] squares = IntStream.range(0, 200_000).map(i -> (int) ((long) i * i % 11)).toArray();
        assertThat(ClusterMetrics.adjustedRand(mod7, squares)).isCloseTo(-2.6546370496373327e-05, within(1e-15));
        assertThat(ClusterMetrics.normalizedMutualInfo(mod7, squares)).isCloseTo(4.806498438989354e-09, within(1e-13));
        // b = [(i % 7) if i % 10 else 0 for i in range(n)]
        int[] mostly = IntStream.range(0, 200_000).map(i -> i % 10 != 0 ? i % 7 : 0).toArray();
        assertThat(ClusterMetrics.adjustedRand(mod7, mostly)).isCloseTo(0.7902472477489348, within(1e-14));
        assertThat(ClusterMetrics.normalizedMutualInfo(mod7, mostly)).isCloseTo(0.8490776103373119, within(1e-14));
    }

    @Test
    void partitionAgreementEdgeCases() {
        assertThat(ClusterMetrics.adjustedRand(new int[] {0, 0, 1, 1}, new int[] {5, 5, 3, 3})).isEqualTo(1.0);
        assertThat(ClusterMetrics.normalizedMutualInfo(new int[] {0, 0, 1, 1}, new int[] {5, 5, 3, 3})).isCloseTo(1.0, within(1e-15));
        assertThat(ClusterMetrics.adjustedRand(new int[] {0, 0, 0, 0, 0}, new int[] {0, 1, 2, 3, 4})).isZero();
        assertThat(ClusterMetrics.normalizedMutualInfo(new int[] {0, 0, 0, 0, 0}, new int[] {0, 1, 2, 3, 4})).isZero();
        assertThat(ClusterMetrics.adjustedRand(new int[] {4, 4, 4}, new int[] {1, 1, 1})).isEqualTo(1.0);
        assertThat(ClusterMetrics.normalizedMutualInfo(new int[] {4, 4, 4}, new int[] {1, 1, 1})).isEqualTo(1.0);
    }

    @Test
    void refusesLabelingsItCannotScore() {
        assertThatThrownBy(() -> ClusterMetrics.silhouette(LINE, new int[] {3, 3, 3, 3}))
                .hasMessageContaining("silhouette needs between 2 and 3 (the rows less one) distinct labels, got 1");
        assertThatThrownBy(() -> ClusterMetrics.calinskiHarabasz(LINE, new int[] {0, 1, 2, 3}))
                .hasMessageContaining("got 4");
        assertThatThrownBy(() -> ClusterMetrics.daviesBouldin(LINE, new int[] {0, 1}))
                .hasMessageContaining("2 labels for 4 rows");
        assertThatThrownBy(() -> ClusterMetrics.adjustedRand(new int[] {0, 1}, new int[] {0}))
                .hasMessageContaining("differ in length: 2 vs 1");
        assertThatThrownBy(() -> ClusterMetrics.silhouette(LINE, HALVES, 5, 0))
                .hasMessageContaining("sampleSize must be in [2, 4] (the rows), got 5");
    }
}
