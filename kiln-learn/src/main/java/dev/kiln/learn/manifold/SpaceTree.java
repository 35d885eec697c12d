package dev.kiln.learn.manifold;

import java.util.Arrays;

/**
 * A quadtree (two dimensions) or octree (three), or its analogue in d ≤ 3 dimensions, over the
 * points of an embedding, in flat arrays. The bounding box is cut into a grid of 2^B cells a
 * side (B = 31 in the plane, 21 in space, 48 on a line); points are sorted by the Morton code of
 * their grid cell (a stable radix sort), which puts every cell of the tree, at every level, on a
 * contiguous run of the sorted points: a cell splits at its centre into 2^d orthants, empty ones
 * are not stored, and a cell's children sit next to each other. A cell stops splitting when it
 * holds one point or only points of one grid cell (copies of a point, or points closer than
 * 2^−B of the box), which are then summed one by one; a cell whose points all fall in one
 * orthant is replaced by that orthant, so chains of single children are never walked. Each
 * cell keeps its squared longest side, its count and its centre of mass (from its children's,
 * bottom up).
 *
 * <p>{@link #repulsion} walks the tree for one point as in Barnes–Hut t-SNE (van der Maaten
 * 2014, §4.2): a cell that does not hold the point, and whose longest side is less than θ times
 * the distance to its centre of mass, stands in for all its points; leaves are summed point by
 * point, leaving the point itself out. With θ = 0 every pair is summed exactly.
 */
final class SpaceTree {
    private static final int FIRST = 0;
    private static final int CHILDREN = 1;
    private static final int START = 2;
    private static final int COUNT = 3;
    private static final int LINKS = 4;

    private final int d;
    private final int bits;
    private final int[] order;
    private final int[] position;
    private final double[] points;
    private final long[] codes;
    /** Per cell: first child (−1 for a leaf), number of children, first point, number of points. */
    private int[] link;
    /** Per cell: centre of mass (d values), squared longest side. */
    private double[] geometry;
    private int cells;

    private SpaceTree(double[] y, int n, int d) {
        this.d = d;
        this.bits = d == 1 ? 48 : 63 / d;
        double[] lower = new double[d];
        double[] width = new double[d];
        Arrays.fill(lower, Double.POSITIVE_INFINITY);
        double[] upper = new double[d];
        Arrays.fill(upper, Double.NEGATIVE_INFINITY);
        for (int i = 0; i < n; i++) {
            for (int a = 0; a < d; a++) {
                lower[a] = Math.min(lower[a], y[i * d + a]);
                upper[a] = Math.max(upper[a], y[i * d + a]);
            }
        }
        double longest = 0;
        for (int a = 0; a < d; a++) {
            width[a] = upper[a] - lower[a];
            longest = Math.max(longest, width[a]);
        }
        long[] key = new long[n];
        for (int i = 0; i < n; i++) {
            key[i] = morton(y, i, lower, width);
        }
        this.order = new int[n];
        this.codes = new long[n];
        sortByCode(key, order, codes);
        this.position = new int[n];
        this.points = new double[n * d];
        for (int t = 0; t < n; t++) {
            position[order[t]] = t;
            System.arraycopy(y, order[t] * d, points, t * d, d);
        }
        int capacity = 2 * n + 1;
        link = new int[capacity * LINKS];
        geometry = new double[capacity * (d + 1)];
        cells = 1;
        build(0, 0, n, 0, longest * longest);
    }

    /** The tree over the row-major n×d {@code y}. */
    static SpaceTree build(double[] y, int n, int d) {
        return new SpaceTree(y, n, d);
    }

    /** The row at position {@code t} of the tree's order, in which every cell's points are contiguous. */
    int row(int t) {
        return order[t];
    }

    /** A work stack large enough for {@link #repulsion}. */
    int[] newStack() {
        return new int[bits * (1 << d) + 1];
    }

    /** The grid cell of point i, its d coordinates' bits interleaved, most significant level first. */
    private long morton(double[] y, int i, double[] lower, double[] width) {
        long cellsPerSide = 1L << bits;
        long code = 0;
        for (int a = 0; a < d; a++) {
            long q = width[a] > 0 ? (long) ((y[i * d + a] - lower[a]) / width[a] * cellsPerSide) : 0;
            q = Math.min(q, cellsPerSide - 1);
            for (int b = 0; b < bits; b++) {
                code |= ((q >>> b) & 1L) << (b * d + a);
            }
        }
        return code;
    }

    /** Sorts 0 … n−1 by {@code key} into {@code order}, stably (least significant byte first), with the sorted keys in {@code sorted}. */
    private static void sortByCode(long[] key, int[] order, long[] sorted) {
        int n = key.length;
        int[] from = new int[n];
        for (int i = 0; i < n; i++) {
            from[i] = i;
        }
        int[] to = new int[n];
        int[] counts = new int[257];
        for (int shift = 0; shift < 64; shift += 8) {
            Arrays.fill(counts, 0);
            for (int i : from) {
                counts[(int) ((key[i] >>> shift) & 0xFF) + 1]++;
            }
            if (counts[(int) ((key[from[0]] >>> shift) & 0xFF) + 1] == n) {
                continue;
            }
            for (int b = 0; b < 256; b++) {
                counts[b + 1] += counts[b];
            }
            for (int i : from) {
                to[counts[(int) ((key[i] >>> shift) & 0xFF)]++] = i;
            }
            int[] swap = from;
            from = to;
            to = swap;
        }
        System.arraycopy(from, 0, order, 0, n);
        for (int t = 0; t < n; t++) {
            sorted[t] = key[order[t]];
        }
    }

    /** Fills cell {@code cell} over sorted points [from, to) at {@code level}, with squared longest side {@code side2}. */
    private void build(int cell, int from, int to, int level, double side2) {
        int l0 = cell * LINKS;
        int g0 = cell * (d + 1);
        link[l0 + START] = from;
        link[l0 + COUNT] = to - from;
        geometry[g0 + d] = side2;
        if (to - from == 1 || level == bits || codes[from] == codes[to - 1]) {
            link[l0 + FIRST] = -1;
            for (int t = from; t < to; t++) {
                for (int a = 0; a < d; a++) {
                    geometry[g0 + a] += points[t * d + a];
                }
            }
            for (int a = 0; a < d; a++) {
                geometry[g0 + a] /= to - from;
            }
            return;
        }
        int shift = (bits - 1 - level) * d;
        int mask = (1 << d) - 1;
        int children = 0;
        for (int t = from; t < to; t++) {
            if (t == from || ((codes[t] >>> shift) & mask) != ((codes[t - 1] >>> shift) & mask)) {
                children++;
            }
        }
        if (children == 1) {
            build(cell, from, to, level + 1, side2 / 4);
            return;
        }
        ensureCapacity(cells + children);
        int first = cells;
        cells += children;
        link[l0 + FIRST] = first;
        link[l0 + CHILDREN] = children;
        int child = first;
        int begin = from;
        for (int t = from + 1; t <= to; t++) {
            if (t == to || ((codes[t] >>> shift) & mask) != ((codes[begin] >>> shift) & mask)) {
                build(child++, begin, t, level + 1, side2 / 4);
                begin = t;
            }
        }
        for (int c = first; c < first + children; c++) {
            double m = link[c * LINKS + COUNT];
            for (int a = 0; a < d; a++) {
                geometry[g0 + a] += m * geometry[c * (d + 1) + a];
            }
        }
        for (int a = 0; a < d; a++) {
            geometry[g0 + a] /= to - from;
        }
    }

    private void ensureCapacity(int needed) {
        if (needed * LINKS <= link.length) {
            return;
        }
        int grown = Math.max(needed, 2 * (link.length / LINKS));
        link = Arrays.copyOf(link, grown * LINKS);
        geometry = Arrays.copyOf(geometry, grown * (d + 1));
    }

    /**
     * The repulsion on point {@code i} of the row-major {@code y} the tree was built on: adds
     * Σ_j w_ij·u_ij·(y_i − y_j) into {@code force} and returns Σ_j w_ij, over j ≠ i, with cells
     * summarised as the class comment says. The children of an opened cell are judged as soon as
     * it is opened, and only those that must be opened in turn go on the stack; a leaf of one
     * point is summarised like a cell, which gives the same numbers as summing it.
     *
     * @param theta2 θ², the squared opening angle
     * @param stack  a stack from {@link #newStack}
     */
    double repulsion(double[] y, int i, double theta2, StudentT kernel, double[] force, int[] stack) {
        if (d == 2 && kernel.alpha() == 1) {
            return repulsionPlane(y, i, theta2, force, stack);
        }
        int yi = i * d;
        int self = position[i];
        double z = 0;
        int top = 0;
        stack[top++] = 0;
        while (top > 0) {
            int cell = stack[--top];
            int first = link[cell * LINKS + FIRST];
            int last = first < 0 ? cell + 1 : first + link[cell * LINKS + CHILDREN];
            for (int c = first < 0 ? cell : first; c < last; c++) {
                int l0 = c * LINKS;
                int g0 = c * (d + 1);
                int start = link[l0 + START];
                int count = link[l0 + COUNT];
                boolean leaf = link[l0 + FIRST] < 0;
                boolean holdsSelf = self >= start && self < start + count;
                double d2 = 0;
                for (int a = 0; a < d; a++) {
                    double diff = y[yi + a] - geometry[g0 + a];
                    d2 += diff * diff;
                }
                if (!holdsSelf && (leaf && count == 1 || geometry[g0 + d] < theta2 * d2)) {
                    z += interact(y, yi, geometry, g0, count, kernel, force);
                } else if (leaf) {
                    for (int t = start; t < start + count; t++) {
                        if (t != self) {
                            z += interact(y, yi, points, t * d, 1, kernel, force);
                        }
                    }
                } else {
                    stack[top++] = c;
                }
            }
        }
        return z;
    }

    /**
     * {@link #repulsion} for the common case, a plane and α = 1 (w = u = 1/(1 + d²)), with the
     * coordinates in locals.
     */
    private double repulsionPlane(double[] y, int i, double theta2, double[] force, int[] stack) {
        double qx = y[2 * i];
        double qy = y[2 * i + 1];
        int self = position[i];
        double fx = 0;
        double fy = 0;
        double z = 0;
        int top = 0;
        stack[top++] = 0;
        while (top > 0) {
            int cell = stack[--top];
            int first = link[cell * LINKS + FIRST];
            int last = first < 0 ? cell + 1 : first + link[cell * LINKS + CHILDREN];
            for (int c = first < 0 ? cell : first; c < last; c++) {
                int l0 = c * LINKS;
                int start = link[l0 + START];
                int count = link[l0 + COUNT];
                boolean leaf = link[l0 + FIRST] < 0;
                boolean holdsSelf = self >= start && self < start + count;
                double dx = qx - geometry[3 * c];
                double dy = qy - geometry[3 * c + 1];
                double d2 = dx * dx + dy * dy;
                if (!holdsSelf && (leaf && count == 1 || geometry[3 * c + 2] < theta2 * d2)) {
                    double w = 1 / (1 + d2);
                    double mw = count * w;
                    z += mw;
                    fx += mw * w * dx;
                    fy += mw * w * dy;
                } else if (leaf) {
                    for (int t = start; t < start + count; t++) {
                        if (t != self) {
                            double px = qx - points[2 * t];
                            double py = qy - points[2 * t + 1];
                            double w = 1 / (1 + (px * px + py * py));
                            z += w;
                            fx += w * w * px;
                            fy += w * w * py;
                        }
                    }
                } else {
                    stack[top++] = c;
                }
            }
        }
        force[0] += fx;
        force[1] += fy;
        return z;
    }

    /** Adds m·w·u·(y_i − x) into force for m points at x, and returns m·w. */
    private double interact(double[] y, int yi, double[] x, int xo, int m, StudentT kernel, double[] force) {
        double d2 = 0;
        for (int a = 0; a < d; a++) {
            double diff = y[yi + a] - x[xo + a];
            d2 += diff * diff;
        }
        double u = kernel.inverse(d2);
        double w = m * kernel.similarity(u);
        double f = w * u;
        for (int a = 0; a < d; a++) {
            force[a] += f * (y[yi + a] - x[xo + a]);
        }
        return w;
    }
}
