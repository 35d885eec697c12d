package dev.kiln.learn.cluster;

import dev.kiln.core.frame.Column;
import dev.kiln.core.frame.Frame;
import dev.kiln.core.linalg.Matrix;
import dev.kiln.core.model.Estimator;
import dev.kiln.learn.data.NumericInput;
import dev.kiln.learn.neighbors.Algorithm;
import dev.kiln.learn.neighbors.NeighborIndex;
import dev.kiln.learn.neighbors.Neighbors;
import java.util.Arrays;
import java.util.Objects;
import java.util.stream.IntStream;

/**
 * DBSCAN (Ester, Kriegel, Sander and Xu, "A Density-Based Algorithm for Discovering Clusters in
 * Large Spatial Databases with Noise", KDD 1996) as scikit-learn's {@code DBSCAN}: a row is a
 * core sample when at least {@code minSamples} rows, itself included, lie within {@code eps} of
 * it; clusters are the core samples linked through each other's neighbourhoods, together with
 * the rows within {@code eps} of them (border rows); every other row is noise, labelled −1.
 * Clusters are numbered in order of discovery, scanning rows in order from each unlabelled core
 * sample; a border row within reach of two clusters joins the first.
 *
 * <p>The labels are scikit-learn's, found without walking every neighbour pair: core samples
 * from neighbour counts that stop at minSamples; clusters as the connected components of core
 * samples within eps of each other, numbered by their first row (the order scikit-learn's
 * expansion discovers them in); each other row takes the smallest cluster among the core
 * samples within eps, which is the first expansion to reach it, or −1. The k-d tree answers each
 * step node by node ({@link NeighborIndex}); brute force lists neighbourhoods.
 * The target, if given, is ignored.
 */
public final class Dbscan implements Estimator<DbscanModel> {
    static final String WHO = "dbscan";
    /** scikit-learn's NearestNeighbors default, which its AUTO rule sees when DBSCAN builds one. */
    private static final int AUTO_NEIGHBORS = 5;

    /**
     * The hyperparameters; {@link #defaults()} are scikit-learn 1.2's.
     *
     * @param eps        the neighbourhood radius, > 0 (0.5)
     * @param minSamples rows within eps, the row itself included, that make a core sample, ≥ 1 (5)
     * @param algorithm  how neighbourhoods are found (AUTO: brute force above 15 features, else the k-d tree)
     * @param leafSize   the k-d tree's leaf size, ≥ 1 (30)
     * @param p          the Minkowski order of the distance, ≥ 1 (2: Euclidean)
     */
    public record Params(double eps, int minSamples, Algorithm algorithm, int leafSize, double p) {
        public Params {
            Checks.positive("eps", eps);
            Checks.atLeast("minSamples", minSamples, 1);
            Checks.required("algorithm", algorithm, "AUTO, KD_TREE or BRUTE");
            Checks.atLeast("leafSize", leafSize, 1);
            if (!(p >= 1) || Double.isInfinite(p)) {
                throw new IllegalArgumentException("p (the Minkowski order) must be a finite number >= 1, got " + p);
            }
        }

        public static Params defaults() {
            return new Params(0.5, 5, Algorithm.AUTO, 30, 2);
        }

        public Params withEps(double eps) {
            return new Params(eps, minSamples, algorithm, leafSize, p);
        }

        public Params withMinSamples(int minSamples) {
            return new Params(eps, minSamples, algorithm, leafSize, p);
        }
    }

    private final Params params;

    public Dbscan() {
        this(Params.defaults());
    }

    public Dbscan(Params params) {
        this.params = Objects.requireNonNull(params, "params");
    }

    public Params params() {
        return params;
    }

    @Override
    public DbscanModel fit(Frame features, Column target) {
        Matrix x = NumericInput.features(features, WHO);
        double[] rows = NumericInput.rowMajor(x);
        int n = x.rows();
        NeighborIndex index = index(rows, n, x.cols());
        int[] counts = index.countWithinRadius(rows, params.eps(), params.minSamples());
        boolean[] core = new boolean[n];
        for (int i = 0; i < n; i++) {
            core[i] = counts[i] >= params.minSamples();
        }
        int[] component = index.componentsWithinRadius(params.eps(), core);
        int[] labels = new int[n];
        int clusters = 0;
        for (int i = 0; i < n; i++) {
            labels[i] = !core[i] ? -1 : component[i] == i ? clusters++ : labels[component[i]];
        }
        assignBorders(index, rows, x.cols(), core, labels);
        int[] coreRows = IntStream.range(0, n).filter(i -> core[i]).toArray();
        return new DbscanModel(params, features.schema(), rows, labels, coreRows);
    }

    /** Each non-core row takes the smallest cluster among core samples within eps, or stays noise. */
    private void assignBorders(NeighborIndex index, double[] rows, int d, boolean[] core, int[] labels) {
        int others = 0;
        for (boolean c : core) {
            others += c ? 0 : 1;
        }
        int[] which = new int[others];
        double[] queries = new double[others * d];
        int o = 0;
        for (int i = 0; i < core.length; i++) {
            if (!core[i]) {
                System.arraycopy(rows, i * d, queries, o * d, d);
                which[o++] = i;
            }
        }
        int[] lowest = index.lowestLabelWithinRadius(queries, params.eps(), labels);
        for (int t = 0; t < others; t++) {
            labels[which[t]] = lowest[t];
        }
    }

    /**
     * Every row's distance to its k-th nearest row, counting the row itself as the first, sorted
     * from largest to smallest: the k-distance graph of Ester et al. for choosing eps. With
     * k = minSamples, a row is a core sample exactly when its k-distance is at most eps, so eps
     * is commonly set near the graph's knee.
     */
    public double[] kDistances(Frame features, int k) {
        Matrix x = NumericInput.features(features, WHO);
        if (k < 1 || k > x.rows()) {
            throw new IllegalArgumentException(WHO + ": k must be in [1, " + x.rows() + "] (the rows), got " + k);
        }
        double[] rows = NumericInput.rowMajor(x);
        Neighbors nearest = index(rows, x.rows(), x.cols()).nearest(rows, k);
        double[] out = new double[x.rows()];
        for (int i = 0; i < out.length; i++) {
            out[i] = -nearest.distance(i, k - 1);
        }
        Arrays.sort(out);
        for (int i = 0; i < out.length; i++) {
            out[i] = -out[i];
        }
        return out;
    }

    private NeighborIndex index(double[] rows, int n, int d) {
        Algorithm algorithm = params.algorithm().resolve(n, d, AUTO_NEIGHBORS);
        return NeighborIndex.of(rows, n, d, algorithm, params.leafSize(), params.p());
    }
}
