package dev.kiln.learn.neighbors;

/** How the nearest neighbours are found. Every algorithm returns exactly the same neighbours. */
public enum Algorithm {
    /**
     * scikit-learn 1.2's rule: brute force when the data has more than 15 features or
     * k ≥ ⌊n / 2⌋ for n training rows (a tree prunes little then), the k-d tree otherwise.
     */
    AUTO,
    /** A k-d tree with median splits, as scikit-learn's {@code KDTree}. */
    KD_TREE,
    /** Every training point, with Euclidean distances in GEMM blocks. */
    BRUTE;

    /** The algorithm this one stands for with {@code rows} training rows of {@code dims} features and k neighbours. */
    public Algorithm resolve(int rows, int dims, int k) {
        if (this != AUTO) {
            return this;
        }
        return dims > 15 || k >= rows / 2 ? BRUTE : KD_TREE;
    }
}
