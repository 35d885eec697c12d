package dev.kiln.learn.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.kiln.core.frame.DoubleColumn;
import dev.kiln.core.frame.Frame;
import dev.kiln.core.frame.TextColumn;
import dev.kiln.core.linalg.Matrix;
import dev.kiln.core.random.Rng;
import dev.kiln.learn.TestFrames;
import dev.kiln.learn.parity.ParityData;
import java.util.Arrays;
import java.util.Comparator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class KMeansTest {
    private static final Frame LINE = Frame.of(DoubleColumn.of("x", 0, 1, 10, 11));

    private static KMeans.Params params(int k, int nInit, int maxIter, double tol, KMeansAlgorithm algorithm) {
        return new KMeans.Params(k, CentreInit.K_MEANS_PLUS_PLUS, nInit, maxIter, tol, algorithm, 5);
    }

    @Test
    void defaultsAreScikitLearns() {
        assertThat(KMeans.Params.defaults())
                .isEqualTo(new KMeans.Params(8, CentreInit.K_MEANS_PLUS_PLUS, 10, 300, 1e-4, KMeansAlgorithm.LLOYD, 0));
    }

    @Test
    void twoPairsOnALine() {
        KMeansModel m = new KMeans(KMeans.Params.defaults().withClusters(2)).fit(LINE);
        double[] centres = {m.centres().get(0, 0), m.centres().get(1, 0)};
        Arrays.sort(centres);
        assertThat(centres).containsExactly(0.5, 10.5);
        assertThat(m.inertia()).isEqualTo(1.0);
        int[] labels = m.labels();
        assertThat(labels[0]).isEqualTo(labels[1]).isNotEqualTo(labels[2]);
        assertThat(labels[2]).isEqualTo(labels[3]);
        Frame queries = Frame.of(DoubleColumn.of("x", -3, 5.4, 5.6, 20));
        assertThat(m.predict(queries).clusters()).containsExactly(labels[0], labels[0], labels[2], labels[2]);
        Matrix distances = m.transform(queries);
        assertThat(distances.get(1, labels[0])).isCloseTo(4.9, within(1e-12));
        assertThat(distances.get(1, labels[2])).isCloseTo(5.1, within(1e-12));
    }

    @Test
    void irisMatchesScikitLearnsOptimum() {
        // KMeans(n_clusters=3, n_init=10, random_state=0).fit(X) on the raw iris measurements:
        // inertia_ 78.851441426146, cluster_centers_ as below (scikit-learn 1.2.1).
        KMeansModel m = new KMeans(KMeans.Params.defaults().withClusters(3)).fit(ParityData.IRIS.features());
        assertThat(m.inertia()).isCloseTo(78.851441426146, within(1e-9));
        double[][] expected = {
            {5.006, 3.428, 1.4620000000000002, 0.24600000000000055},
            {5.901612903225806, 2.7483870967741937, 4.393548387096774, 1.4338709677419355},
            {6.85, 3.0736842105263156, 5.742105263157894, 2.0710526315789473}};
        double[][] found = m.centres().toArray();
        Arrays.sort(found, Comparator.comparingDouble(row -> row[0]));
        for (int c = 0; c < 3; c++) {
            assertThat(found[c]).containsExactly(expected[c], within(1e-12));
        }
    }

    @ParameterizedTest
    @EnumSource(KMeansAlgorithm.class)
    void inertiaNeverIncreasesAcrossIterations(KMeansAlgorithm algorithm) {
        Frame x = TestFrames.ofRows(ClusterData.gaussian(Rng.seeded(1), 1500, 2));
        double previous = Double.POSITIVE_INFINITY;
        int longest = 0;
        for (int t = 1; t <= 40; t++) {
            KMeansModel m = new KMeans(params(9, 1, t, 0, algorithm)).fit(x);
            assertThat(m.inertia()).as("after %d iterations", t).isLessThanOrEqualTo(previous * (1 + 1e-12));
            previous = m.inertia();
            longest = Math.max(longest, m.iterations());
        }
        assertThat(longest).as("the test needs runs that take many iterations").isGreaterThan(8);
    }

    @ParameterizedTest
    @EnumSource(KMeansAlgorithm.class)
    void atConvergenceEveryRowSitsAtItsNearestCentreAndCentresAreMeans(KMeansAlgorithm algorithm) {
        double[][] rows = ClusterData.blobs(Rng.seeded(2), new double[][] {{0, 0, 0, 0}, {3, 0, 0, 1}, {0, 3, 1, 0},
            {3, 3, 0, 0}, {1, 1, 4, 4}}, 200, 1.2);
        KMeansModel m = new KMeans(params(9, 3, 300, 0, algorithm)).fit(TestFrames.ofRows(rows));
        assertThat(m.iterations()).isLessThan(300);
        double[][] centres = m.centres().toArray();
        int[] labels = m.labels();
        double[][] sums = new double[9][4];
        int[] counts = new int[9];
        double inertia = 0;
        for (int i = 0; i < rows.length; i++) {
            double own = ClusterData.squared(rows[i], centres[labels[i]]);
            for (double[] c : centres) {
                assertThat(own).isLessThanOrEqualTo(ClusterData.squared(rows[i], c) + 1e-12);
            }
            inertia += own;
            counts[labels[i]]++;
            for (int j = 0; j < 4; j++) {
                sums[labels[i]][j] += rows[i][j];
            }
        }
        for (int c = 0; c < 9; c++) {
            for (int j = 0; j < 4; j++) {
                assertThat(centres[c][j]).isCloseTo(sums[c][j] / counts[c], within(1e-12));
            }
        }
        assertThat(m.inertia()).isCloseTo(inertia, within(1e-9 * inertia));
        assertThat(m.predict(TestFrames.ofRows(rows)).clusters()).containsExactly(labels);
    }

    @Test
    void elkanAndHamerlyBoundsGiveLloydsIterates() {
        Frame x = TestFrames.ofRows(ClusterData.gaussian(Rng.seeded(3), 3000, 5));
        KMeansModel lloyd = new KMeans(params(14, 2, 300, 1e-4, KMeansAlgorithm.LLOYD)).fit(x);
        KMeansModel elkan = new KMeans(params(14, 2, 300, 1e-4, KMeansAlgorithm.ELKAN)).fit(x);
        assertThat(lloyd.iterations()).isGreaterThan(10).isEqualTo(elkan.iterations());
        assertThat(lloyd.labels()).containsExactly(elkan.labels());
        assertThat(lloyd.centres().maxAbsDifference(elkan.centres())).isLessThan(1e-12);
        assertThat(lloyd.inertia()).isCloseTo(elkan.inertia(), within(1e-9));
    }

    @Test
    void theSameSeedGivesTheSameModelBitForBit() {
        Frame x = TestFrames.ofRows(ClusterData.gaussian(Rng.seeded(4), 9000, 3));
        KMeansModel a = new KMeans(KMeans.Params.defaults()).fit(x);
        KMeansModel b = new KMeans(KMeans.Params.defaults()).fit(x);
        assertThat(a.centres().toRowMajorArray()).containsExactly(b.centres().toRowMajorArray());
        assertThat(a.labels()).containsExactly(b.labels());
        KMeansModel other = new KMeans(KMeans.Params.defaults().withSeed(1)).fit(x);
        assertThat(other.centres().toRowMajorArray()).isNotEqualTo(a.centres().toRowMajorArray());
    }

    @Test
    void moreRestartsNeverEndHigher() {
        Frame x = TestFrames.ofRows(ClusterData.gaussian(Rng.seeded(5), 600, 2));
        KMeansModel one = new KMeans(params(7, 1, 300, 1e-4, KMeansAlgorithm.LLOYD)).fit(x);
        KMeansModel ten = new KMeans(params(7, 10, 300, 1e-4, KMeansAlgorithm.LLOYD)).fit(x);
        assertThat(ten.inertia()).isLessThanOrEqualTo(one.inertia());
    }

    @ParameterizedTest
    @EnumSource(CentreInit.class)
    void asManyClustersAsRowsPutsEveryRowAlone(CentreInit init) {
        double[][] rows = ClusterData.gaussian(Rng.seeded(6), 25, 3);
        KMeansModel m = new KMeans(new KMeans.Params(25, init, 2, 300, 1e-4, KMeansAlgorithm.LLOYD, 0))
                .fit(TestFrames.ofRows(rows));
        assertThat(m.inertia()).isZero();
        assertThat(Arrays.stream(m.labels()).distinct().count()).isEqualTo(25);
    }

    @ParameterizedTest
    @EnumSource(KMeansAlgorithm.class)
    void duplicatedRowsLeaveNoClusterEmptyOrUndefined(KMeansAlgorithm algorithm) {
        double[][] distinct = {{0, 0}, {5, 5}, {9, 1}};
        double[][] rows = new double[30][];
        for (int i = 0; i < 30; i++) {
            rows[i] = distinct[i % 3].clone();
        }
        KMeansModel m = new KMeans(params(5, 3, 300, 1e-4, algorithm)).fit(TestFrames.ofRows(rows));
        assertThat(m.inertia()).isZero();
        assertThat(m.centres().toRowMajorArray()).doesNotContain(Double.NaN);
        assertThat(m.labels()).containsAnyOf(0, 1, 2, 3, 4).doesNotContain(-1, 5);
        for (double[] c : m.centres().toArray()) {
            assertThat(Arrays.stream(distinct).anyMatch(row -> Arrays.equals(row, c))).as(Arrays.toString(c)).isTrue();
        }
    }

    @Test
    void oneClusterIsTheMean() {
        double[][] rows = ClusterData.gaussian(Rng.seeded(7), 50, 2);
        KMeansModel m = new KMeans(KMeans.Params.defaults().withClusters(1)).fit(TestFrames.ofRows(rows));
        double[] mean = new double[2];
        for (double[] r : rows) {
            mean[0] += r[0] / 50;
            mean[1] += r[1] / 50;
        }
        double total = 0;
        for (double[] r : rows) {
            total += ClusterData.squared(r, mean);
        }
        assertThat(m.centres().toRowMajorArray()).containsExactly(mean, within(1e-12));
        assertThat(m.inertia()).isCloseTo(total, within(1e-10));
        assertThat(m.labels()).containsOnly(0);
    }

    @Test
    void refusesBadSettingsAndData() {
        assertThatThrownBy(() -> new KMeans(KMeans.Params.defaults().withClusters(0)))
                .hasMessage("nClusters must be >= 1, got 0");
        assertThatThrownBy(() -> new KMeans.Params(3, CentreInit.RANDOM, 0, 300, 1e-4, KMeansAlgorithm.LLOYD, 0))
                .hasMessage("nInit must be >= 1, got 0");
        assertThatThrownBy(() -> new KMeans.Params(3, CentreInit.RANDOM, 1, 0, 1e-4, KMeansAlgorithm.LLOYD, 0))
                .hasMessage("maxIter must be >= 1, got 0");
        assertThatThrownBy(() -> new KMeans.Params(3, CentreInit.RANDOM, 1, 10, Double.NaN, KMeansAlgorithm.LLOYD, 0))
                .hasMessage("tol must be a finite number >= 0, got NaN");
        assertThatThrownBy(() -> new KMeans.Params(3, null, 1, 10, 0, KMeansAlgorithm.LLOYD, 0))
                .hasMessage("init must be K_MEANS_PLUS_PLUS or RANDOM, got null");
        assertThatThrownBy(() -> new KMeans(KMeans.Params.defaults()).fit(LINE))
                .hasMessage("kmeans: nClusters = 8 exceeds the 4 rows; use at most 4");
        Frame mixed = Frame.of(DoubleColumn.of("x", 0, 1, 2), TextColumn.of("colour", "red", "blue", "red"));
        assertThatThrownBy(() -> new KMeans(KMeans.Params.defaults().withClusters(2)).fit(mixed))
                .hasMessageContaining("column 'colour' is text");
        Frame gaps = Frame.of(DoubleColumn.of("x", 0, Double.NaN, 2));
        assertThatThrownBy(() -> new KMeans(KMeans.Params.defaults().withClusters(2)).fit(gaps))
                .hasMessageContaining("column 'x' has 1 missing value");
    }
}
