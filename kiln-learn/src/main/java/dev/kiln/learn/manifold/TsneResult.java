package dev.kiln.learn.manifold;

import dev.kiln.core.frame.Frame;

/**
 * What {@link Tsne#fitTransform} returns.
 *
 * @param embedding    one row per input row, columns tsne1, tsne2, …
 * @param klDivergence the Kullback–Leibler divergence KL(P‖Q) at the end (scikit-learn's
 *                     {@code kl_divergence_}; for Barnes–Hut, over the stored pairs of P)
 * @param iterations   how many gradient steps ran, early exaggeration included (scikit-learn's
 *                     {@code n_iter_} is the index of the last, one less)
 */
public record TsneResult(Frame embedding, double klDivergence, int iterations) {
}
