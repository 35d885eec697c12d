package dev.kiln.learn.neighbors;

import dev.kiln.core.frame.Frame;
import dev.kiln.core.frame.Schema;
import dev.kiln.core.linalg.Matrix;
import dev.kiln.learn.data.NumericInput;
import java.util.Arrays;

/**
 * What the k-nearest-neighbour models share: the training points, the search over them, and
 * how a query's neighbours are weighted. Immutable once built; it keeps the points array it is
 * given, which no one else may then change.
 */
final class NeighborSet {
    private final String who;
    private final Schema schema;
    private final double[] points;
    private final int rows;
    private final int dims;
    private final int k;
    private final Weights weights;
    private final Minkowski metric;
    private final Algorithm algorithm;
    private final NeighborSearch search;

    NeighborSet(String who, Schema schema, double[] points, int rows, int k, Weights weights, Algorithm algorithm,
                int leafSize, double p) {
        if (rows < 1 || points.length != (long) rows * schema.size()) {
            throw new IllegalArgumentException(who + ": " + points.length + " values do not make " + rows
                    + " rows of " + schema.size() + " features");
        }
        if (k > rows) {
            throw new IllegalArgumentException(who + ": nNeighbors = " + k + " exceeds the " + rows
                    + " training rows; use at most " + rows);
        }
        this.who = who;
        this.schema = schema;
        this.points = points;
        this.rows = rows;
        this.dims = schema.size();
        this.k = k;
        this.weights = weights;
        this.metric = new Minkowski(p);
        this.algorithm = algorithm.resolve(rows, dims, k);
        this.search = NeighborSearch.build(this.algorithm, this.points, rows, dims, leafSize, metric);
    }

    Algorithm algorithm() {
        return algorithm;
    }

    int k() {
        return k;
    }

    int rows() {
        return rows;
    }

    double[] points() {
        return points.clone();
    }

    /** The neighbours of every row of {@code features}, with reduced distances. */
    NeighborSearch.Result query(Frame features) {
        Matrix q = NumericInput.completeFeaturesFor(schema, features, who);
        return search.query(NumericInput.rowMajor(q), q.rows(), k);
    }

    Neighbors neighbors(NeighborSearch.Result r) {
        double[] distances = new double[r.reduced().length];
        for (int i = 0; i < distances.length; i++) {
            distances[i] = metric.distance(r.reduced()[i]);
        }
        return new Neighbors(k, r.index(), distances);
    }

    /** The weights of query {@code row}'s k neighbours, written into {@code out}. */
    void weights(NeighborSearch.Result r, int row, double[] out) {
        if (weights == Weights.UNIFORM) {
            Arrays.fill(out, 0, k, 1.0);
            return;
        }
        double[] reduced = r.reduced();
        boolean coincident = false;
        for (int j = 0; j < k; j++) {
            coincident |= reduced[row * k + j] == 0;
        }
        for (int j = 0; j < k; j++) {
            double d = reduced[row * k + j];
            out[j] = coincident ? (d == 0 ? 1.0 : 0.0) : 1.0 / metric.distance(d);
        }
    }
}
