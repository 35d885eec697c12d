/**
 * Clustering, estimated from first principles and checked against scikit-learn 1.2 and scipy:
 * k-means ({@link dev.kiln.learn.cluster.KMeans}; k-means++ seeds, Lloyd's iteration with
 * Hamerly's or Elkan's bounds) and mini-batch k-means
 * ({@link dev.kiln.learn.cluster.MiniBatchKMeans}), DBSCAN ({@link dev.kiln.learn.cluster.Dbscan})
 * and agglomerative clustering ({@link dev.kiln.learn.cluster.AgglomerativeClustering}; the
 * nearest-neighbour chain and a spanning tree, with scipy's {@link dev.kiln.learn.cluster.Dendrogram}).
 * Fitted models predict {@link dev.kiln.core.model.ClusterPrediction}s and save through
 * {@link dev.kiln.learn.cluster.ClusterModelCodecs}.
 */
package dev.kiln.learn.cluster;
