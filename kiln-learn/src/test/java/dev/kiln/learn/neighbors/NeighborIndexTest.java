package dev.kiln.learn.neighbors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kiln.core.random.Rng;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.DoubleSupplier;
import org.junit.jupiter.api.Test;

/**
 * Radius queries of both algorithms against a reference written out here: every point whose
 * reduced distance (summed in the documented order) is at most the reduced radius. Integer grids
 * put many points exactly on the radius; large offsets spoil the GEMM distance expansion.
 */
class NeighborIndexTest {

    @Test
    void gaussianDataInLowAndHighDimensions() {
        Rng rng = Rng.seeded(21);
        for (int dims : new int[] {1, 2, 5, 20}) {
            double[] x = values(rng, 250 * dims, rng::nextGaussian);
            double[] q = values(rng, 60 * dims, rng::nextGaussian);
            for (double radius : new double[] {0.0, 0.4, Math.sqrt(dims) * 1.5, 100}) {
                checkBoth(x, q, dims, radius);
            }
        }
    }

    @Test
    void integerGridsPutPointsExactlyOnTheRadius() {
        Rng rng = Rng.seeded(22);
        for (int dims : new int[] {2, 3, 17}) {
            double[] x = values(rng, 200 * dims, () -> rng.nextInt(4));
            double[] q = values(rng, 40 * dims, () -> rng.nextInt(4));
            for (double radius : new double[] {0, 1, Math.sqrt(2), 2, 3}) {
                checkBoth(x, q, dims, radius);
            }
        }
    }

    @Test
    void largeOffsetsDoNotFoolTheGemmFilter() {
        Rng rng = Rng.seeded(23);
        double[] x = values(rng, 500 * 3, () -> 1e7 + rng.nextGaussian() * 1e-3);
        double[] q = values(rng, 50 * 3, () -> 1e7 + rng.nextGaussian() * 1e-3);
        checkBoth(x, q, 3, 1.5e-3);
        double[] y = values(rng, 500 * 24, () -> -1234.5 + rng.nextGaussian() * 1e-2);
        double[] r = values(rng, 50 * 24, () -> -1234.5 + rng.nextGaussian() * 1e-2);
        checkBoth(y, r, 24, 0.07);
    }

    @Test
    void theTrainingPointsAsQueriesFindThemselvesAndTheirDuplicates() {
        Rng rng = Rng.seeded(24);
        double[] base = values(rng, 50 * 4, rng::nextGaussian);
        double[] x = new double[200 * 4];
        for (int i = 0; i < 200; i++) {
            System.arraycopy(base, rng.nextInt(50) * 4, x, i * 4, 4);
        }
        for (Algorithm a : new Algorithm[] {Algorithm.KD_TREE, Algorithm.BRUTE}) {
            RadiusNeighbors found = NeighborIndex.of(x, 200, 4, a, 3, 2).withinRadius(x, 0);
            for (int i = 0; i < 200; i++) {
                assertThat(found.indices(i)).contains(i);
                for (int j : found.indices(i)) {
                    assertThat(Arrays.copyOfRange(x, j * 4, j * 4 + 4))
                            .containsExactly(Arrays.copyOfRange(x, i * 4, i * 4 + 4));
                }
            }
        }
    }

    @Test
    void nearestAgreesWithTheRadiusItImplies() {
        Rng rng = Rng.seeded(25);
        double[] x = values(rng, 300 * 3, rng::nextGaussian);
        NeighborIndex index = NeighborIndex.of(x, 300, 3, Algorithm.KD_TREE, 10, 2);
        Neighbors nearest = index.nearest(x, 7);
        RadiusNeighbors within = index.withinRadius(x, 0.4);
        for (int i = 0; i < 300; i++) {
            assertThat(nearest.index(i, 0)).isEqualTo(i);
            int inside = 0;
            for (int j = 0; j < 7; j++) {
                inside += nearest.distance(i, j) <= 0.4 ? 1 : 0;
            }
            assertThat(within.count(i) >= 7 ? 7 : within.count(i)).isEqualTo(inside);
        }
    }

    @Test
    void cappedCountsComponentsAndLowestLabelsAgreeWithTheListedNeighbourhoods() {
        Rng rng = Rng.seeded(26);
        for (int trial = 0; trial < 8; trial++) {
            int dims = 1 + rng.nextInt(3);
            int n = 300 + rng.nextInt(300);
            double[] x = values(rng, n * dims, trial % 2 == 0 ? rng::nextGaussian : () -> rng.nextInt(6) * 0.25);
            double radius = 0.1 + 0.4 * rng.nextDouble();
            double p = new double[] {1, 2, 3.5}[rng.nextInt(3)];
            boolean[] members = new boolean[n];
            int[] labels = new int[n];
            for (int i = 0; i < n; i++) {
                members[i] = rng.nextInt(3) > 0;
                labels[i] = rng.nextInt(4) == 0 ? -1 : rng.nextInt(50);
            }
            double[] q = values(rng, 100 * dims, rng::nextGaussian);
            RadiusNeighbors lists = NeighborIndex.of(x, n, dims, Algorithm.BRUTE, 30, p).withinRadius(x, radius);
            RadiusNeighbors queryLists = NeighborIndex.of(x, n, dims, Algorithm.BRUTE, 30, p).withinRadius(q, radius);
            int[] components = components(lists, members);
            for (Algorithm a : new Algorithm[] {Algorithm.KD_TREE, Algorithm.BRUTE}) {
                NeighborIndex index = NeighborIndex.of(x, n, dims, a, 1 + rng.nextInt(30), p);
                String what = "trial " + trial + ", " + a;
                int cap = 1 + rng.nextInt(12);
                int[] counts = index.countWithinRadius(x, radius, cap);
                for (int i = 0; i < n; i++) {
                    assertThat(counts[i]).as(what).isEqualTo(Math.min(cap, lists.count(i)));
                }
                assertThat(index.componentsWithinRadius(radius, members)).as(what).containsExactly(components);
                int[] lowest = index.lowestLabelWithinRadius(q, radius, labels);
                for (int i = 0; i < 100; i++) {
                    int best = -1;
                    for (int j : queryLists.indices(i)) {
                        best = labels[j] >= 0 && (best < 0 || labels[j] < best) ? labels[j] : best;
                    }
                    assertThat(lowest[i]).as(what).isEqualTo(best);
                }
            }
        }
    }

    /** For each member, the smallest member reachable through members within the radius (breadth first). */
    private static int[] components(RadiusNeighbors lists, boolean[] members) {
        int n = members.length;
        int[] out = new int[n];
        Arrays.fill(out, -1);
        for (int s = 0; s < n; s++) {
            if (!members[s] || out[s] >= 0) {
                continue;
            }
            ArrayDeque<Integer> queue = new ArrayDeque<>(List.of(s));
            out[s] = s;
            while (!queue.isEmpty()) {
                int i = queue.poll();
                for (int j : lists.indices(i)) {
                    if (members[j] && out[j] < 0) {
                        out[j] = s;
                        queue.add(j);
                    }
                }
            }
        }
        return out;
    }

    @Test
    void refusesWhatItCannotAnswer() {
        double[] x = {0, 0, 1, 1};
        assertThatThrownBy(() -> NeighborIndex.of(x, 2, 2, Algorithm.AUTO, 30, 2))
                .hasMessageContaining("resolve AUTO");
        assertThatThrownBy(() -> NeighborIndex.of(x, 3, 2, Algorithm.BRUTE, 30, 2))
                .hasMessageContaining("4 values do not make 3 rows of 2 features");
        NeighborIndex index = NeighborIndex.of(x, 2, 2, Algorithm.BRUTE, 30, 2);
        assertThatThrownBy(() -> index.withinRadius(x, -1)).hasMessageContaining("radius must be a finite number >= 0, got -1");
        assertThatThrownBy(() -> index.nearest(x, 3)).hasMessageContaining("k must be in [1, 2]");
        assertThatThrownBy(() -> index.countWithinRadius(x, 1, 0)).hasMessageContaining("cap must be >= 1, got 0");
        assertThatThrownBy(() -> index.componentsWithinRadius(1, new boolean[3])).hasMessageContaining("3 member flags for 2");
        assertThatThrownBy(() -> index.lowestLabelWithinRadius(x, 1, new int[1])).hasMessageContaining("1 labels for 2");
        assertThatThrownBy(() -> index.nearest(new double[] {1, 2, 3}, 1)).hasMessageContaining("3 query values");
    }

    private static void checkBoth(double[] x, double[] q, int dims, double radius) {
        for (double p : new double[] {2, 1, 3.5}) {
            List<List<Integer>> expected = reference(x, q, dims, radius, p);
            for (Algorithm a : new Algorithm[] {Algorithm.KD_TREE, Algorithm.BRUTE}) {
                for (int leaf : new int[] {1, 30}) {
                    RadiusNeighbors found = NeighborIndex.of(x, x.length / dims, dims, a, leaf, p).withinRadius(q, radius);
                    assertThat(found.rows()).isEqualTo(q.length / dims);
                    for (int i = 0; i < found.rows(); i++) {
                        assertThat(found.indices(i)).as("%s, p = %s, radius %s, query %d", a, p, radius, i)
                                .containsExactly(expected.get(i).stream().mapToInt(Integer::intValue).toArray());
                    }
                }
            }
        }
    }

    private static List<List<Integer>> reference(double[] x, double[] q, int dims, double radius, double p) {
        double reducedRadius = MinkowskiReference.reduce(radius, p);
        List<List<Integer>> out = new ArrayList<>();
        for (int i = 0; i < q.length / dims; i++) {
            List<Integer> within = new ArrayList<>();
            for (int j = 0; j < x.length / dims; j++) {
                if (MinkowskiReference.reduced(q, i * dims, x, j * dims, dims, p) <= reducedRadius) {
                    within.add(j);
                }
            }
            out.add(within);
        }
        return out;
    }

    private static double[] values(Rng rng, int count, DoubleSupplier value) {
        double[] out = new double[count];
        for (int i = 0; i < count; i++) {
            out[i] = value.getAsDouble();
        }
        return out;
    }
}
