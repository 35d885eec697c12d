package dev.kiln.learn.tree;

/**
 * The rules that stop a CART tree from growing, with scikit-learn's meanings: a node becomes a
 * leaf at {@code maxDepth}, when it has fewer than {@code minSamplesSplit} rows, when a split
 * would leave fewer than {@code minSamplesLeaf} rows on a side, or when the best split lowers
 * the weighted impurity by less than {@code minImpurityDecrease}; with {@code maxLeafNodes}
 * the tree grows best-first and stops at that many leaves.
 *
 * @param maxDepth            the deepest a leaf may be (root depth 0), or null for no limit
 * @param minSamplesSplit     the fewest rows a node needs to be split (≥ 2)
 * @param minSamplesLeaf      the fewest rows a leaf may have (≥ 1)
 * @param minImpurityDecrease the least weighted impurity decrease a split must bring (≥ 0)
 * @param maxLeafNodes        the most leaves (≥ 2), or null for no limit
 */
public record GrowthLimits(Integer maxDepth, int minSamplesSplit, int minSamplesLeaf, double minImpurityDecrease,
                           Integer maxLeafNodes) {

    public GrowthLimits {
        if (maxDepth != null && maxDepth < 1) {
            throw new IllegalArgumentException("max_depth must be >= 1 (or none for no limit), got " + maxDepth);
        }
        if (minSamplesSplit < 2) {
            throw new IllegalArgumentException("min_samples_split must be >= 2, got " + minSamplesSplit);
        }
        if (minSamplesLeaf < 1) {
            throw new IllegalArgumentException("min_samples_leaf must be >= 1, got " + minSamplesLeaf);
        }
        if (!(minImpurityDecrease >= 0) || Double.isInfinite(minImpurityDecrease)) {
            throw new IllegalArgumentException("min_impurity_decrease must be a finite number >= 0, got " + minImpurityDecrease);
        }
        if (maxLeafNodes != null && maxLeafNodes < 2) {
            throw new IllegalArgumentException("max_leaf_nodes must be >= 2 (or none for no limit), got " + maxLeafNodes);
        }
    }

    /** scikit-learn's defaults: unlimited depth and leaves, split nodes of 2 rows, leaves of 1 row. */
    public static GrowthLimits defaults() {
        return new GrowthLimits(null, 2, 1, 0.0, null);
    }

    /** The depth limit, {@link Integer#MAX_VALUE} when there is none. */
    int depthLimit() {
        return maxDepth == null ? Integer.MAX_VALUE : maxDepth;
    }
}
