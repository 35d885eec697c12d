package dev.kiln.learn.cluster;

import dev.kiln.core.parallel.Parallelism;
import java.util.Arrays;

/**
 * Complete or average linkage on the condensed matrix of Euclidean distances between live
 * clusters, kept current by the Lance–Williams update (Lance and Williams, Computer Journal
 * 1967) exactly as scipy's {@code nn_chain} applies it: after merging x into y, d(i, x ∪ y) is
 * max(d(i, x), d(i, y)) or (|x|·d(i, x) + |y|·d(i, y)) / (|x| + |y|). O(n²) memory, filled in
 * parallel; the distances are summed feature by feature in order, as scipy's {@code pdist}.
 */
final class DistanceMatrix implements ChainLinkage {
    /** The most rows whose condensed distance matrix fits in a Java array. */
    static final int MAX_ROWS = 65_535;

    private final Linkage linkage;
    private final double[] distances;
    /** distances[base[i] + j] is the distance between slots i &lt; j. */
    private final int[] base;
    private final int[] sizes;
    /** The live slots, in increasing order. */
    private final int[] live;
    private int liveCount;

    DistanceMatrix(double[] x, int n, int d, Linkage linkage) {
        this.linkage = linkage;
        this.base = new int[n];
        for (int i = 0; i < n; i++) {
            base[i] = (int) ((long) n * i - (long) i * (i + 1) / 2 - i - 1);
        }
        this.distances = new double[(int) ((long) n * (n - 1) / 2)];
        int parts = Math.max(1, Math.min(n, 64));
        Parallelism.forEachPart(parts, part -> {
            for (int i = part; i < n; i += parts) {
                for (int j = i + 1; j < n; j++) {
                    distances[base[i] + j] = Math.sqrt(SquaredDistances.sequential(x, i * d, x, j * d, d));
                }
            }
        });
        this.sizes = new int[n];
        this.live = new int[n];
        for (int i = 0; i < n; i++) {
            sizes[i] = 1;
            live[i] = i;
        }
        this.liveCount = n;
    }

    private int at(int i, int j) {
        return i < j ? base[i] + j : base[j] + i;
    }

    @Override
    public double between(int x, int y) {
        return distances[at(x, y)];
    }

    @Override
    public int nearest(int x, int preferred) {
        int best = preferred;
        double value = preferred >= 0 ? between(x, preferred) : Double.POSITIVE_INFINITY;
        for (int t = 0; t < liveCount; t++) {
            int i = live[t];
            if (i == x) {
                continue;
            }
            double v = distances[at(x, i)];
            if (v < value) {
                value = v;
                best = i;
            }
        }
        return best;
    }

    @Override
    public void merge(int x, int y) {
        int nx = sizes[x];
        int ny = sizes[y];
        sizes[x] = 0;
        sizes[y] = nx + ny;
        int at = Arrays.binarySearch(live, 0, liveCount, x);
        System.arraycopy(live, at + 1, live, at, liveCount - at - 1);
        liveCount--;
        for (int t = 0; t < liveCount; t++) {
            int i = live[t];
            if (i != y) {
                int iy = at(i, y);
                double xi = distances[at(i, x)];
                distances[iy] = linkage == Linkage.COMPLETE ? Math.max(xi, distances[iy])
                        : (nx * xi + ny * distances[iy]) / (nx + ny);
            }
        }
    }

    @Override
    public double height(double value) {
        return value;
    }
}
