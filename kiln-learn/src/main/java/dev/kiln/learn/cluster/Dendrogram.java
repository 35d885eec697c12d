package dev.kiln.learn.cluster;

import dev.kiln.core.linalg.Matrix;
import java.util.Arrays;

/**
 * The merge tree of an agglomerative clustering as scipy's linkage matrix: n − 1 rows of
 * [cluster a, cluster b, height, size], a &lt; b, sorted by height (ties in merge order); rows
 * 0 … n − 1 are the clusters of one row each, and row k of the matrix makes cluster n + k.
 * Cutting it gives scikit-learn's labels ({@link TreeCut}). Immutable.
 */
public final class Dendrogram {
    private final int leaves;
    private final int[] a;
    private final int[] b;
    private final double[] height;
    private final int[] size;

    private Dendrogram(int leaves, int[] a, int[] b, double[] height, int[] size) {
        this.leaves = leaves;
        this.a = a;
        this.b = b;
        this.height = height;
        this.size = size;
    }

    /**
     * scipy's relabelling: merges sorted stably by height, then each pair of slots named by the
     * clusters they hold, through union–find.
     */
    static Dendrogram of(int n, Merges merges) {
        Integer[] order = new Integer[n - 1];
        Arrays.setAll(order, k -> k);
        Arrays.sort(order, (p, q) -> Double.compare(merges.height()[p], merges.height()[q]));
        int[] parent = new int[2 * n - 1];
        int[] sizes = new int[2 * n - 1];
        for (int i = 0; i < parent.length; i++) {
            parent[i] = i;
            sizes[i] = 1;
        }
        int[] a = new int[n - 1];
        int[] b = new int[n - 1];
        double[] height = new double[n - 1];
        int[] size = new int[n - 1];
        for (int k = 0; k < n - 1; k++) {
            int m = order[k];
            int x = root(parent, merges.first()[m]);
            int y = root(parent, merges.second()[m]);
            a[k] = Math.min(x, y);
            b[k] = Math.max(x, y);
            height[k] = merges.height()[m];
            int made = n + k;
            parent[x] = made;
            parent[y] = made;
            sizes[made] = sizes[x] + sizes[y];
            size[k] = sizes[made];
        }
        return new Dendrogram(n, a, b, height, size);
    }

    /** A dendrogram from a linkage matrix as {@link #linkage()} gives it, checked for consistency. */
    static Dendrogram fromLinkage(int n, double[] rows) {
        if (n < 1 || rows.length != 4L * (n - 1)) {
            throw new IllegalArgumentException(rows.length + " values do not make the " + (n - 1)
                    + " rows of 4 of a linkage matrix over " + n + " leaves");
        }
        int[] a = new int[n - 1];
        int[] b = new int[n - 1];
        double[] height = new double[n - 1];
        int[] size = new int[n - 1];
        boolean[] used = new boolean[2 * n - 1];
        for (int k = 0; k < n - 1; k++) {
            a[k] = (int) rows[4 * k];
            b[k] = (int) rows[4 * k + 1];
            height[k] = rows[4 * k + 2];
            size[k] = (int) rows[4 * k + 3];
            for (int c : new int[] {a[k], b[k]}) {
                if (c < 0 || c >= n + k || used[c]) {
                    throw new IllegalArgumentException("linkage row " + k + " merges cluster " + c
                            + ", which is not a cluster formed before it and not yet merged");
                }
                used[c] = true;
            }
            int expected = (a[k] < n ? 1 : size[a[k] - n]) + (b[k] < n ? 1 : size[b[k] - n]);
            if (a[k] >= b[k] || size[k] != expected || (k > 0 && height[k] < height[k - 1])) {
                throw new IllegalArgumentException("linkage row " + k + " is not a sorted scipy linkage row: "
                        + Arrays.toString(Arrays.copyOfRange(rows, 4 * k, 4 * k + 4)));
            }
        }
        return new Dendrogram(n, a, b, height, size);
    }

    private static int root(int[] parent, int i) {
        int r = i;
        while (parent[r] != r) {
            r = parent[r];
        }
        while (parent[i] != r) {
            int next = parent[i];
            parent[i] = r;
            i = next;
        }
        return r;
    }

    /** How many rows (leaves) the tree joins. */
    public int leaves() {
        return leaves;
    }

    /** The linkage matrix, (n − 1) × 4, as scipy's {@code linkage} returns it. */
    public Matrix linkage() {
        Matrix z = Matrix.zeros(leaves - 1, 4);
        for (int k = 0; k < leaves - 1; k++) {
            z.set(k, 0, a[k]);
            z.set(k, 1, b[k]);
            z.set(k, 2, height[k]);
            z.set(k, 3, size[k]);
        }
        return z;
    }

    /** The merge heights, in increasing order. */
    public double[] heights() {
        return height.clone();
    }

    /** The two clusters merged into cluster {@code leaves() + k}. */
    int first(int k) {
        return a[k];
    }

    int second(int k) {
        return b[k];
    }

    /**
     * The clusters left after undoing the last {@code clusters − 1} merges, labelled as
     * scikit-learn labels them.
     */
    public int[] cut(int clusters) {
        if (clusters < 1 || clusters > leaves) {
            throw new IllegalArgumentException("clusters must be in [1, " + leaves + "] (the leaves), got " + clusters);
        }
        return TreeCut.labels(this, clusters);
    }

    /**
     * The clusters left when merges at heights of {@code threshold} or more are undone, labelled
     * as scikit-learn labels them.
     */
    public int[] cutAt(double threshold) {
        return cut(clustersAt(threshold));
    }

    /**
     * How many clusters remain when merges at heights of {@code threshold} or more are undone:
     * one more than their number, as scikit-learn's {@code distance_threshold} counts.
     */
    public int clustersAt(double threshold) {
        int above = 0;
        for (double h : height) {
            above += h >= threshold ? 1 : 0;
        }
        return above + 1;
    }
}
