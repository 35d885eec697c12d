package dev.kiln.learn.neighbors;

/**
 * A k-d tree (Friedman, Bentley and Finkel, "An Algorithm for Finding Best Matches in
 * Logarithmic Expected Time", ACM TOMS 1977), laid out as scikit-learn's {@code KDTree}: a
 * complete binary tree of 2^L − 1 nodes with L = ⌊log2(max(1, (n − 1) / leafSize))⌋ + 1, so
 * leaves hold between leafSize and 2·leafSize points; each node splits its points at the median
 * of the coordinate with the largest spread. A query descends depth first, nearer child first,
 * skipping nodes whose bounding box lies farther than the k-th candidate. A radius query takes
 * in whole nodes whose bounding box lies within the radius and skips those wholly outside it.
 *
 * <p>Points are stored in tree order, so a leaf is one contiguous run of memory.
 */
final class KdTree extends NeighborSearch {
    private final double[] points;
    private final int[] original;
    private final int nodes;
    private final int[] start;
    private final int[] end;
    private final boolean[] leaf;
    private final double[] lower;
    private final double[] upper;

    KdTree(double[] x, int rows, int dims, int leafSize, Minkowski metric) {
        super(rows, dims, metric);
        long perLeaf = (long) Math.max(1.0, (rows - 1) / (double) leafSize);
        int levels = 63 - Long.numberOfLeadingZeros(perLeaf) + 1;
        this.nodes = (1 << levels) - 1;
        this.start = new int[nodes];
        this.end = new int[nodes];
        this.leaf = new boolean[nodes];
        this.lower = new double[nodes * dims];
        this.upper = new double[nodes * dims];
        this.original = new int[rows];
        for (int i = 0; i < rows; i++) {
            original[i] = i;
        }
        build(x, 0, 0, rows);
        this.points = new double[rows * dims];
        for (int i = 0; i < rows; i++) {
            System.arraycopy(x, original[i] * dims, points, i * dims, dims);
        }
    }

    private void build(double[] x, int node, int from, int to) {
        start[node] = from;
        end[node] = to;
        int b = node * dims;
        for (int j = 0; j < dims; j++) {
            lower[b + j] = Double.POSITIVE_INFINITY;
            upper[b + j] = Double.NEGATIVE_INFINITY;
        }
        for (int i = from; i < to; i++) {
            int r = original[i] * dims;
            for (int j = 0; j < dims; j++) {
                double v = x[r + j];
                lower[b + j] = Math.min(lower[b + j], v);
                upper[b + j] = Math.max(upper[b + j], v);
            }
        }
        if (2 * node + 1 >= nodes || to - from < 2) {
            leaf[node] = true;
            return;
        }
        int split = 0;
        for (int j = 1; j < dims; j++) {
            if (upper[b + j] - lower[b + j] > upper[b + split] - lower[b + split]) {
                split = j;
            }
        }
        int mid = from + (to - from) / 2;
        select(x, split, from, to - 1, mid);
        build(x, 2 * node + 1, from, mid);
        build(x, 2 * node + 2, mid, to);
    }

    /**
     * Reorders {@code original[lo..hi]} so that position {@code nth} holds the point whose
     * coordinate {@code dim} ranks there, none before it larger and none after it smaller
     * (Hoare's selection with a median-of-three pivot).
     */
    private void select(double[] x, int dim, int lo, int hi, int nth) {
        while (hi > lo) {
            int m = (lo + hi) >>> 1;
            double a = value(x, lo, dim);
            double b = value(x, m, dim);
            double c = value(x, hi, dim);
            double pivot = Math.max(Math.min(a, b), Math.min(Math.max(a, b), c));
            int i = lo;
            int j = hi;
            while (i <= j) {
                while (value(x, i, dim) < pivot) {
                    i++;
                }
                while (value(x, j, dim) > pivot) {
                    j--;
                }
                if (i <= j) {
                    int t = original[i];
                    original[i] = original[j];
                    original[j] = t;
                    i++;
                    j--;
                }
            }
            if (nth <= j) {
                hi = j;
            } else if (nth >= i) {
                lo = i;
            } else {
                return;
            }
        }
    }

    private double value(double[] x, int position, int dim) {
        return x[original[position] * dims + dim];
    }

    @Override
    void search(double[] q, int from, int to, int k, int[] index, double[] reduced) {
        TopK heap = new TopK(k);
        for (int i = from; i < to; i++) {
            int qo = i * dims;
            descend(0, q, qo, heap, minReduced(0, q, qo));
            heap.drain(index, reduced, i * k);
        }
    }

    private void descend(int node, double[] q, int qo, TopK heap, double bound) {
        if (bound > heap.worst()) {
            return;
        }
        if (leaf[node]) {
            for (int i = start[node]; i < end[node]; i++) {
                heap.offer(metric.reduced(q, qo, points, i * dims, dims), original[i]);
            }
            return;
        }
        int left = 2 * node + 1;
        int right = left + 1;
        double toLeft = minReduced(left, q, qo);
        double toRight = minReduced(right, q, qo);
        if (toLeft <= toRight) {
            descend(left, q, qo, heap, toLeft);
            descend(right, q, qo, heap, toRight);
        } else {
            descend(right, q, qo, heap, toRight);
            descend(left, q, qo, heap, toLeft);
        }
    }

    @Override
    void within(double[] q, int from, int to, double reducedRadius, IndexList out, int[] counts) {
        for (int i = from; i < to; i++) {
            int before = out.size();
            collect(0, q, i * dims, reducedRadius, out);
            out.sortFrom(before);
            counts[i] = out.size() - before;
        }
    }

    /** Every point of the node within the radius: all of them at once when the whole box is inside. */
    private void collect(int node, double[] q, int qo, double r, IndexList out) {
        if (minReduced(node, q, qo) > r) {
            return;
        }
        if (metric.fromBox(q, qo, lower, upper, node * dims, dims) <= r) {
            for (int i = start[node]; i < end[node]; i++) {
                out.add(original[i]);
            }
        } else if (leaf[node]) {
            for (int i = start[node]; i < end[node]; i++) {
                if (metric.reduced(q, qo, points, i * dims, dims) <= r) {
                    out.add(original[i]);
                }
            }
        } else {
            collect(2 * node + 1, q, qo, r, out);
            collect(2 * node + 2, q, qo, r, out);
        }
    }

    @Override
    double[] trainingPoints() {
        double[] out = new double[rows * dims];
        for (int i = 0; i < rows; i++) {
            System.arraycopy(points, i * dims, out, original[i] * dims, dims);
        }
        return out;
    }

    /** Counts node by node: a box inside the radius adds its size at once; stops at the cap. */
    @Override
    int[] countWithin(double[] q, int m, double reducedRadius, int cap) {
        int[] counts = new int[m];
        forEachQuery(m, i -> counts[i] = count(0, q, i * dims, reducedRadius, cap));
        return counts;
    }

    private int count(int node, double[] q, int qo, double r, int cap) {
        if (minReduced(node, q, qo) > r) {
            return 0;
        }
        if (metric.fromBox(q, qo, lower, upper, node * dims, dims) <= r) {
            return Math.min(cap, end[node] - start[node]);
        }
        if (leaf[node]) {
            int c = 0;
            for (int i = start[node]; i < end[node] && c < cap; i++) {
                if (metric.reduced(q, qo, points, i * dims, dims) <= r) {
                    c++;
                }
            }
            return c;
        }
        int c = count(2 * node + 1, q, qo, r, cap);
        return c >= cap ? c : c + count(2 * node + 2, q, qo, r, cap - c);
    }

    @Override
    void connectWithin(double reducedRadius, boolean[] members, UnionFind sets) {
        new Links(reducedRadius, members, sets).run();
    }

    /**
     * Joins members within the radius of each other, member by member in tree order, pruning by
     * what is already joined: a node all of whose members are known to share one set ("merged")
     * is skipped when that set is the member's own, and joined through one representative when
     * its box lies inside the radius. A node inside the radius becomes merged once its members
     * are joined; an inner node, once both children are merged into one set.
     */
    private final class Links {
        private final double r;
        private final boolean[] members;
        private final UnionFind sets;
        private final int[] representative;
        private final boolean[] merged;

        Links(double r, boolean[] members, UnionFind sets) {
            this.r = r;
            this.members = members;
            this.sets = sets;
            this.representative = new int[nodes];
            this.merged = new boolean[nodes];
            for (int node = nodes - 1; node >= 0; node--) {
                int first = -1;
                int count = 0;
                for (int i = start[node]; i < end[node]; i++) {
                    if (members[original[i]]) {
                        first = first < 0 ? original[i] : first;
                        count++;
                    }
                }
                representative[node] = first;
                merged[node] = count <= 1;
            }
        }

        void run() {
            for (int i = 0; i < rows; i++) {
                if (members[original[i]]) {
                    link(0, i, original[i]);
                }
            }
        }

        private void link(int node, int at, int member) {
            int rep = representative[node];
            if (rep < 0 || (merged[node] && sets.find(rep) == sets.find(member))
                    || metric.toBox(points, at * dims, lower, upper, node * dims, dims) > r) {
                return;
            }
            if (metric.fromBox(points, at * dims, lower, upper, node * dims, dims) <= r) {
                if (!merged[node]) {
                    for (int i = start[node]; i < end[node]; i++) {
                        if (members[original[i]]) {
                            sets.union(member, original[i]);
                        }
                    }
                    merged[node] = true;
                }
                sets.union(member, rep);
                return;
            }
            if (leaf[node]) {
                boolean one = true;
                for (int i = start[node]; i < end[node]; i++) {
                    int other = original[i];
                    if (members[other]) {
                        if (metric.reduced(points, at * dims, points, i * dims, dims) <= r) {
                            sets.union(member, other);
                        }
                        one &= sets.find(other) == sets.find(rep);
                    }
                }
                merged[node] = one;
                return;
            }
            int left = 2 * node + 1;
            int right = left + 1;
            link(left, at, member);
            link(right, at, member);
            merged[node] = joined(left) && joined(right)
                    && (representative[left] < 0 || representative[right] < 0
                    || sets.find(representative[left]) == sets.find(representative[right]));
        }

        private boolean joined(int node) {
            return representative[node] < 0 || merged[node];
        }
    }

    /** Finds the lowest label node by node, skipping nodes whose lowest label cannot improve on the best so far. */
    @Override
    int[] lowestLabelWithin(double[] q, int m, double reducedRadius, int[] labels) {
        int[] lowest = new int[nodes];
        for (int node = nodes - 1; node >= 0; node--) {
            if (leaf[node]) {
                int best = Integer.MAX_VALUE;
                for (int i = start[node]; i < end[node]; i++) {
                    int label = labels[original[i]];
                    best = label >= 0 ? Math.min(best, label) : best;
                }
                lowest[node] = best;
            } else {
                lowest[node] = Math.min(lowest[2 * node + 1], lowest[2 * node + 2]);
            }
        }
        int[] out = new int[m];
        forEachQuery(m, i -> {
            int best = lowest(0, q, i * dims, reducedRadius, labels, lowest, Integer.MAX_VALUE);
            out[i] = best == Integer.MAX_VALUE ? -1 : best;
        });
        return out;
    }

    private int lowest(int node, double[] q, int qo, double r, int[] labels, int[] lowest, int best) {
        if (lowest[node] >= best || minReduced(node, q, qo) > r) {
            return best;
        }
        if (metric.fromBox(q, qo, lower, upper, node * dims, dims) <= r) {
            return lowest[node];
        }
        if (leaf[node]) {
            for (int i = start[node]; i < end[node]; i++) {
                int label = labels[original[i]];
                if (label >= 0 && label < best && metric.reduced(q, qo, points, i * dims, dims) <= r) {
                    best = label;
                }
            }
            return best;
        }
        best = lowest(2 * node + 1, q, qo, r, labels, lowest, best);
        return lowest(2 * node + 2, q, qo, r, labels, lowest, best);
    }

    /** The reduced distance from the query to the node's bounding box: a lower bound for its points. */
    private double minReduced(int node, double[] q, int qo) {
        return metric.toBox(q, qo, lower, upper, node * dims, dims);
    }
}
