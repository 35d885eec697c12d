package dev.kiln.learn.tree;

import java.util.Arrays;

/**
 * The weighted mean absolute deviation from the weighted median, {@code Σ w |y − m| / Σ w};
 * leaves predict the median as scikit-learn defines it (the first target, in increasing order,
 * at which the cumulative weight reaches half, averaged with the next when it is exactly half).
 *
 * <p>A split is scored by minus the children's summed absolute deviations. Rather than keep
 * running medians in sorted buffers (scikit-learn, quadratic in the node size), the scan keeps
 * the left child's weights and weighted targets in two Fenwick trees (Fenwick 1994) indexed by
 * each row's position in the node's target order; a child's median is found by descending the
 * tree and its deviation from two prefix sums, so a node costs O(n log n) per feature.
 */
final class AbsoluteErrorCriterion extends SplitCriterion {
    private final double[] y;
    private final int[] targetRank;
    private final long[] keys;
    private final int[] position;
    private final double[] sortedY;
    private final double[] sortedW;
    private final double[] prefixW;
    private final double[] prefixS;
    private final double[] treeW;
    private final double[] treeS;
    private int size;
    private int topBit;

    /** @param targetRank each row's rank among the distinct targets */
    AbsoluteErrorCriterion(double[] y, int[] targetRank) {
        this.y = y;
        this.targetRank = targetRank;
        int n = y.length;
        keys = new long[n];
        position = new int[n];
        sortedY = new double[n];
        sortedW = new double[n];
        prefixW = new double[n + 1];
        prefixS = new double[n + 1];
        treeW = new double[n + 1];
        treeS = new double[n + 1];
    }

    @Override
    int valueWidth() {
        return 1;
    }

    @Override
    double node(int[] rows, int start, int end, double[] value) {
        sortByTarget(rows, start, end);
        double w = prefixW[size];
        setNodeWeight(w);
        double half = w / 2.0;
        int k = 0;
        while (k < size - 1 && prefixW[k + 1] < half) {
            k++;
        }
        double median = prefixW[k + 1] == half && k + 1 < size ? (sortedY[k] + sortedY[k + 1]) / 2.0 : sortedY[k];
        value[0] = median;
        double dev = 0;
        for (int j = 0; j < size; j++) {
            dev += sortedW[j] * Math.abs(sortedY[j] - median);
        }
        return w > 0 ? dev / w : 0.0;
    }

    @Override
    void beginScan(int[] rows, int start, int end) {
        sortByTarget(rows, start, end);
        topBit = Integer.highestOneBit(Math.max(1, size));
    }

    /** Orders the node's rows by target and fills the position, sorted and prefix arrays. */
    private void sortByTarget(int[] rows, int start, int end) {
        size = end - start;
        for (int i = start; i < end; i++) {
            keys[i - start] = ((long) targetRank[rows[i]] << 32) | rows[i];
        }
        Arrays.sort(keys, 0, size);
        prefixW[0] = 0;
        prefixS[0] = 0;
        for (int j = 0; j < size; j++) {
            int r = (int) keys[j];
            position[r] = j;
            sortedY[j] = y[r];
            sortedW[j] = weight[r];
            prefixW[j + 1] = prefixW[j] + weight[r];
            prefixS[j + 1] = prefixS[j] + weight[r] * y[r];
        }
    }

    @Override
    void scan(int[] rows, double[] values, int start, int end, int minLeaf, int f, BestSplit best) {
        int m = size;
        Arrays.fill(treeW, 0, m + 1, 0.0);
        Arrays.fill(treeS, 0, m + 1, 0.0);
        double wTotal = prefixW[m];
        double sTotal = prefixS[m];
        double wLeft = 0;
        double sLeft = 0;
        int last = end - minLeaf;
        for (int i = start; i < last; i++) {
            int r = rows[i];
            double w = weight[r];
            double ws = w * y[r];
            for (int j = position[r] + 1; j <= m; j += j & -j) {
                treeW[j] += w;
                treeS[j] += ws;
            }
            wLeft += w;
            sLeft += ws;
            double wRight = wTotal - wLeft;
            if (wLeft > 0 && wRight > 0 && BestSplit.canSplitAfter(values, i, start, minLeaf)) {
                double dev = deviation(false, wLeft, sLeft) + deviation(true, wRight, sTotal - sLeft);
                best.offer(-dev, f, values[i], values[i + 1]);
            }
        }
    }

    /**
     * The summed absolute deviation from its median of the left child (the Fenwick trees) or of
     * the right one (the node's prefix sums minus the trees), whose weight is {@code w} and
     * weighted target sum {@code s}.
     */
    private double deviation(boolean right, double w, double s) {
        double half = w / 2.0;
        int pos = 0;
        double below = 0;
        double belowS = 0;
        for (int step = topBit; step > 0; step >>= 1) {
            int next = pos + step;
            if (next <= size) {
                double nodeW = right ? prefixW[next] - prefixW[next - step] - treeW[next] : treeW[next];
                if (below + nodeW < half) {
                    pos = next;
                    below += nodeW;
                    belowS += right ? prefixS[next] - prefixS[next - step] - treeS[next] : treeS[next];
                }
            }
        }
        int k = Math.min(pos, size - 1);
        double median = sortedY[k];
        double weightUpTo = below + sortedW[k];
        double sumUpTo = belowS + sortedW[k] * median;
        return median * weightUpTo - sumUpTo + (s - sumUpTo) - median * (w - weightUpTo);
    }
}
