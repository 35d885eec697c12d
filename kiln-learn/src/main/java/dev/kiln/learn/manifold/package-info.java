/**
 * Nonlinear embeddings, checked against scikit-learn 1.2: t-SNE ({@link dev.kiln.learn.manifold.Tsne},
 * exact or Barnes–Hut) and the trustworthiness of an embedding
 * ({@link dev.kiln.learn.manifold.Trustworthiness}).
 */
package dev.kiln.learn.manifold;
