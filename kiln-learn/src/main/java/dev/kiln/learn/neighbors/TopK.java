package dev.kiln.learn.neighbors;

/**
 * The k nearest candidates seen so far, as a bounded max-heap ordered by (distance, index):
 * of two points at the same distance the one with the smaller training index is nearer. The
 * order is total, so the result does not depend on the order candidates arrive in, which is
 * what makes every search algorithm return the same neighbours. Not thread-safe.
 */
final class TopK {
    private final int k;
    private final double[] dist;
    private final int[] index;
    private int size;

    TopK(int k) {
        this.k = k;
        this.dist = new double[k];
        this.index = new int[k];
    }

    /** The largest distance kept once k candidates are in, +∞ before. */
    double worst() {
        return size < k ? Double.POSITIVE_INFINITY : dist[0];
    }

    /** Keeps candidate {@code i} at reduced distance {@code d} if it is among the k nearest so far. */
    void offer(double d, int i) {
        if (size < k) {
            int c = size++;
            while (c > 0) {
                int parent = (c - 1) >>> 1;
                if (!farther(d, i, dist[parent], index[parent])) {
                    break;
                }
                dist[c] = dist[parent];
                index[c] = index[parent];
                c = parent;
            }
            dist[c] = d;
            index[c] = i;
        } else if (farther(dist[0], index[0], d, i)) {
            siftDown(d, i, k);
        }
    }

    /**
     * Writes the candidates nearest first into {@code outIndex} and {@code outDist} from
     * {@code offset}, and empties the heap.
     */
    void drain(int[] outIndex, double[] outDist, int offset) {
        for (int n = size; n > 0; n--) {
            outIndex[offset + n - 1] = index[0];
            outDist[offset + n - 1] = dist[0];
            siftDown(dist[n - 1], index[n - 1], n - 1);
        }
        size = 0;
    }

    /** Puts (d, i) at the root of the heap's first {@code n} slots and restores the heap order. */
    private void siftDown(double d, int i, int n) {
        int c = 0;
        while (true) {
            int child = 2 * c + 1;
            if (child >= n) {
                break;
            }
            if (child + 1 < n && farther(dist[child + 1], index[child + 1], dist[child], index[child])) {
                child++;
            }
            if (!farther(dist[child], index[child], d, i)) {
                break;
            }
            dist[c] = dist[child];
            index[c] = index[child];
            c = child;
        }
        dist[c] = d;
        index[c] = i;
    }

    private static boolean farther(double d1, int i1, double d2, int i2) {
        return d1 > d2 || (d1 == d2 && i1 > i2);
    }
}
