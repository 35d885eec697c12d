package dev.kiln.learn.manifold;

/** The t-SNE cost KL(P‖Q) of an embedding and its gradient. */
interface Objective {

    /**
     * Writes the gradient at the row-major n×d embedding {@code y} into {@code grad} and returns
     * the divergence, or NaN when {@code computeError} is false and it was not computed.
     */
    double gradient(double[] y, double[] grad, boolean computeError);
}
