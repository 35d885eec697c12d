package dev.kiln.learn.neighbors;

/**
 * Exact neighbour queries over fixed points under the Minkowski distance, for estimators that
 * need neighbourhoods rather than predictions (clustering, embedding quality): the k nearest
 * points of each query, as scikit-learn's {@code NearestNeighbors.kneighbors}, or every point
 * within a radius, as its {@code radius_neighbors} (distance ≤ radius), and what density-based
 * clustering asks of radius neighbourhoods — capped counts, connected components, lowest labels —
 * which the k-d tree answers node by node without listing every neighbour. The k-d tree and
 * brute force give identical answers. Immutable and safe to query from many threads; it keeps the
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
        return search.within(queries, queryRows(queries), reduced(radius));
    }

    /**
     * How many indexed points lie within {@code radius} of each row of the row-major
     * {@code queries}, counting stopped at {@code cap} (≥ 1): enough to tell whether a row has
     * {@code cap} neighbours, and much cheaper than listing them where points are dense.
     */
    public int[] countWithinRadius(double[] queries, double radius, int cap) {
        if (cap < 1) {
            throw new IllegalArgumentException("cap must be >= 1, got " + cap);
        }
        return search.countWithin(queries, queryRows(queries), reduced(radius), cap);
    }

    /**
     * The connected components of the graph that joins two indexed points marked in
     * {@code members} when they lie within {@code radius} of each other: for each member, the
     * smallest member of its component; −1 for the other points.
     */
    public int[] componentsWithinRadius(double radius, boolean[] members) {
        if (members.length != rows) {
            throw new IllegalArgumentException(members.length + " member flags for " + rows + " indexed rows");
        }
        UnionFind sets = new UnionFind(rows);
        search.connectWithin(reduced(radius), members, sets);
        int[] out = new int[rows];
        for (int i = 0; i < rows; i++) {
            out[i] = members[i] ? sets.find(i) : -1;
        }
        return out;
    }

    /**
     * For each row of the row-major {@code queries}, the smallest non-negative
     * {@code labels[r]} among the indexed points r within {@code radius}, or −1 if none has one.
     */
    public int[] lowestLabelWithinRadius(double[] queries, double radius, int[] labels) {
        if (labels.length != rows) {
            throw new IllegalArgumentException(labels.length + " labels for " + rows + " indexed rows");
        }
        return search.lowestLabelWithin(queries, queryRows(queries), reduced(radius), labels);
    }

    private double reduced(double radius) {
        if (!(radius >= 0) || Double.isInfinite(radius)) {
            throw new IllegalArgumentException("radius must be a finite number >= 0, got " + radius);
        }
        return metric.reduce(radius);
    }

    private int queryRows(double[] queries) {
        if (queries.length % dims != 0) {
            throw new IllegalArgumentException(queries.length + " query values do not make rows of " + dims
                    + " features");
        }
        return queries.length / dims;
    }
}
