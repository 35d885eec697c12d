package dev.kiln.learn.tree;

/**
 * An impurity measure and the scan that finds its best threshold on one feature: the rows of a
 * node in increasing order of the feature are moved one by one from the right child to the
 * left, and each position between distinct values is scored by a proxy that ranks splits as
 * the weighted child impurity does (Breiman et al. 1984, §4; scikit-learn's
 * {@code proxy_impurity_improvement}). A criterion holds scratch state: one per grower thread.
 */
abstract class SplitCriterion {
    protected double[] weight;
    private double nodeWeight;

    /** Sets each row's weight (0 for rows outside the sample) for the tree about to grow. */
    final void useWeights(double[] rowWeights) {
        this.weight = rowWeights;
    }

    /** How many numbers a node's value holds. */
    abstract int valueWidth();

    /**
     * Computes the value and impurity of the rows {@code rows[start, end)}: writes the value to
     * {@code value}, remembers their total weight ({@link #nodeWeight()}) and returns the impurity.
     * Ends any scan begun by {@link #beginScan}.
     */
    abstract double node(int[] rows, int start, int end, double[] value);

    /** The total weight of the rows of the last {@link #node} call. */
    final double nodeWeight() {
        return nodeWeight;
    }

    final void setNodeWeight(double w) {
        nodeWeight = w;
    }

    /** Prepares to scan the node {@code rows[start, end)} (totals, orderings). */
    abstract void beginScan(int[] rows, int start, int end);

    /**
     * Scans feature {@code f} of the node begun by {@link #beginScan}: {@code rows[start, end)} are
     * its rows in increasing order of the feature, {@code values[start, end)} their values.
     * Offers {@code best} every split leaving at least {@code minLeaf} rows on each side.
     */
    abstract void scan(int[] rows, double[] values, int start, int end, int minLeaf, int f, BestSplit best);
}
