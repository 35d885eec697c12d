package dev.kiln.learn.tree;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.kiln.core.linalg.Matrix;
import dev.kiln.core.random.Rng;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Randomised checks of the CART grower against a brute-force split search and the invariants
 * every CART tree satisfies, on data with ties, duplicate rows, zero and repeated weights.
 */
class CartGrowerTest {

    /** A random problem: features, classes (3) and numeric targets, and bootstrap-like weights. */
    private record Problem(Matrix x, int[] codes, double[] y, double[] weights) {
        static Problem random(Rng rng, int n, int p, boolean ties) {
            Matrix x = Matrix.from(n, p, (i, j) -> ties ? rng.nextInt(4) : rng.nextGaussian());
            int[] codes = new int[n];
            double[] y = new double[n];
            double[] w = new double[n];
            for (int i = 0; i < n; i++) {
                codes[i] = i < 3 ? i : rng.nextInt(3);
                y[i] = ties ? rng.nextInt(5) : rng.nextGaussian() + x.get(i, 0);
                w[i] = i < 3 ? 1 : rng.nextInt(3);
            }
            return new Problem(x, codes, y, w);
        }

        CartGrower grower(String criterion, GrowthLimits limits, int maxFeatures) {
            return switch (criterion) {
                case "gini" -> CartGrower.classification(CartData.classification(x, codes, 3),
                        ClassificationCriterion.GINI, limits, maxFeatures);
                case "entropy" -> CartGrower.classification(CartData.classification(x, codes, 3),
                        ClassificationCriterion.ENTROPY, limits, maxFeatures);
                case "squared" -> CartGrower.regression(CartData.regression(x, y), RegressionCriterion.SQUARED_ERROR,
                        limits, maxFeatures);
                default -> CartGrower.regression(CartData.regression(x, y), RegressionCriterion.ABSOLUTE_ERROR, limits,
                        maxFeatures);
            };
        }

        /** The impurity of rows {@code rows} (weights w) under the criterion, computed from its definition. */
        double impurity(String criterion, List<Integer> rows) {
            double total = rows.stream().mapToDouble(r -> weights[r]).sum();
            switch (criterion) {
                case "gini", "entropy" -> {
                    double[] c = new double[3];
                    rows.forEach(r -> c[codes[r]] += weights[r]);
                    double out = criterion.equals("gini") ? 1 : 0;
                    for (double ck : c) {
                        double pk = ck / total;
                        out += criterion.equals("gini") ? -pk * pk : pk > 0 ? -pk * Math.log(pk) / Math.log(2) : 0;
                    }
                    return out;
                }
                case "squared" -> {
                    double mean = rows.stream().mapToDouble(r -> weights[r] * y[r]).sum() / total;
                    return rows.stream().mapToDouble(r -> weights[r] * (y[r] - mean) * (y[r] - mean)).sum() / total;
                }
                default -> {
                    double best = Double.POSITIVE_INFINITY;
                    for (int m : rows) {
                        best = Math.min(best, rows.stream().mapToDouble(r -> weights[r] * Math.abs(y[r] - y[m])).sum());
                    }
                    return best / total;
                }
            }
        }

        /** The least weighted child impurity {@code w_l·i_l + w_r·i_r} over all allowed splits of all rows. */
        double bruteForceBest(String criterion, int minLeaf) {
            List<Integer> in = new ArrayList<>();
            for (int i = 0; i < weights.length; i++) {
                if (weights[i] > 0) {
                    in.add(i);
                }
            }
            double best = Double.POSITIVE_INFINITY;
            for (int f = 0; f < x.cols(); f++) {
                int col = f;
                double[] distinct = in.stream().mapToDouble(r -> x.get(r, col)).distinct().sorted().toArray();
                for (int k = 0; k + 1 < distinct.length; k++) {
                    double t = (distinct[k] + distinct[k + 1]) / 2;
                    List<Integer> l = in.stream().filter(r -> x.get(r, col) <= t).toList();
                    List<Integer> r = in.stream().filter(row -> x.get(row, col) > t).toList();
                    if (l.size() < minLeaf || r.size() < minLeaf) {
                        continue;
                    }
                    best = Math.min(best, weight(l) * impurity(criterion, l) + weight(r) * impurity(criterion, r));
                }
            }
            return best;
        }

        double weight(List<Integer> rows) {
            return rows.stream().mapToDouble(r -> weights[r]).sum();
        }
    }

    private static final String[] CRITERIA = {"gini", "entropy", "squared", "absolute"};

    @Test
    void theRootSplitIsTheBestOfAnExhaustiveSearch() {
        Rng rng = Rng.seeded(21);
        for (int trial = 0; trial < 40; trial++) {
            Problem pr = Problem.random(rng, 12 + rng.nextInt(30), 1 + rng.nextInt(3), trial % 2 == 0);
            int minLeaf = 1 + rng.nextInt(3);
            GrowthLimits limits = new GrowthLimits(1, 2, minLeaf, 0.0, null);
            for (String c : CRITERIA) {
                Tree t = pr.grower(c, limits, pr.x().cols()).grow(pr.weights(), Rng.seeded(trial));
                double best = pr.bruteForceBest(c, minLeaf);
                if (t.isLeaf(0)) {
                    assertThat(best).as("trial %d %s: a split was possible", trial, c).isIn(Double.POSITIVE_INFINITY);
                    continue;
                }
                int l = t.left(0);
                int r = t.right(0);
                double got = t.weightedSamples(l) * t.impurity(l) + t.weightedSamples(r) * t.impurity(r);
                assertThat(got).as("trial %d %s", trial, c).isCloseTo(best, within(1e-9 * (1 + Math.abs(best))));
                assertThat(t.impurity(0)).as("trial %d %s root", trial, c)
                        .isCloseTo(pr.impurity(c, rowsOf(pr.weights())), within(1e-9 * (1 + t.impurity(0))));
            }
        }
    }

    @Test
    void sortingAndPresortedScansGrowTheSameTree() {
        Rng rng = Rng.seeded(22);
        for (int trial = 0; trial < 20; trial++) {
            Problem pr = Problem.random(rng, 60 + rng.nextInt(100), 2 + rng.nextInt(5), trial % 2 == 0);
            int maxFeatures = 1 + rng.nextInt(pr.x().cols());
            GrowthLimits limits = new GrowthLimits(null, 2 + rng.nextInt(3), 1 + rng.nextInt(2), 0.0,
                    trial % 3 == 0 ? 7 : null);
            for (String c : CRITERIA) {
                CartGrower g = pr.grower(c, limits, maxFeatures);
                Tree sorting = g.withPresortFactor(0).grow(pr.weights(), Rng.seeded(trial));
                Tree presorted = g.withPresortFactor(Double.POSITIVE_INFINITY).grow(pr.weights(), Rng.seeded(trial));
                Tree mixed = g.grow(pr.weights(), Rng.seeded(trial));
                assertSameUpToRounding(sorting, presorted, "trial " + trial + " " + c);
                assertSameUpToRounding(mixed, presorted, "trial " + trial + " " + c);
            }
        }
    }

    @Test
    void everyTreeKeepsTheCartInvariants() {
        Rng rng = Rng.seeded(23);
        for (int trial = 0; trial < 20; trial++) {
            Problem pr = Problem.random(rng, 50 + rng.nextInt(150), 1 + rng.nextInt(4), trial % 2 == 0);
            for (String c : CRITERIA) {
                Tree t = pr.grower(c, GrowthLimits.defaults(), pr.x().cols()).grow(pr.weights(), Rng.seeded(trial));
                assertThat(t.nodeCount()).isEqualTo(2 * t.leafCount() - 1);
                assertThat(t.samples(0)).isEqualTo(rowsOf(pr.weights()).size());
                for (int node = 0; node < t.nodeCount(); node++) {
                    if (t.isLeaf(node)) {
                        continue;
                    }
                    int l = t.left(node);
                    int r = t.right(node);
                    assertThat(t.samples(l) + t.samples(r)).isEqualTo(t.samples(node));
                    assertThat(t.weightedSamples(l) + t.weightedSamples(r))
                            .isCloseTo(t.weightedSamples(node), within(1e-9));
                    double children = t.weightedSamples(l) * t.impurity(l) + t.weightedSamples(r) * t.impurity(r);
                    assertThat(children).as("trial %d %s node %d", trial, c, node)
                            .isLessThanOrEqualTo(t.weightedSamples(node) * t.impurity(node) + 1e-9);
                }
            }
        }
    }

    @Test
    void stoppingRulesHoldAndDepthLimitsGrowMonotonically() {
        Rng rng = Rng.seeded(24);
        Problem pr = Problem.random(rng, 300, 4, false);
        for (String c : CRITERIA) {
            int previous = 0;
            for (int depth = 1; depth <= 8; depth++) {
                Tree t = pr.grower(c, new GrowthLimits(depth, 2, 1, 0.0, null), 4).grow(null, Rng.seeded(1));
                assertThat(t.depth()).isLessThanOrEqualTo(depth);
                assertThat(t.leafCount()).isGreaterThanOrEqualTo(previous);
                previous = t.leafCount();
            }
            int unlimited = pr.grower(c, GrowthLimits.defaults(), 4).grow(null, Rng.seeded(1)).leafCount();
            for (int maxLeaves : new int[] {2, 5, 17, 60}) {
                Tree t = pr.grower(c, new GrowthLimits(null, 2, 1, 0.0, maxLeaves), 4).grow(null, Rng.seeded(1));
                assertThat(t.leafCount()).as("%s max leaves %d", c, maxLeaves).isEqualTo(Math.min(maxLeaves, unlimited));
            }
            Tree leafy = pr.grower(c, new GrowthLimits(null, 30, 9, 0.0, null), 4).grow(null, Rng.seeded(1));
            for (int node = 0; node < leafy.nodeCount(); node++) {
                assertThat(leafy.samples(node)).isGreaterThanOrEqualTo(9);
                if (!leafy.isLeaf(node)) {
                    assertThat(leafy.samples(node)).isGreaterThanOrEqualTo(30);
                }
            }
            double minDecrease = 0.01 * pr.grower(c, GrowthLimits.defaults(), 4).grow(null, Rng.seeded(1)).impurity(0);
            Tree pruned = pr.grower(c, new GrowthLimits(null, 2, 1, minDecrease, null), 4).grow(null, Rng.seeded(1));
            double root = pruned.weightedSamples(0);
            for (int node = 0; node < pruned.nodeCount(); node++) {
                if (!pruned.isLeaf(node)) {
                    int l = pruned.left(node);
                    int r = pruned.right(node);
                    double decrease = (pruned.weightedSamples(node) * pruned.impurity(node)
                            - pruned.weightedSamples(l) * pruned.impurity(l)
                            - pruned.weightedSamples(r) * pruned.impurity(r)) / root;
                    assertThat(decrease).isGreaterThanOrEqualTo(minDecrease - 1e-12);
                }
            }
        }
    }

    @Test
    void aSampleOfOneClassOrOneRowPerClassIsHandled() {
        Matrix x = Matrix.of(new double[][] {{1, 5}, {2, 5}, {3, 5}});
        CartGrower g = CartGrower.classification(CartData.classification(x, new int[] {0, 1, 2}, 3),
                ClassificationCriterion.GINI, GrowthLimits.defaults(), 2);
        Tree all = g.grow(null, Rng.seeded(0));
        assertThat(all.leafCount()).isEqualTo(3);
        Tree oneClass = g.grow(new double[] {0, 4, 0}, Rng.seeded(0));
        assertThat(oneClass.nodeCount()).isEqualTo(1);
        assertThat(oneClass.value(0, 1)).isEqualTo(1.0);
        assertThat(oneClass.weightedSamples(0)).isEqualTo(4.0);
        assertThatThrownBy(() -> g.grow(new double[3], Rng.seeded(0))).hasMessage("no row has a positive weight");
        assertThatThrownBy(() -> g.grow(new double[] {1, -1, 1}, Rng.seeded(0)))
                .hasMessage("row 1 has weight -1.0; weights must be >= 0");
    }

    @Test
    void maxFeaturesResolvesAsScikitLearn() {
        // sklearn: "sqrt" → max(1, int(np.sqrt(p))), "log2" → max(1, int(np.log2(p))), float → max(1, int(f · p))
        assertThat(MaxFeatures.sqrt().resolve(20)).isEqualTo(4);
        assertThat(MaxFeatures.sqrt().resolve(64)).isEqualTo(8);
        assertThat(MaxFeatures.log2().resolve(64)).isEqualTo(6);
        assertThat(MaxFeatures.log2().resolve(63)).isEqualTo(5);
        assertThat(MaxFeatures.log2().resolve(1)).isEqualTo(1);
        assertThat(MaxFeatures.fraction(0.5).resolve(7)).isEqualTo(3);
        assertThat(MaxFeatures.fraction(0.01).resolve(7)).isEqualTo(1);
        assertThat(MaxFeatures.all().resolve(7)).isEqualTo(7);
        for (MaxFeatures m : List.of(MaxFeatures.all(), MaxFeatures.sqrt(), MaxFeatures.log2(), MaxFeatures.count(3),
                MaxFeatures.fraction(0.25), MaxFeatures.fraction(1.0))) {
            assertThat(MaxFeatures.parse(m.toString())).isEqualTo(m);
        }
    }

    /**
     * The same splits and counts; values, impurities and weights equal up to rounding (the modes
     * add up a node's rows in different orders).
     */
    private static void assertSameUpToRounding(Tree a, Tree b, String what) {
        assertThat(a.features()).as(what).containsExactly(b.features());
        assertThat(a.thresholds()).as(what).containsExactly(b.thresholds());
        assertThat(a.leftChildren()).as(what).containsExactly(b.leftChildren());
        assertThat(a.sampleCounts()).as(what).containsExactly(b.sampleCounts());
        for (int i = 0; i < a.nodeCount(); i++) {
            assertThat(a.impurity(i)).as(what).isCloseTo(b.impurity(i), within(1e-9 * (1 + Math.abs(b.impurity(i)))));
            assertThat(a.weightedSamples(i)).as(what).isCloseTo(b.weightedSamples(i), within(1e-9 * b.weightedSamples(i)));
            for (int k = 0; k < a.valueWidth(); k++) {
                assertThat(a.value(i, k)).as(what).isCloseTo(b.value(i, k), within(1e-9 * (1 + Math.abs(b.value(i, k)))));
            }
        }
    }

    private static List<Integer> rowsOf(double[] weights) {
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < weights.length; i++) {
            if (weights[i] > 0) {
                out.add(i);
            }
        }
        return out;
    }
}
