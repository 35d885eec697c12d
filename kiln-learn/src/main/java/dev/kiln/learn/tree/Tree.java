package dev.kiln.learn.tree;

import java.util.Arrays;

/**
 * A fitted binary decision tree stored as flat arrays indexed by node, the layout of
 * scikit-learn's {@code tree_} object: node 0 is the root; an internal node sends a row left
 * when {@code x[feature] <= threshold}, right otherwise; a leaf has feature and children −1
 * and a NaN threshold. Each node carries its value (class distribution, mean, or boosting
 * score; {@link #valueWidth()} numbers per node), its impurity, and how many training rows
 * reached it, counted and weighted. TreeSHAP and partial dependence read these arrays.
 *
 * <p>Immutable; the array getters return copies, the per-node accessors do not allocate.
 */
public final class Tree {
    /** The feature and child index of a leaf. */
    public static final int LEAF = -1;

    private final int[] feature;
    private final double[] threshold;
    private final int[] left;
    private final int[] right;
    private final double[] value;
    private final int valueWidth;
    private final double[] impurity;
    private final int[] samples;
    private final double[] weightedSamples;
    /** The splits re-laid for prediction; see {@link #pack}. */
    private final long[] packed;

    /**
     * A tree from its node arrays, checked for consistency: every array has one entry per node
     * ({@code value} {@code valueWidth} per node), children point forward to existing nodes,
     * leaves have no children and no feature, every node but the root has exactly one parent.
     *
     * @throws IllegalArgumentException when the arrays do not form a tree
     */
    public Tree(int[] feature, double[] threshold, int[] left, int[] right, double[] value, int valueWidth,
                double[] impurity, int[] samples, double[] weightedSamples) {
        this(new Nodes(feature.clone(), threshold.clone(), left.clone(), right.clone(), value.clone(), valueWidth,
                impurity.clone(), samples.clone(), weightedSamples.clone()));
    }

    /** The node arrays of a tree, handed over to {@link #Tree(Nodes)} without copies. */
    record Nodes(int[] feature, double[] threshold, int[] left, int[] right, double[] value, int valueWidth,
                 double[] impurity, int[] samples, double[] weightedSamples) {
    }

    /** A tree that takes ownership of {@code nodes}' arrays, after the checks of the public constructor. */
    Tree(Nodes nodes) {
        int n = nodes.feature().length;
        if (n == 0) {
            throw new IllegalArgumentException("a tree needs at least one node");
        }
        if (nodes.valueWidth() < 1) {
            throw new IllegalArgumentException("valueWidth must be >= 1, got " + nodes.valueWidth());
        }
        if (nodes.threshold().length != n || nodes.left().length != n || nodes.right().length != n
                || nodes.impurity().length != n || nodes.samples().length != n || nodes.weightedSamples().length != n
                || nodes.value().length != (long) n * nodes.valueWidth()) {
            throw new IllegalArgumentException("node arrays of a " + n + "-node tree have inconsistent lengths");
        }
        this.feature = nodes.feature();
        this.threshold = nodes.threshold();
        this.left = nodes.left();
        this.right = nodes.right();
        this.value = nodes.value();
        this.valueWidth = nodes.valueWidth();
        this.impurity = nodes.impurity();
        this.samples = nodes.samples();
        this.weightedSamples = nodes.weightedSamples();
        checkStructure();
        this.packed = pack();
    }

    /** Every node is a leaf or a split whose two children come after it, and every node but the root has one parent. */
    private void checkStructure() {
        int n = feature.length;
        boolean[] hasParent = new boolean[n];
        for (int i = 0; i < n; i++) {
            boolean leaf = left[i] == LEAF;
            if (leaf != (right[i] == LEAF) || leaf != (feature[i] == LEAF)) {
                throw new IllegalArgumentException("node " + i + " is neither a leaf nor a split");
            }
            if (!leaf) {
                if (feature[i] < 0) {
                    throw new IllegalArgumentException("node " + i + " splits on feature " + feature[i]);
                }
                claim(i, left[i], hasParent);
                claim(i, right[i], hasParent);
            }
        }
        for (int i = 1; i < n; i++) {
            if (!hasParent[i]) {
                throw new IllegalArgumentException("node " + i + " is unreachable");
            }
        }
    }

    private static void claim(int parent, int child, boolean[] hasParent) {
        if (child <= parent || child >= hasParent.length || hasParent[child]) {
            throw new IllegalArgumentException("node " + parent + " has an invalid child " + child);
        }
        hasParent[child] = true;
    }

    public int nodeCount() {
        return feature.length;
    }

    /** How many numbers each node's value holds: the class count, or 1. */
    public int valueWidth() {
        return valueWidth;
    }

    public boolean isLeaf(int node) {
        return left[node] == LEAF;
    }

    public int feature(int node) {
        return feature[node];
    }

    public double threshold(int node) {
        return threshold[node];
    }

    public int left(int node) {
        return left[node];
    }

    public int right(int node) {
        return right[node];
    }

    /** Component {@code k} of the node's value. */
    public double value(int node, int k) {
        return value[node * valueWidth + k];
    }

    public double impurity(int node) {
        return impurity[node];
    }

    /** How many training rows reached the node. */
    public int samples(int node) {
        return samples[node];
    }

    /** The total weight of the training rows that reached the node. */
    public double weightedSamples(int node) {
        return weightedSamples[node];
    }

    /** Each node's split feature, {@link #LEAF} for leaves. */
    public int[] features() {
        return feature.clone();
    }

    /** Each node's threshold, NaN for leaves. */
    public double[] thresholds() {
        return threshold.clone();
    }

    public int[] leftChildren() {
        return left.clone();
    }

    public int[] rightChildren() {
        return right.clone();
    }

    /** The node values, row-major: node i's value is {@code [i * valueWidth, (i + 1) * valueWidth)}. */
    public double[] values() {
        return value.clone();
    }

    public double[] impurities() {
        return impurity.clone();
    }

    public int[] sampleCounts() {
        return samples.clone();
    }

    public double[] weightedSampleCounts() {
        return weightedSamples.clone();
    }

    /**
     * The nodes in depth-first order (a node, its left subtree, its right subtree), two longs
     * each: the threshold's bits, then the feature (high half) and the position of the right
     * child (low half); the left child is the next node. A leaf has feature −1 and its node index
     * in the low half. Walking a row down reads one 16-byte slot per level instead of four
     * arrays, and every step to a left child reads the next slot.
     */
    private long[] pack() {
        int n = feature.length;
        int[] size = new int[n];
        for (int i = n - 1; i >= 0; i--) {
            size[i] = left[i] == LEAF ? 1 : 1 + size[left[i]] + size[right[i]];
        }
        int[] position = new int[n];
        long[] out = new long[2 * n];
        for (int node = 0; node < n; node++) {
            int at = position[node];
            if (left[node] == LEAF) {
                out[2 * at + 1] = (long) LEAF << 32 | node;
            } else {
                position[left[node]] = at + 1;
                position[right[node]] = at + 1 + size[left[node]];
                out[2 * at] = Double.doubleToRawLongBits(threshold[node]);
                out[2 * at + 1] = (long) feature[node] << 32 | position[right[node]];
            }
        }
        return out;
    }

    /** The leaf reached by the row stored at {@code x[offset], x[offset + 1], …}. */
    public int leaf(double[] x, int offset) {
        return walk(x, offset, 0);
    }

    /**
     * The leaves reached by rows {@code from} to {@code to} − 1 of a row-major table
     * ({@code x[offset + row * stride + j]}), written to {@code out[0, to − from)}. Four rows
     * walk down at once, interleaved, and a row that reaches its leaf hands its lane to the next
     * row, so the reads and comparisons of four walks always overlap instead of waiting on each
     * other.
     */
    public void leaves(double[] x, int offset, int stride, int from, int to, int[] out) {
        long[] p = packed;
        int[] row = new int[4];
        int[] at = new int[4];
        int lanes = 0;
        int next = from;
        while (lanes < 4 && next < to) {
            row[lanes++] = next++;
        }
        while (lanes > 0) {
            for (int l = 0; l < lanes; l++) {
                int a = at[l];
                long meta = p[2 * a + 1];
                int f = (int) (meta >> 32);
                if (f >= 0) {
                    int right = x[offset + row[l] * stride + f] <= Double.longBitsToDouble(p[2 * a]) ? 0 : -1;
                    at[l] = a + 1 + (((int) meta - a - 1) & right);
                } else {
                    out[row[l] - from] = (int) meta;
                    if (next < to) {
                        row[l] = next++;
                        at[l] = 0;
                    } else {
                        lanes--;
                        row[l] = row[lanes];
                        at[l] = at[lanes];
                        l--;
                    }
                }
            }
        }
    }

    private int walk(double[] x, int offset, int from) {
        long[] p = packed;
        int at = from;
        while (true) {
            long meta = p[2 * at + 1];
            int f = (int) (meta >> 32);
            if (f < 0) {
                return (int) meta;
            }
            int right = x[offset + f] <= Double.longBitsToDouble(p[2 * at]) ? 0 : -1;
            at = at + 1 + (((int) meta - at - 1) & right);
        }
    }

    public int leafCount() {
        int c = 0;
        for (int l : left) {
            if (l == LEAF) {
                c++;
            }
        }
        return c;
    }

    /** The number of edges on the longest root-to-leaf path (0 for a single leaf). */
    public int depth() {
        int[] depth = new int[nodeCount()];
        int max = 0;
        for (int i = 0; i < depth.length; i++) {
            if (left[i] != LEAF) {
                depth[left[i]] = depth[i] + 1;
                depth[right[i]] = depth[i] + 1;
                max = Math.max(max, depth[i] + 1);
            }
        }
        return max;
    }

    /**
     * Impurity-based feature importances (Breiman et al. 1984, "mean decrease in impurity"), as
     * scikit-learn computes them: for each split, the weighted impurity decrease
     * {@code w·i − w_left·i_left − w_right·i_right}, summed per feature, divided by the root
     * weight and normalised to sum to 1 (all zeros when the tree has no split).
     */
    public double[] featureImportances(int featureCount) {
        double[] out = new double[featureCount];
        for (int i = 0; i < nodeCount(); i++) {
            if (left[i] != LEAF) {
                int l = left[i];
                int r = right[i];
                out[feature[i]] += weightedSamples[i] * impurity[i] - weightedSamples[l] * impurity[l]
                        - weightedSamples[r] * impurity[r];
            }
        }
        double total = 0;
        for (int f = 0; f < featureCount; f++) {
            out[f] /= weightedSamples[0];
            total += out[f];
        }
        if (total > 0) {
            for (int f = 0; f < featureCount; f++) {
                out[f] /= total;
            }
        }
        return out;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Tree t && valueWidth == t.valueWidth && Arrays.equals(feature, t.feature)
                && Arrays.equals(threshold, t.threshold) && Arrays.equals(left, t.left) && Arrays.equals(right, t.right)
                && Arrays.equals(value, t.value) && Arrays.equals(impurity, t.impurity)
                && Arrays.equals(samples, t.samples) && Arrays.equals(weightedSamples, t.weightedSamples);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(feature) + Arrays.hashCode(threshold);
    }

    @Override
    public String toString() {
        return "Tree[" + nodeCount() + " nodes, " + leafCount() + " leaves, depth " + depth() + "]";
    }
}
