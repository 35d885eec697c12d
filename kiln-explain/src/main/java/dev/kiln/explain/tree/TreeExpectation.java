package dev.kiln.explain.tree;

import dev.kiln.explain.exact.ValueFunction;
import dev.kiln.learn.tree.Tree;

/**
 * The path-dependent value function of a tree ensemble (Lundberg, Erion and Lee 2018,
 * Algorithm 1, "EXPVALUE"): {@code v(S)} follows row x at splits on features in S and, at a
 * split on any other feature, averages both branches weighted by their share of the node's
 * cover. Exponential when enumerated over all S; the definition path-dependent TreeSHAP
 * computes in polynomial time.
 */
public final class TreeExpectation {
    private TreeExpectation() {
    }

    /** The value function for row {@code x}. */
    public static ValueFunction of(TreeEnsemble ensemble, double[] x) {
        return mask -> {
            double sum = ensemble.offset();
            for (TreeTerm t : ensemble.terms()) {
                sum += expected(t, x, mask, 0);
            }
            return sum;
        };
    }

    private static double expected(TreeTerm t, double[] x, int mask, int node) {
        Tree tree = t.tree();
        if (tree.isLeaf(node)) {
            return t.value(node);
        }
        if ((mask & (1 << tree.feature(node))) != 0) {
            return expected(t, x, mask, t.child(node, x));
        }
        return t.coverShare(node, tree.left(node)) * expected(t, x, mask, tree.left(node))
                + t.coverShare(node, tree.right(node)) * expected(t, x, mask, tree.right(node));
    }
}
