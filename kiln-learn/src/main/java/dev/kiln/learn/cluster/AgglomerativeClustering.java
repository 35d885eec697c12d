package dev.kiln.learn.cluster;

import dev.kiln.core.frame.Column;
import dev.kiln.core.frame.Frame;
import dev.kiln.core.linalg.Matrix;
import dev.kiln.core.model.Estimator;
import dev.kiln.learn.data.NumericInput;
import java.util.Objects;

/**
 * Agglomerative (bottom-up hierarchical) clustering as scikit-learn's
 * {@code AgglomerativeClustering} with Euclidean distances: starting from one cluster per row,
 * repeatedly merge the two nearest clusters under the {@link Linkage}, then cut the tree into
 * {@code nClusters} clusters, or where merges reach {@code distanceThreshold}. Ward, complete and
 * average linkage use the nearest-neighbour chain (Murtagh 1983, Müllner 2011): Ward's on the
 * cluster centroids (O(n²·d) time, O(n·d) memory), complete and average on the distance matrix
 * (O(n²) time and memory); single linkage grows a minimum spanning tree (O(n²·d) time, O(n)
 * memory). The tree is scipy's linkage matrix ({@link Dendrogram}), equal to
 * {@code scipy.cluster.hierarchy.linkage}'s; labels are scikit-learn's (for single linkage the
 * same partition, possibly numbered otherwise). The target, if given, is ignored.
 */
public final class AgglomerativeClustering implements Estimator<HierarchicalModel> {
    static final String WHO = "hierarchical";

    /**
     * The hyperparameters; {@link #defaults()} are scikit-learn 1.2's. Exactly one of
     * {@code nClusters} and {@code distanceThreshold} is given; the other is null.
     *
     * @param nClusters         how many clusters to cut the tree into, ≥ 1 (2)
     * @param linkage           how cluster distances are measured (WARD)
     * @param distanceThreshold cut instead where merges reach this height, ≥ 0 (null)
     */
    public record Params(Integer nClusters, Linkage linkage, Double distanceThreshold) {
        public Params {
            if ((nClusters == null) == (distanceThreshold == null)) {
                throw new IllegalArgumentException("exactly one of nClusters and distanceThreshold must be given, got "
                        + "nClusters = " + nClusters + " and distanceThreshold = " + distanceThreshold);
            }
            if (nClusters != null) {
                Checks.atLeast("nClusters", nClusters, 1);
            } else {
                Checks.nonNegative("distanceThreshold", distanceThreshold);
            }
            Checks.required("linkage", linkage, "WARD, COMPLETE, AVERAGE or SINGLE");
        }

        public static Params defaults() {
            return new Params(2, Linkage.WARD, null);
        }

        /** Cut into {@code nClusters} clusters. */
        public Params withClusters(int nClusters) {
            return new Params(nClusters, linkage, null);
        }

        /** Cut where merges reach {@code threshold}. */
        public Params withThreshold(double threshold) {
            return new Params(null, linkage, threshold);
        }

        public Params withLinkage(Linkage linkage) {
            return new Params(nClusters, linkage, distanceThreshold);
        }
    }

    private final Params params;

    public AgglomerativeClustering() {
        this(Params.defaults());
    }

    public AgglomerativeClustering(Params params) {
        this.params = Objects.requireNonNull(params, "params");
    }

    public Params params() {
        return params;
    }

    @Override
    public HierarchicalModel fit(Frame features, Column target) {
        Matrix m = NumericInput.features(features, WHO);
        int n = m.rows();
        int d = m.cols();
        double[] x = NumericInput.rowMajor(m);
        if (params.nClusters() != null) {
            Checks.clustersFit(WHO, params.nClusters(), n);
        }
        boolean matrix = params.linkage() == Linkage.COMPLETE || params.linkage() == Linkage.AVERAGE;
        if (matrix && n > DistanceMatrix.MAX_ROWS) {
            throw new IllegalArgumentException(WHO + ": " + params.linkage() + " linkage keeps all " + n + " x " + n
                    + " distances, more than a Java array holds above " + DistanceMatrix.MAX_ROWS
                    + " rows; use WARD or SINGLE linkage (O(n·d) memory) or a sample");
        }
        Merges merges = switch (params.linkage()) {
            case SINGLE -> SpanningTree.merges(x, n, d);
            case WARD -> NearestNeighborChain.merges(n, new WardCentroids(x, n, d));
            case COMPLETE, AVERAGE -> NearestNeighborChain.merges(n, new DistanceMatrix(x, n, d, params.linkage()));
        };
        return new HierarchicalModel(params, features.schema(), x, Dendrogram.of(n, merges));
    }
}
