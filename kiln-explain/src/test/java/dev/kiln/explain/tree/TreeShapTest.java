package dev.kiln.explain.tree;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.kiln.core.random.Rng;
import dev.kiln.explain.exact.Interventional;
import dev.kiln.explain.exact.ShapleyEnumeration;
import dev.kiln.learn.tree.Tree;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** TreeSHAP against the Shapley values enumerated from their definition, on random trees and ensembles. */
class TreeShapTest {

    /**
     * Lundberg, Erion and Lee (2018), Figure 1's AND model: f = 1 when both binary features are
     * 1, every leaf holding a quarter of the cover. By hand: v(∅) = 1/4, v({0}) = v({1}) = 1/2,
     * v({0,1}) = 1 at x = (1, 1), so φ = (3/8, 3/8); at x = (1, 0): v({0}) = 1/2, v({1}) = 0,
     * v({0,1}) = 0, so φ0 = ½·(1/4) + ½·(0 − 0) = 1/8 and φ1 = ½·(−1/4) + ½·(0 − 1/2) = −3/8.
     */
    @Test
    void andTreeMatchesTheHandComputedValues() {
        Tree and = depthTwo(0.5, new double[] {0.25, 0, 0, 0, 0.5, 0, 1}, new double[] {100, 50, 25, 25, 50, 25, 25});
        TreeEnsemble e = new TreeEnsemble(List.of(new TreeTerm(and, 0, 1)), 0, 2);
        assertThat(e.expectedValue()).isCloseTo(0.25, within(1e-15));
        PathDependentTreeShap shap = new PathDependentTreeShap();
        assertThat(TreeExplainer.pathDependent(e, new double[] {1, 1}, shap)).containsExactly(new double[] {0.375, 0.375},
                within(1e-15));
        assertThat(TreeExplainer.pathDependent(e, new double[] {1, 0}, shap)).containsExactly(new double[] {0.125, -0.375},
                within(1e-15));
        // Interventional against the single reference (0, 0): v(∅) = 0, v({0}) = v({1}) = 0, v({0,1}) = 1.
        assertThat(TreeExplainer.interventional(e, new double[] {1, 1}, new double[][] {{0, 0}},
                new InterventionalTreeShap(2))).containsExactly(new double[] {0.5, 0.5}, within(1e-15));
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6})
    void pathDependentMatchesEnumerationOfTheCoverExpectation(long seed) {
        Rng rng = Rng.seeded(seed);
        for (int trial = 0; trial < 8; trial++) {
            int m = 1 + rng.nextInt(8);
            TreeEnsemble e = randomEnsemble(rng, m);
            PathDependentTreeShap shap = new PathDependentTreeShap();
            for (int r = 0; r < 4; r++) {
                double[] x = RandomTrees.row(rng, m);
                double[] expected = ShapleyEnumeration.values(m, TreeExpectation.of(e, x));
                double[] phi = TreeExplainer.pathDependent(e, x, shap);
                assertThat(phi).as("seed %d trial %d", seed, trial).containsExactly(expected, within(1e-9));
                double sum = e.expectedValue();
                for (double p : phi) {
                    sum += p;
                }
                assertThat(sum).isCloseTo(e.predict(x), within(1e-9));
            }
        }
    }

    @ParameterizedTest
    @ValueSource(longs = {11, 12, 13, 14})
    void interventionalMatchesEnumerationOverTheBackground(long seed) {
        Rng rng = Rng.seeded(seed);
        for (int trial = 0; trial < 6; trial++) {
            int m = 1 + rng.nextInt(8);
            TreeEnsemble e = randomEnsemble(rng, m);
            double[][] background = new double[1 + rng.nextInt(6)][];
            for (int b = 0; b < background.length; b++) {
                background[b] = RandomTrees.row(rng, m);
            }
            InterventionalTreeShap shap = new InterventionalTreeShap(m);
            for (int r = 0; r < 3; r++) {
                double[] x = RandomTrees.row(rng, m);
                double[] expected = ShapleyEnumeration.values(m, Interventional.of(e::predict, x, background));
                double[] phi = TreeExplainer.interventional(e, x, background, shap);
                assertThat(phi).as("seed %d trial %d", seed, trial).containsExactly(expected, within(1e-9));
                double sum = TreeExplainer.meanOutput(e, background);
                for (double p : phi) {
                    sum += p;
                }
                assertThat(sum).isCloseTo(e.predict(x), within(1e-9));
            }
        }
    }

    @Test
    void zeroCoverBranchesContributeNothing() {
        // The right child of the root has no cover: the expectation never takes it.
        Tree t = depthTwo(0, new double[] {0, 0, 1, 2, 0, 5, 7}, new double[] {10, 10, 4, 6, 0, 0, 0});
        TreeEnsemble e = new TreeEnsemble(List.of(new TreeTerm(t, 0, 1)), 0, 2);
        for (double[] x : new double[][] {{-1, -1}, {-1, 1}, {1, -1}, {1, 1}}) {
            double[] phi = TreeExplainer.pathDependent(e, x, new PathDependentTreeShap());
            assertThat(phi).containsExactly(ShapleyEnumeration.values(2, TreeExpectation.of(e, x)), within(1e-12));
        }
    }

    /** A full depth-2 tree splitting on feature 0, then feature 1, both at {@code threshold}; nodes in pre-order. */
    private static Tree depthTwo(double threshold, double[] values, double[] cover) {
        int[] samples = new int[7];
        for (int i = 0; i < 7; i++) {
            samples[i] = (int) cover[i];
        }
        return new Tree(new int[] {0, 1, Tree.LEAF, Tree.LEAF, 1, Tree.LEAF, Tree.LEAF},
                new double[] {threshold, threshold, Double.NaN, Double.NaN, threshold, Double.NaN, Double.NaN},
                new int[] {1, 2, Tree.LEAF, Tree.LEAF, 5, Tree.LEAF, Tree.LEAF},
                new int[] {4, 3, Tree.LEAF, Tree.LEAF, 6, Tree.LEAF, Tree.LEAF}, values, 1, new double[7], samples, cover);
    }

    /** One to four random trees, some with two values per node explained through either component, scaled as forests or boosting. */
    static TreeEnsemble randomEnsemble(Rng rng, int m) {
        int count = 1 + rng.nextInt(4);
        int width = 1 + rng.nextInt(2);
        int component = rng.nextInt(width);
        double weight = rng.nextDouble() < 0.5 ? 1.0 / count : 0.1 + rng.nextDouble();
        List<TreeTerm> terms = new ArrayList<>();
        for (int t = 0; t < count; t++) {
            terms.add(new TreeTerm(RandomTrees.tree(rng, m, 1 + rng.nextInt(6), width), component, weight));
        }
        return new TreeEnsemble(terms, rng.nextGaussian(), m);
    }
}
