package dev.kiln.learn.neighbors;

/**
 * Exact neighbour queries over fixed points under the Minkowski distance, for estimators that
 * need neighbourhoods rather than predictions (clustering, embedding quality): the k nearest
 * points of each query, as scikit-learn's {@code NearestNeighbors.kneighbors}, or every point
 * within a radius, as its {@code radius_neighbors} (distance ≤ radius). The k-d tree and brute
 * force give identical answers. Immutable and safe to query from many threads; it keeps the
 * points array it is given, which no one else may then change.
 */
public final class NeighborIndex {
    private final int rows;
    private final int dims;
    private final Minkowski metric;
    private final Algorithm algorithm;
    private final NeighborSearch search;

    private NeighborIndex(double[] points, int rows, int dims, Algorithm algorithm, int leafSize, double p) {
        this.rows = rows;
        this.dims = dims;
        this.metric = new Minkowski(p);
        this.algorithm = algorithm;
        this.search = NeighborSearch.build(algorithm, points, rows, dims, leafSize, metric);
    }

    /**
     * An index over the {@code rows x dims} row-major {@code points}.
     *
     * @param algorithm KD_TREE or BRUTE (resolve AUTO first with {@link Algorithm#resolve})
     * @param leafSize  the k-d tree's leaf size, ≥ 1
     * @param p         the Minkowski order, ≥ 1
     */
    public static NeighborIndex of(double[] points, int rows, int dims, Algorithm algorithm, int leafSize, double p) {
        if (rows < 1 || dims < 1 || points.length != (long) rows * dims) {
            throw new IllegalArgumentException(points.length + " values do not make " + rows + " rows of "
                    + dims + " features (both must be >= 1)");
        }
        if (algorithm == null || algorithm == Algorithm.AUTO) {
            throw new IllegalArgumentException("algorithm must be KD_TREE or BRUTE, got " + algorithm
                    + " (resolve AUTO with Algorithm.resolve first)");
        }
        SearchSettings.check(1, Weights.UNIFORM, algorithm, leafSize, p);
        return new NeighborIndex(points, rows, dims, algorithm, leafSize, p);
    }

    public Algorithm algorithm() {
        return algorithm;
    }

    public int rows() {
        return rows;
    }

    public int dims() {
        return dims;
    }

    /**
     * The {@code k} nearest indexed points of every row of the row-major {@code queries}, nearest
     * first, ties to the smaller index.
     */
    public Neighbors nearest(double[] queries, int k) {
        if (k < 1 || k > rows) {
            throw new IllegalArgumentException("k must be in [1, " + rows + "] (the indexed rows), got " + k);
        }
        NeighborSearch.Result r = search.query(queries, queryRows(queries), k);
        double[] distances = new double[r.reduced().length];
        for (int i = 0; i < distances.length; i++) {
            distances[i] = metric.distance(r.reduced()[i]);
        }
        return new Neighbors(k, r.index(), distances);
    }

    /** Every indexed point at distance ≤ {@code radius} from each row of the row-major {@code queries}. */
    public RadiusNeighbors withinRadius(double[] queries, double radius) {
        if (!(radius >= 0) || Double.isInfinite(radius)) {
            throw new IllegalArgumentException("radius must be a finite number >= 0, got " + radius);
        }
        return search.within(queries, queryRows(queries), metric.reduce(radius));
    }

    private int queryRows(double[] queries) {
        if (queries.length % dims != 0) {
            throw new IllegalArgumentException(queries.length + " query values do not make rows of " + dims + " features");
        }
        return queries.length / dims;
    }
}
