package dev.kiln.learn.cluster;

import dev.kiln.core.parallel.Parallelism;
import java.util.Arrays;

/**
 * Single linkage as a minimum spanning tree grown by Prim's algorithm from row 0 with distances
 * computed as needed (Gower and Ross, "Minimum Spanning Trees and Single Linkage Cluster
 * Analysis", JRSS C 1969), as scikit-learn's {@code mst_linkage_core}: each step adds the row
 * nearest the tree (ties to the lower row) and joins it to the row added last. Squared distances
 * are compared, the root taken only of each step's minimum. O(n²·d) time, O(n) memory; each
 * step's scan runs in fixed parts in parallel when n is large.
 */
final class SpanningTree {
    private static final int PART = 8192;

    private SpanningTree() {
    }

    static Merges merges(double[] x, int n, int d) {
        Merges merges = new Merges(n);
        boolean[] inTree = new boolean[n];
        double[] toTree = new double[n];
        Arrays.fill(toTree, Double.POSITIVE_INFINITY);
        int parts = (n + PART - 1) / PART;
        int[] bestRow = new int[parts];
        double[] bestDistance = new double[parts];
        int current = 0;
        for (int k = 0; k < n - 1; k++) {
            inTree[current] = true;
            int from = current;
            Parallelism.forEachPart(parts, part -> {
                int best = -1;
                double nearest = Double.MAX_VALUE;
                for (int i = part * PART; i < Math.min(n, (part + 1) * PART); i++) {
                    if (inTree[i]) {
                        continue;
                    }
                    double v = SquaredDistances.sequential(x, from * d, x, i * d, d);
                    if (v < toTree[i]) {
                        toTree[i] = v;
                    }
                    if (toTree[i] < nearest) {
                        nearest = toTree[i];
                        best = i;
                    }
                }
                bestRow[part] = best;
                bestDistance[part] = nearest;
            });
            int next = 0;
            double nearest = Double.MAX_VALUE;
            for (int part = 0; part < parts; part++) {
                if (bestRow[part] >= 0 && bestDistance[part] < nearest) {
                    nearest = bestDistance[part];
                    next = bestRow[part];
                }
            }
            merges.set(k, current, next, Math.sqrt(nearest));
            current = next;
        }
        return merges;
    }
}
