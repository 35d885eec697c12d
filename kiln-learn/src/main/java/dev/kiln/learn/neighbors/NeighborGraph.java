package dev.kiln.learn.neighbors;

import dev.kiln.core.linalg.Matrix;
import dev.kiln.learn.data.NumericInput;

/**
 * Each row's k nearest other rows of one data set, as scikit-learn's
 * {@code NearestNeighbors().fit(X).kneighbors()} without a query: the row itself is left out
 * (when duplicates push it out of the first k + 1, the farthest of those is dropped instead).
 * The search is exact, with the algorithm {@link Algorithm#AUTO} picks, and its results do not
 * depend on the number of threads.
 */
public final class NeighborGraph {
    private static final int LEAF_SIZE = 30;

    private NeighborGraph() {
    }

    /**
     * The {@code k} nearest other rows of every row of {@code x} under the Minkowski distance of
     * order {@code p} (2 for Euclidean), nearest first.
     *
     * @throws IllegalArgumentException if k is not in [1, rows − 1] or p &lt; 1
     */
    public static Neighbors of(Matrix x, int k, double p) {
        int n = x.rows();
        int d = x.cols();
        if (k < 1 || k > n - 1) {
            throw new IllegalArgumentException("k must be in [1, " + (n - 1) + "] (the other rows), got " + k);
        }
        if (!(p >= 1) || Double.isInfinite(p)) {
            throw new IllegalArgumentException("p (the Minkowski order) must be a finite number >= 1, got " + p);
        }
        double[] points = NumericInput.rowMajor(x);
        Minkowski metric = new Minkowski(p);
        NeighborSearch search = NeighborSearch.build(Algorithm.AUTO.resolve(n, d, k + 1), points, n, d, LEAF_SIZE, metric);
        NeighborSearch.Result r = search.query(points, n, k + 1);
        int[] index = new int[n * k];
        double[] distance = new double[n * k];
        for (int i = 0; i < n; i++) {
            int from = i * (k + 1);
            int self = k;
            for (int j = 0; j <= k; j++) {
                if (r.index()[from + j] == i) {
                    self = j;
                    break;
                }
            }
            int to = i * k;
            for (int j = 0; j <= k; j++) {
                if (j != self) {
                    index[to] = r.index()[from + j];
                    distance[to] = metric.distance(r.reduced()[from + j]);
                    to++;
                }
            }
        }
        return new Neighbors(k, index, distance);
    }
}
