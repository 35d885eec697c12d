/**
 * Linear dimensionality reduction, checked against scikit-learn 1.2: principal component
 * analysis ({@link dev.kiln.learn.decompose.Pca}: exact through the covariance matrix or the
 * SVD, or randomized) and its batch-by-batch form
 * ({@link dev.kiln.learn.decompose.IncrementalPca}). Fitted forms save through
 * {@link dev.kiln.learn.decompose.DecomposeCodecs}.
 */
package dev.kiln.learn.decompose;
