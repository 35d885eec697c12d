/**
 * Feature selection: {@link dev.kiln.learn.select.VarianceThreshold},
 * {@link dev.kiln.learn.select.SelectKBest} with scikit-learn's univariate scores
 * ({@link dev.kiln.learn.select.ScoreFunction}), and recursive elimination
 * ({@link dev.kiln.learn.select.Rfe}). Selectors keep their columns' names; a column they
 * remove is no longer an output.
 */
package dev.kiln.learn.select;
