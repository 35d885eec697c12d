/**
 * Nonlinear embeddings, checked against scikit-learn 1.2: t-SNE ({@link dev.kiln.learn.manifold.Tsne},
 * exact or Barnes–Hut); the trustworthiness of an embedding is measured by
 * {@link dev.kiln.learn.quality.EmbeddingMetrics#trustworthiness}.
 */
package dev.kiln.learn.manifold;
