/**
 * Quality measures for unsupervised results, as scikit-learn 1.2 computes them: clusterings
 * against the data or against other labelings ({@link dev.kiln.learn.quality.ClusterMetrics}),
 * and embeddings against the data they came from ({@link dev.kiln.learn.quality.EmbeddingMetrics}).
 */
package dev.kiln.learn.quality;
