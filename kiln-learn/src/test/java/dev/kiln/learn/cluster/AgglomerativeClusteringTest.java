package dev.kiln.learn.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.kiln.core.frame.Frame;
import dev.kiln.core.linalg.Matrix;
import dev.kiln.core.random.Rng;
import dev.kiln.learn.TestFrames;
import dev.kiln.learn.quality.ClusterMetrics;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Hierarchical clustering against scipy's linkage matrices and scikit-learn's labels. The file
 * {@code cluster/hierarchical-40.txt} holds, for the 40 tie-free rows built by formula below, what
 * this script printed (scipy 1.10.1, scikit-learn 1.2.1):
 * <pre>
 * n, d = 40, 3
 * Z = np.array([[np.sin(0.71*i*(j+1) + 0.3*j) + 0.05*i*(j == 0) for j in range(d)] for i in range(n)])
 * for m in ('ward', 'complete', 'average', 'single'):
 *     for a, b, h, s in linkage(Z, m):
 *         print('linkage', m, int(a), int(b), repr(h), int(s))
 *     for k in (1, 2, 3, 5, 8, 40):
 *         print('cut', m, k, *AgglomerativeClustering(n_clusters=k, linkage=m).fit(Z).labels_)
 *     for t in (0.5, 1.0):
 *         a = AgglomerativeClustering(n_clusters=None, distance_threshold=t, linkage=m).fit(Z)
 *         print('threshold', m, t, a.n_clusters_, *a.labels_)
 * </pre>
 */
class AgglomerativeClusteringTest {
    private static final double[][] Z = new double[40][3];

    static {
        for (int i = 0; i < 40; i++) {
            for (int j = 0; j < 3; j++) {
                Z[i][j] = Math.sin(0.71 * i * (j + 1) + 0.3 * j) + 0.05 * i * (j == 0 ? 1 : 0);
            }
        }
    }

    private static HierarchicalModel fit(double[][] x, AgglomerativeClustering.Params params) {
        return new AgglomerativeClustering(params).fit(TestFrames.ofRows(x));
    }

    @Test
    void defaultsAreScikitLearns() {
        assertThat(AgglomerativeClustering.Params.defaults()).isEqualTo(new AgglomerativeClustering.Params(2, Linkage.WARD, null));
    }

    @Test
    void sixPointsMatchScipy() {
        // X = np.array([[0.,0],[0,1],[5,5],[6,5],[0,3],[10,0]]); linkage(X, m) for each method
        double[][] x = {{0, 0}, {0, 1}, {5, 5}, {6, 5}, {0, 3}, {10, 0}};
        double[][] ward = {{0, 1, 1, 2}, {2, 3, 1, 2}, {4, 6, 2.8867513459481287, 3}, {5, 7, 7.767453465154029, 3},
            {8, 9, 12.609520212918493, 6}};
        double[][] complete = {{0, 1, 1, 2}, {2, 3, 1, 2}, {4, 6, 3, 3}, {5, 7, 7.0710678118654755, 3},
            {8, 9, 10.44030650891055, 6}};
        double[][] average = {{0, 1, 1, 2}, {2, 3, 1, 2}, {4, 6, 2.5, 3}, {7, 8, 6.700877400600703, 5},
            {5, 9, 8.792874835865954, 6}};
        double[][] single = {{0, 1, 1, 2}, {2, 3, 1, 2}, {4, 6, 2, 3}, {7, 8, 5.385164807134504, 5},
            {5, 9, 6.4031242374328485, 6}};
        double[][][] expected = {ward, complete, average, single};
        Linkage[] linkages = {Linkage.WARD, Linkage.COMPLETE, Linkage.AVERAGE, Linkage.SINGLE};
        for (int l = 0; l < 4; l++) {
            Matrix found = fit(x, AgglomerativeClustering.Params.defaults().withLinkage(linkages[l])).dendrogram().linkage();
            for (int k = 0; k < 5; k++) {
                assertThat(found.row(k).toArray()).as("%s row %d", linkages[l], k).containsExactly(expected[l][k], within(1e-12));
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Linkage.class)
    void fortyRowsMatchScipysLinkageAndScikitLearnsLabels(Linkage linkage) throws IOException {
        String method = linkage.name().toLowerCase();
        List<String[]> lines = reference().stream().map(s -> s.split(" ")).filter(f -> f[1].equals(method)).toList();
        Matrix tree = fit(Z, AgglomerativeClustering.Params.defaults().withLinkage(linkage)).dendrogram().linkage();
        int row = 0;
        for (String[] f : lines) {
            switch (f[0]) {
                case "linkage" -> {
                    assertThat(tree.get(row, 0)).isEqualTo(Double.parseDouble(f[2]));
                    assertThat(tree.get(row, 1)).isEqualTo(Double.parseDouble(f[3]));
                    assertThat(tree.get(row, 2)).isCloseTo(Double.parseDouble(f[4]), within(1e-12));
                    assertThat(tree.get(row, 3)).isEqualTo(Double.parseDouble(f[5]));
                    row++;
                }
                case "cut" -> {
                    int k = Integer.parseInt(f[2]);
                    int[] labels = fit(Z, AgglomerativeClustering.Params.defaults().withLinkage(linkage).withClusters(k)).labels();
                    assertLabels(linkage, labels, ints(f, 3));
                }
                case "threshold" -> {
                    HierarchicalModel m = fit(Z, AgglomerativeClustering.Params.defaults().withLinkage(linkage)
                            .withThreshold(Double.parseDouble(f[2])));
                    assertThat(m.nClusters()).isEqualTo(Integer.parseInt(f[3]));
                    assertLabels(linkage, m.labels(), ints(f, 4));
                    assertThat(m.dendrogram().cutAt(Double.parseDouble(f[2]))).containsExactly(m.labels());
                }
                default -> throw new IllegalStateException(f[0]);
            }
        }
        assertThat(row).isEqualTo(39);
    }

    /** Ward, complete and average give scikit-learn's very labels; single linkage the same partition. */
    private static void assertLabels(Linkage linkage, int[] found, int[] expected) {
        if (linkage == Linkage.SINGLE) {
            assertThat(ClusterMetrics.adjustedRand(expected, found)).isEqualTo(1.0);
        } else {
            assertThat(found).containsExactly(expected);
        }
    }

    @ParameterizedTest
    @EnumSource(Linkage.class)
    void heightsNeverDecreaseAndEveryCutHasItsClusters(Linkage linkage) {
        Rng rng = Rng.seeded(41);
        double[][] x = ClusterData.blobs(rng, new double[][] {{0, 0, 0}, {3, 1, 0}, {1, 4, 2}}, 30, 1.0);
        for (int i = 0; i < x.length; i += 9) {
            x[i] = x[rng.nextInt(x.length)].clone();
        }
        HierarchicalModel m = fit(x, AgglomerativeClustering.Params.defaults().withLinkage(linkage));
        double[] heights = m.dendrogram().heights();
        for (int k = 1; k < heights.length; k++) {
            assertThat(heights[k]).isGreaterThanOrEqualTo(heights[k - 1]);
        }
        for (int k = 1; k <= x.length; k++) {
            int[] labels = m.dendrogram().cut(k);
            assertThat(Arrays.stream(labels).distinct().count()).as("cut at %d", k).isEqualTo(k);
            assertThat(Arrays.stream(labels).max().orElseThrow()).isEqualTo(k - 1);
        }
        Matrix z = m.dendrogram().linkage();
        assertThat(z.get(x.length - 2, 3)).isEqualTo(x.length);
    }

    @Test
    void duplicatesMergeAtHeightZeroAndOneRowIsATree() {
        double[][] x = new double[12][];
        for (int i = 0; i < 12; i++) {
            x[i] = new double[] {i % 3, 0};
        }
        for (Linkage linkage : Linkage.values()) {
            HierarchicalModel m = fit(x, AgglomerativeClustering.Params.defaults().withLinkage(linkage).withClusters(3));
            assertThat(Arrays.copyOf(m.dendrogram().heights(), 9)).containsOnly(0.0);
            int[] labels = m.labels();
            for (int i = 0; i < 12; i++) {
                assertThat(labels[i]).isEqualTo(labels[i % 3]);
            }
            assertThat(fit(x, AgglomerativeClustering.Params.defaults().withLinkage(linkage).withClusters(12)).labels())
                    .doesNotHaveDuplicates();
        }
        HierarchicalModel one = fit(new double[][] {{4, 2}}, AgglomerativeClustering.Params.defaults().withClusters(1));
        assertThat(one.labels()).containsExactly(0);
        assertThat(one.dendrogram().linkage().rows()).isZero();
    }

    @Test
    void predictsTheClusterOfTheNearestTrainingRow() {
        double[][] x = {{0, 0}, {0, 1}, {10, 10}, {10, 11}};
        HierarchicalModel m = fit(x, AgglomerativeClustering.Params.defaults());
        assertThat(m.predict(TestFrames.ofRows(x)).clusters()).containsExactly(m.labels());
        Frame q = TestFrames.ofRows(new double[][] {{1, 1}, {8, 9}, {4, 4}});
        int[] labels = m.labels();
        assertThat(m.predict(q).clusters()).containsExactly(labels[0], labels[2], labels[0]);
    }

    @Test
    void linkageMatricesReloadOnlyWhenConsistent() {
        Matrix z = fit(Z, AgglomerativeClustering.Params.defaults()).dendrogram().linkage();
        double[] rows = z.toRowMajorArray();
        assertThat(Dendrogram.fromLinkage(40, rows).linkage().toRowMajorArray()).containsExactly(rows);
        double[] reused = rows.clone();
        reused[4] = reused[0];
        assertThatThrownBy(() -> Dendrogram.fromLinkage(40, reused)).hasMessageContaining("not yet merged");
        double[] unsorted = rows.clone();
        unsorted[2] = 100;
        assertThatThrownBy(() -> Dendrogram.fromLinkage(40, unsorted)).hasMessageContaining("not a sorted scipy linkage row");
    }

    @Test
    void refusesBadSettingsAndData() {
        assertThatThrownBy(() -> new AgglomerativeClustering.Params(null, Linkage.WARD, null))
                .hasMessage("exactly one of nClusters and distanceThreshold must be given, got nClusters = null and distanceThreshold = null");
        assertThatThrownBy(() -> new AgglomerativeClustering.Params(3, Linkage.WARD, 1.0))
                .hasMessageContaining("exactly one of nClusters and distanceThreshold");
        assertThatThrownBy(() -> AgglomerativeClustering.Params.defaults().withClusters(0)).hasMessage("nClusters must be >= 1, got 0");
        assertThatThrownBy(() -> AgglomerativeClustering.Params.defaults().withThreshold(-1))
                .hasMessage("distanceThreshold must be a finite number >= 0, got -1.0");
        assertThatThrownBy(() -> new AgglomerativeClustering.Params(2, null, null))
                .hasMessage("linkage must be WARD, COMPLETE, AVERAGE or SINGLE, got null");
        assertThatThrownBy(() -> fit(new double[][] {{0}, {1}}, AgglomerativeClustering.Params.defaults().withClusters(3)))
                .hasMessage("hierarchical: nClusters = 3 exceeds the 2 rows; use at most 2");
    }

    private static List<String> reference() throws IOException {
        try (InputStream in = AgglomerativeClusteringTest.class.getResourceAsStream("/cluster/hierarchical-40.txt")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        }
    }

    private static int[] ints(String[] fields, int from) {
        return Arrays.stream(fields, from, fields.length).mapToInt(Integer::parseInt).toArray();
    }
}
