package dev.kiln.learn.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kiln.core.frame.DoubleColumn;
import dev.kiln.core.frame.Frame;
import dev.kiln.core.frame.TextColumn;
import dev.kiln.core.random.Rng;
import dev.kiln.learn.TestFrames;
import dev.kiln.learn.neighbors.Algorithm;
import dev.kiln.learn.neighbors.MinkowskiReference;
import dev.kiln.learn.quality.ClusterMetrics;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * DBSCAN against its definitions checked by brute force, scikit-learn's expansion written out
 * here as a reference, and scikit-learn 1.2.1's labels on a small set.
 */
class DbscanTest {

    @Test
    void defaultsAreScikitLearns() {
        assertThat(Dbscan.Params.defaults()).isEqualTo(new Dbscan.Params(0.5, 5, Algorithm.AUTO, 30, 2));
    }

    @Test
    void aBorderRowBetweenTwoClustersJoinsTheFirstDiscovered() {
        // X = np.array([[0,0],[0,0.4],[5,5],[2.4,0],[2.4,0.4],[1.2,0.2],[2,0],[2,0.4],[0.4,0],[0.4,0.4],
        //               [0.2,0.2],[5,5.5],[2.2,0.2]])
        // m = DBSCAN(eps=0.85, min_samples=6).fit(X); m.labels_, m.core_sample_indices_
        double[][] x = {{0, 0}, {0, 0.4}, {5, 5}, {2.4, 0}, {2.4, 0.4}, {1.2, 0.2}, {2, 0}, {2, 0.4}, {0.4, 0},
            {0.4, 0.4}, {0.2, 0.2}, {5, 5.5}, {2.2, 0.2}};
        for (Algorithm a : new Algorithm[] {Algorithm.KD_TREE, Algorithm.BRUTE}) {
            DbscanModel m = new Dbscan(new Dbscan.Params(0.85, 6, a, 2, 2)).fit(TestFrames.ofRows(x));
            assertThat(m.labels()).containsExactly(1, 1, -1, 0, 0, 0, 0, 0, 1, 1, 1, -1, 0);
            assertThat(m.coreSampleIndices()).containsExactly(6, 7, 8, 9);
            assertThat(m.nClusters()).isEqualTo(2);
            assertThat(m.components().toArray()).isDeepEqualTo(new double[][] {{2, 0}, {2, 0.4}, {0.4, 0}, {0.4, 0.4}});
        }
    }

    @Test
    void labelsAreScikitLearnsExpansionOnRandomData() {
        Rng rng = Rng.seeded(31);
        for (int trial = 0; trial < 12; trial++) {
            int dims = 1 + rng.nextInt(3);
            double[][] x = randomRows(rng, 150 + rng.nextInt(250), dims);
            double eps = 0.15 + 0.5 * rng.nextDouble();
            int minSamples = 1 + rng.nextInt(8);
            double p = new double[] {1, 2, 3}[rng.nextInt(3)];
            Reference ref = new Reference(x, eps, minSamples, p);
            for (Algorithm a : new Algorithm[] {Algorithm.KD_TREE, Algorithm.BRUTE}) {
                DbscanModel m = new Dbscan(new Dbscan.Params(eps, minSamples, a, 1 + rng.nextInt(20), p))
                        .fit(TestFrames.ofRows(x));
                String what = "trial " + trial + ", " + a;
                assertThat(m.coreSampleIndices()).as(what).containsExactly(ref.coreRows());
                assertThat(m.labels()).as(what).containsExactly(ref.labels);
            }
        }
    }

    @Test
    void coreBorderAndNoiseMeetTheirDefinitions() {
        double[][] x = randomRows(Rng.seeded(32), 400, 2);
        double eps = 0.3;
        int minSamples = 6;
        DbscanModel m = new Dbscan(new Dbscan.Params(eps, minSamples, Algorithm.KD_TREE, 30, 2)).fit(TestFrames.ofRows(x));
        Reference ref = new Reference(x, eps, minSamples, 2);
        int[] labels = m.labels();
        boolean[] core = new boolean[x.length];
        for (int c : m.coreSampleIndices()) {
            core[c] = true;
        }
        int borders = 0;
        for (int i = 0; i < x.length; i++) {
            assertThat(core[i]).isEqualTo(ref.neighbours.get(i).size() >= minSamples);
            List<Integer> coreNear = ref.neighbours.get(i).stream().filter(j -> core[j]).toList();
            if (core[i]) {
                for (int j : coreNear) {
                    assertThat(labels[j]).as("core rows %d and %d are within eps", i, j).isEqualTo(labels[i]);
                }
            } else if (coreNear.isEmpty()) {
                assertThat(labels[i]).as("row %d has no core sample within eps", i).isEqualTo(-1);
            } else {
                borders++;
                assertThat(labels[i]).isEqualTo(coreNear.stream().mapToInt(j -> labels[j]).min().orElseThrow());
            }
        }
        assertThat(borders).as("the data must have border rows").isGreaterThan(5);
        assertThat(IntStream.of(labels).filter(l -> l == -1).count()).as("and noise").isGreaterThan(5);
    }

    @Test
    void recoversGaussianBlobsInUniformNoise() {
        Rng rng = Rng.seeded(33);
        double[][] centres = {{0, 0}, {6, 6}, {-6, 5}};
        double[][] blobs = ClusterData.blobs(rng, centres, 300, 0.4);
        double[][] noise = new double[150][];
        for (int i = 0; i < noise.length; i++) {
            noise[i] = new double[] {-12 + 24 * rng.nextDouble(), -12 + 24 * rng.nextDouble()};
        }
        double[][] x = new double[blobs.length + noise.length][];
        System.arraycopy(blobs, 0, x, 0, blobs.length);
        System.arraycopy(noise, 0, x, blobs.length, noise.length);
        DbscanModel m = new Dbscan(Dbscan.Params.defaults()).fit(TestFrames.ofRows(x));
        int[] labels = m.labels();
        int[] truth = IntStream.range(0, blobs.length).map(i -> i / 300).toArray();
        assertThat(ClusterMetrics.adjustedRand(truth, Arrays.copyOf(labels, blobs.length))).isGreaterThan(0.99);
        int farNoise = 0;
        for (int i = 0; i < noise.length; i++) {
            double nearest = Double.POSITIVE_INFINITY;
            for (double[] c : centres) {
                nearest = Math.min(nearest, Math.sqrt(ClusterData.squared(noise[i], c)));
            }
            if (nearest > 3) {
                farNoise++;
                assertThat(labels[blobs.length + i]).as("noise row %d", i).isEqualTo(-1);
            }
        }
        assertThat(farNoise).isGreaterThan(100);
        assertThat(m.nClusters()).isEqualTo(3);
    }

    @Test
    void allNoiseOneClusterAndDuplicates() {
        double[][] x = randomRows(Rng.seeded(34), 60, 2);
        DbscanModel none = new Dbscan(Dbscan.Params.defaults().withEps(1e-6)).fit(TestFrames.ofRows(x));
        assertThat(none.labels()).containsOnly(-1);
        assertThat(none.coreSampleIndices()).isEmpty();
        assertThat(none.nClusters()).isZero();
        assertThat(none.predict(TestFrames.ofRows(x)).clusters()).containsOnly(-1);
        DbscanModel one = new Dbscan(Dbscan.Params.defaults().withEps(100)).fit(TestFrames.ofRows(x));
        assertThat(one.labels()).containsOnly(0);
        double[][] same = new double[10][];
        Arrays.setAll(same, i -> new double[] {1.5, -2});
        assertThat(new Dbscan(Dbscan.Params.defaults().withMinSamples(10)).fit(TestFrames.ofRows(same)).labels()).containsOnly(0);
        assertThat(new Dbscan(Dbscan.Params.defaults().withMinSamples(11)).fit(TestFrames.ofRows(same)).labels()).containsOnly(-1);
    }

    @Test
    void kDistancesAreDistancesToTheKthNearestRowItselfIncluded() {
        Frame line = Frame.of(DoubleColumn.of("x", 0, 1, 3, 7));
        assertThat(new Dbscan().kDistances(line, 2)).containsExactly(4, 2, 1, 1);
        assertThat(new Dbscan().kDistances(line, 1)).containsExactly(0, 0, 0, 0);
        double[][] x = randomRows(Rng.seeded(35), 300, 2);
        int k = 7;
        double[] kd = new Dbscan().kDistances(TestFrames.ofRows(x), k);
        double eps = kd[100];
        DbscanModel m = new Dbscan(Dbscan.Params.defaults().withEps(eps).withMinSamples(k)).fit(TestFrames.ofRows(x));
        assertThat(m.coreSampleIndices().length).as("rows whose k-distance is at most eps").isEqualTo(
                (int) Arrays.stream(kd).filter(v -> v <= eps).count());
    }

    @Test
    void predictsTheClusterOfTheNearestCoreSampleWithinEps() {
        double[][] x = {{0, 0}, {0, 0.3}, {0.3, 0}, {0.3, 0.3}, {0.7, 0.3}, {10, 10}};
        DbscanModel m = new Dbscan(new Dbscan.Params(0.45, 3, Algorithm.AUTO, 30, 2)).fit(TestFrames.ofRows(x));
        assertThat(m.labels()).containsExactly(0, 0, 0, 0, 0, -1);
        assertThat(m.coreSampleIndices()).containsExactly(0, 1, 2, 3);
        Frame q = TestFrames.ofRows(new double[][] {{0.1, 0.1}, {1.0, 0.3}, {0.7, 0.45}, {10, 10}});
        assertThat(m.predict(q).clusters()).containsExactly(0, -1, 0, -1);
    }

    @Test
    void refusesBadSettingsAndData() {
        assertThatThrownBy(() -> Dbscan.Params.defaults().withEps(0)).hasMessage("eps must be a finite number > 0, got 0.0");
        assertThatThrownBy(() -> Dbscan.Params.defaults().withEps(-1)).hasMessage("eps must be a finite number > 0, got -1.0");
        assertThatThrownBy(() -> Dbscan.Params.defaults().withMinSamples(0)).hasMessage("minSamples must be >= 1, got 0");
        assertThatThrownBy(() -> new Dbscan.Params(0.5, 5, Algorithm.AUTO, 30, 0.5))
                .hasMessage("p (the Minkowski order) must be a finite number >= 1, got 0.5");
        Frame mixed = Frame.of(DoubleColumn.of("x", 0, 1, 2), TextColumn.of("city", "Oslo", "Rome", "Oslo"));
        assertThatThrownBy(() -> new Dbscan().fit(mixed)).hasMessageContaining("column 'city' is text");
        assertThatThrownBy(() -> new Dbscan().fit(Frame.of(DoubleColumn.of("x", 0, Double.NaN))))
                .hasMessageContaining("column 'x' has 1 missing value");
        assertThatThrownBy(() -> new Dbscan().kDistances(Frame.of(DoubleColumn.of("x", 0, 1)), 3))
                .hasMessage("dbscan: k must be in [1, 2] (the rows), got 3");
    }

    private static double[][] randomRows(Rng rng, int n, int dims) {
        double[][] centres = new double[4][dims];
        for (double[] c : centres) {
            for (int j = 0; j < dims; j++) {
                c[j] = 3 * rng.nextDouble();
            }
        }
        double[][] x = ClusterData.blobs(rng, centres, n / 4, 0.35);
        for (int i = 0; i < x.length; i += 7) {
            x[i] = x[rng.nextInt(x.length)].clone();
        }
        return x;
    }

    /** Neighbourhoods by brute force and scikit-learn's dbscan_inner, written out plainly. */
    private static final class Reference {
        final List<List<Integer>> neighbours = new ArrayList<>();
        final boolean[] core;
        final int[] labels;

        Reference(double[][] x, double eps, int minSamples, double p) {
            int n = x.length;
            core = new boolean[n];
            for (int i = 0; i < n; i++) {
                List<Integer> near = new ArrayList<>();
                for (int j = 0; j < n; j++) {
                    if (MinkowskiReference.reduced(x[i], x[j], p) <= MinkowskiReference.reduce(eps, p)) {
                        near.add(j);
                    }
                }
                neighbours.add(near);
                core[i] = near.size() >= minSamples;
            }
            labels = new int[n];
            Arrays.fill(labels, -1);
            int cluster = 0;
            for (int i = 0; i < n; i++) {
                if (labels[i] != -1 || !core[i]) {
                    continue;
                }
                Deque<Integer> stack = new ArrayDeque<>();
                int row = i;
                while (true) {
                    if (labels[row] == -1) {
                        labels[row] = cluster;
                        if (core[row]) {
                            for (int j : neighbours.get(row)) {
                                if (labels[j] == -1) {
                                    stack.push(j);
                                }
                            }
                        }
                    }
                    if (stack.isEmpty()) {
                        break;
                    }
                    row = stack.pop();
                }
                cluster++;
            }
        }

        int[] coreRows() {
            return IntStream.range(0, core.length).filter(i -> core[i]).toArray();
        }
    }
}
