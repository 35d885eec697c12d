/**
 * General-purpose numerical optimisers over a {@link dev.kiln.learn.optim.DifferentiableFunction}:
 * L-BFGS with a strong Wolfe line search ({@link dev.kiln.learn.optim.Lbfgs}) and its orthant-wise
 * variant for an added L1 term ({@link dev.kiln.learn.optim.OwlQn}).
 */
package dev.kiln.learn.optim;
