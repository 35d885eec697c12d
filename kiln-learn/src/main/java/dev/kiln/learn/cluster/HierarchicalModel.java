package dev.kiln.learn.cluster;

import dev.kiln.core.frame.Frame;
import dev.kiln.core.frame.Schema;
import dev.kiln.core.linalg.Matrix;
import dev.kiln.core.model.ClusterPrediction;
import dev.kiln.core.model.Model;
import dev.kiln.learn.data.NumericInput;
import dev.kiln.learn.neighbors.Algorithm;
import dev.kiln.learn.neighbors.NeighborIndex;
import dev.kiln.learn.neighbors.Neighbors;

/**
 * A fitted {@link AgglomerativeClustering}: the dendrogram, the cut's clusters of the training
 * rows, and the training rows themselves.
 *
 * <p>scikit-learn's agglomerative clustering cannot predict new rows; this model can: a row
 * takes the cluster of its nearest training row (ties to the first), a 1-nearest-neighbour rule
 * on the training clusters.
 */
public final class HierarchicalModel implements Model<ClusterPrediction> {
    private final AgglomerativeClustering.Params params;
    private final Schema inputSchema;
    private final double[] points;
    private final Dendrogram tree;
    private final int clusters;
    private final int[] labels;
    private final NeighborIndex index;

    HierarchicalModel(AgglomerativeClustering.Params params, Schema inputSchema, double[] points, Dendrogram tree) {
        int d = inputSchema.size();
        int n = tree.leaves();
        if (points.length != (long) n * d) {
            throw new IllegalArgumentException(AgglomerativeClustering.WHO + ": " + points.length
                    + " values do not make the " + n + " rows of " + d + " features the tree joins");
        }
        this.params = params;
        this.inputSchema = inputSchema;
        this.points = points.clone();
        this.tree = tree;
        this.clusters = params.nClusters() != null ? params.nClusters() : tree.clustersAt(params.distanceThreshold());
        this.labels = tree.cut(clusters);
        this.index = NeighborIndex.of(this.points, n, d, Algorithm.AUTO.resolve(n, d, 1), 30, 2);
    }

    public AgglomerativeClustering.Params params() {
        return params;
    }

    /** The merge tree. */
    public Dendrogram dendrogram() {
        return tree;
    }

    /** How many clusters the cut made (nClusters, or as many as the distance threshold leaves). */
    public int nClusters() {
        return clusters;
    }

    /** The cluster of every training row. */
    public int[] labels() {
        return labels.clone();
    }

    /** The training rows, one per row. */
    public Matrix trainingPoints() {
        return Matrix.wrap(tree.leaves(), inputSchema.size(), points.clone());
    }

    /** The cluster of each row's nearest training row (see the class comment). */
    @Override
    public ClusterPrediction predict(Frame features) {
        Matrix x = NumericInput.completeFeaturesFor(inputSchema, features, AgglomerativeClustering.WHO);
        int[] out = new int[x.rows()];
        if (x.rows() > 0) {
            Neighbors nearest = index.nearest(NumericInput.rowMajor(x), 1);
            for (int i = 0; i < out.length; i++) {
                out[i] = labels[nearest.index(i, 0)];
            }
        }
        return new ClusterPrediction(out);
    }

    @Override
    public Schema inputSchema() {
        return inputSchema;
    }
}
