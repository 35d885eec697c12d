package dev.kiln.explain.tree;

import dev.kiln.learn.tree.Tree;

/**
 * One tree's share of an explained model output: {@code weight × tree.value(leaf, component)}.
 *
 * @param tree      the tree
 * @param component which of the tree's node values counts (the class for a classification tree, else 0)
 * @param weight    its factor in the output: 1/T for a forest of T trees, 1 for boosting
 */
public record TreeTerm(Tree tree, int component, double weight) {

    public TreeTerm {
        if (component < 0 || component >= tree.valueWidth()) {
            throw new IllegalArgumentException("component " + component + " of a tree with " + tree.valueWidth()
                    + " values per node");
        }
    }

    /** The weighted leaf value a row reaches. */
    public double predict(double[] x) {
        return weight * tree.value(tree.leaf(x, 0), component);
    }

    /** The weighted leaf value of a node. */
    public double value(int node) {
        return weight * tree.value(node, component);
    }

    /**
     * The share of {@code node}'s cover (its weighted training rows) that went to {@code child}:
     * the probability TreeSHAP's path-dependent expectation gives that branch. A node that no
     * training weight reached splits its (zero) cover evenly.
     */
    public double coverShare(int node, int child) {
        double cover = tree.weightedSamples(node);
        return cover > 0 ? tree.weightedSamples(child) / cover : 0.5;
    }

    /** Whether a row goes to the left child of a split node ({@code x[feature] <= threshold}; NaN goes right). */
    public boolean goesLeft(int node, double[] x) {
        return x[tree.feature(node)] <= tree.threshold(node);
    }

    /** The child of a split node a row reaches. */
    public int child(int node, double[] x) {
        return goesLeft(node, x) ? tree.left(node) : tree.right(node);
    }

    /** The cover-weighted mean of the leaf values: the output expected when no feature is known. */
    public double expectedValue() {
        return expected(0);
    }

    private double expected(int node) {
        if (tree.isLeaf(node)) {
            return value(node);
        }
        return coverShare(node, tree.left(node)) * expected(tree.left(node))
                + coverShare(node, tree.right(node)) * expected(tree.right(node));
    }
}
