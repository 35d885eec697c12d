package dev.kiln.learn.neighbors;

import dev.kiln.core.parallel.Parallelism;

/**
 * An exact k-nearest-neighbour search over fixed training points. Queries are split into
 * fixed blocks searched in parallel; each query's answer depends only on the query, so results
 * are the same for any thread count.
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
        int threads = Parallelism.threads();
        int parts = threads == 1 ? 1 : Math.max(1, Math.min(4 * threads, m / MIN_PART));
        Parallelism.forEachPart(parts, part -> {
            int from = (int) ((long) part * m / parts);
            int to = (int) ((long) (part + 1) * m / parts);
            search(q, from, to, k, index, reduced);
        });
        return new Result(k, index, reduced);
    }

    /** Answers queries {@code from} to {@code to} (exclusive), writing their rows of the result. */
    abstract void search(double[] q, int from, int to, int k, int[] index, double[] reduced);
}
