package dev.kiln.learn.neighbors;

import dev.kiln.core.parallel.Parallelism;

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
        int parts = parts(m);
        int[] counts = new int[m];
        IndexList[] found = new IndexList[parts];
        Parallelism.forEachPart(parts, part -> {
            IndexList list = new IndexList();
            within(q, from(part, parts, m), from(part + 1, parts, m), reducedRadius, list, counts);
            found[part] = list;
        });
        int[] offsets = new int[m + 1];
        long total = 0;
        for (int i = 0; i < m; i++) {
            total += counts[i];
            if (total > Integer.MAX_VALUE - 8) {
                throw new IllegalArgumentException("the radius takes in more than " + (Integer.MAX_VALUE - 8)
                        + " (query, point) pairs; use a smaller radius or fewer rows");
            }
            offsets[i + 1] = (int) total;
        }
        int[] indices = new int[(int) total];
        for (int part = 0; part < parts; part++) {
            found[part].copyTo(indices, offsets[from(part, parts, m)]);
        }
        return new RadiusNeighbors(offsets, indices);
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
}
