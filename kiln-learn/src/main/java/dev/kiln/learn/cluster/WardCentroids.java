package dev.kiln.learn.cluster;

import java.util.Arrays;

/**
 * Ward's linkage from cluster centroids and sizes (no distance matrix): between clusters u and
 * v the value w = |u|·|v| / (|u| + |v|) · ‖ū − v̄‖², half the increase in the within-cluster sum
 * of squares of merging them, reported as scipy's height √(2w). This is the distance scipy's
 * Lance–Williams update computes, up to rounding; O(n·d) memory. Live centroids are kept packed
 * and stored feature by feature, so a scan for the nearest cluster runs down contiguous arrays.
 */
final class WardCentroids implements ChainLinkage {
    private final int d;
    /** centroids[j][p]: feature j of the cluster at packed position p. */
    private final double[][] centroids;
    private final double[] sizes;
    private final int[] slotAt;
    private final int[] positionOf;
    private final double[] squared;
    private int live;

    WardCentroids(double[] x, int n, int d) {
        this.d = d;
        this.centroids = new double[d][n];
        this.sizes = new double[n];
        this.slotAt = new int[n];
        this.positionOf = new int[n];
        this.squared = new double[n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) {
                centroids[j][i] = x[i * d + j];
            }
            sizes[i] = 1;
            slotAt[i] = i;
            positionOf[i] = i;
        }
        this.live = n;
    }

    @Override
    public double between(int x, int y) {
        int px = positionOf[x];
        int py = positionOf[y];
        double s = 0;
        for (int j = 0; j < d; j++) {
            double diff = centroids[j][px] - centroids[j][py];
            s += diff * diff;
        }
        return weight(sizes[px], sizes[py]) * s;
    }

    private static double weight(double nu, double nv) {
        return nu * nv / (nu + nv);
    }

    @Override
    public int nearest(int x, int preferred) {
        int px = positionOf[x];
        Arrays.fill(squared, 0, live, 0.0);
        for (int j = 0; j < d; j++) {
            double[] c = centroids[j];
            double cx = c[px];
            for (int p = 0; p < live; p++) {
                double diff = cx - c[p];
                squared[p] += diff * diff;
            }
        }
        double nx = sizes[px];
        int best = preferred;
        double value = preferred >= 0 ? between(x, preferred) : Double.POSITIVE_INFINITY;
        for (int p = 0; p < live; p++) {
            if (p == px) {
                continue;
            }
            double v = weight(nx, sizes[p]) * squared[p];
            int slot = slotAt[p];
            if (v < value || (v == value && best != preferred && slot < best)) {
                value = v;
                best = slot;
            }
        }
        return best;
    }

    @Override
    public void merge(int x, int y) {
        int px = positionOf[x];
        int py = positionOf[y];
        double nx = sizes[px];
        double ny = sizes[py];
        for (int j = 0; j < d; j++) {
            double[] c = centroids[j];
            c[py] = (nx * c[px] + ny * c[py]) / (nx + ny);
        }
        sizes[py] = nx + ny;
        int last = live - 1;
        for (int j = 0; j < d; j++) {
            centroids[j][px] = centroids[j][last];
        }
        sizes[px] = sizes[last];
        slotAt[px] = slotAt[last];
        positionOf[slotAt[px]] = px;
        live--;
    }

    @Override
    public double height(double value) {
        return Math.sqrt(2 * value);
    }
}
