package dev.kiln.learn.cluster;

/**
 * The merges of an agglomerative clustering in the order they were made: merge k joined what
 * {@code first[k]} and {@code second[k]} held, at {@code height[k]}. The two are "slots" of the
 * algorithm that made them — rows, or the cluster a slot holds at that moment — which
 * {@link Dendrogram} turns into cluster ids.
 */
record Merges(int[] first, int[] second, double[] height) {

    Merges(int n) {
        this(new int[n - 1], new int[n - 1], new double[n - 1]);
    }

    void set(int k, int a, int b, double h) {
        first[k] = a;
        second[k] = b;
        height[k] = h;
    }
}
