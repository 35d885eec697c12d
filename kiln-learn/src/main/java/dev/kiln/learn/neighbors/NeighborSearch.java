package dev.kiln.learn.neighbors;

import dev.kiln.core.parallel.Parallelism;
import java.util.function.IntConsumer;

/**
 * An exact neighbour search over fixed training points: the k nearest, or all within a radius.
 * Queries are split into fixed blocks searched in parallel; each query's answer depends only on
 * the query, so results are the same for any thread count.
 */
abstract sealed class NeighborSearch permits KdTree, BruteForce {
    /** Queries per parallel part, below which splitting costs more than it saves. */
    private static final int MIN_PART = 32;

    final int rows;
    final int dims;
    final Minkowski metric;

    NeighborSearch(int rows, int dims, Minkowski metric) {
        this.rows = rows;
        this.dims = dims;
        this.metric = metric;
    }

    /** The search {@code algorithm} (KD_TREE or BRUTE) over the {@code rows x dims} row-major {@code x}. */
    static NeighborSearch build(Algorithm algorithm, double[] x, int rows, int dims, int leafSize, Minkowski metric) {
        return switch (algorithm) {
            case KD_TREE -> new KdTree(x, rows, dims, leafSize, metric);
            case BRUTE -> new BruteForce(x, rows, dims, metric);
            case AUTO -> throw new IllegalArgumentException("resolve AUTO before building a search");
        };
    }

    /**
     * The {@code k} nearest training points of each of the {@code m} row-major queries {@code q}:
     * {@code index[i * k + j]} is the j-th nearest of query i, {@code reduced[i * k + j]} its
     * reduced distance; nearest first, ties to the smaller training index.
     */
    record Result(int k, int[] index, double[] reduced) {
    }

    Result query(double[] q, int m, int k) {
        int[] index = new int[m * k];
        double[] reduced = new double[m * k];
        int parts = parts(m);
        Parallelism.forEachPart(parts, part -> {
            search(q, from(part, parts, m), from(part + 1, parts, m), k, index, reduced);
        });
        return new Result(k, index, reduced);
    }

    /**
     * The training points whose reduced distance to each of the {@code m} row-major queries
     * {@code q} is at most {@code reducedRadius}, in increasing index order per query.
     */
    RadiusNeighbors within(double[] q, int m, double reducedRadius) {
        int[] counts = new int[m];
        int[][] csr = collect(m, counts, (from, to, out) -> within(q, from, to, reducedRadius, out, counts));
        return new RadiusNeighbors(csr[0], csr[1]);
    }

    /** One part of a radius query: queries {@code from} to {@code to} (exclusive), appending to {@code out}. */
    private interface PartQuery {
        void run(int from, int to, IndexList out);
    }

    /**
     * Runs {@code query} over the {@code m} queries in parallel parts and joins what the parts
     * appended, query after query, {@code lengths[i]} values for query i: returns the offsets
     * (m + 1 of them) and the values.
     */
    private static int[][] collect(int m, int[] lengths, PartQuery query) {
        int parts = parts(m);
        IndexList[] found = new IndexList[parts];
        Parallelism.forEachPart(parts, part -> {
            IndexList list = new IndexList();
            query.run(from(part, parts, m), from(part + 1, parts, m), list);
            found[part] = list;
        });
        int[] offsets = new int[m + 1];
        long total = 0;
        for (int i = 0; i < m; i++) {
            total += lengths[i];
            if (total > Integer.MAX_VALUE - 8) {
                throw new IllegalArgumentException("the radius takes in more than " + (Integer.MAX_VALUE - 8)
                        + " (query, point) pairs; use a smaller radius or fewer rows");
            }
            offsets[i + 1] = (int) total;
        }
        int[] values = new int[(int) total];
        for (int part = 0; part < parts; part++) {
            found[part].copyTo(values, offsets[from(part, parts, m)]);
        }
        return new int[][] {offsets, values};
    }

    /** Runs {@code query.accept(i)} for each of {@code m} queries, in parallel parts. */
    static void forEachQuery(int m, IntConsumer query) {
        int parts = parts(m);
        Parallelism.forEachPart(parts, part -> {
            for (int i = from(part, parts, m); i < from(part + 1, parts, m); i++) {
                query.accept(i);
            }
        });
    }

    private static int parts(int m) {
        int threads = Parallelism.threads();
        return threads == 1 ? 1 : Math.max(1, Math.min(4 * threads, m / MIN_PART));
    }

    private static int from(int part, int parts, int m) {
        return (int) ((long) part * m / parts);
    }

    /** Answers queries {@code from} to {@code to} (exclusive), writing their rows of the result. */
    abstract void search(double[] q, int from, int to, int k, int[] index, double[] reduced);

    /**
     * Appends to {@code out}, query after query from {@code from} to {@code to} (exclusive), the
     * training points within {@code reducedRadius} in increasing order, and sets {@code counts[i]}.
     */
    abstract void within(double[] q, int from, int to, double reducedRadius, IndexList out, int[] counts);

    /**
     * How many training points lie within {@code reducedRadius} of each of the {@code m}
     * row-major queries, counting stopped at {@code cap}.
     */
    int[] countWithin(double[] q, int m, double reducedRadius, int cap) {
        RadiusNeighbors found = within(q, m, reducedRadius);
        int[] counts = new int[m];
        for (int i = 0; i < m; i++) {
            counts[i] = Math.min(cap, found.count(i));
        }
        return counts;
    }

    /**
     * Joins in {@code sets} every pair of training points marked in {@code members} that lie
     * within {@code reducedRadius} of each other.
     */
    void connectWithin(double reducedRadius, boolean[] members, UnionFind sets) {
        RadiusNeighbors found = within(trainingPoints(), rows, reducedRadius);
        for (int i = 0; i < rows; i++) {
            if (members[i]) {
                for (int j = 0; j < found.count(i); j++) {
                    if (members[found.index(i, j)]) {
                        sets.union(i, found.index(i, j));
                    }
                }
            }
        }
    }

    /**
     * For each of the {@code m} row-major queries, the smallest non-negative {@code labels[r]}
     * of a training point r within {@code reducedRadius}, or −1 when there is none.
     */
    int[] lowestLabelWithin(double[] q, int m, double reducedRadius, int[] labels) {
        RadiusNeighbors found = within(q, m, reducedRadius);
        int[] out = new int[m];
        for (int i = 0; i < m; i++) {
            int best = Integer.MAX_VALUE;
            for (int j = 0; j < found.count(i); j++) {
                int label = labels[found.index(i, j)];
                if (label >= 0) {
                    best = Math.min(best, label);
                }
            }
            out[i] = best == Integer.MAX_VALUE ? -1 : best;
        }
        return out;
    }

    /** The training points, row-major, in their original order. */
    abstract double[] trainingPoints();
}
