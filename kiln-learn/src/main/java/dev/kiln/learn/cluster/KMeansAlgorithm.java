package dev.kiln.learn.cluster;

/**
 * How the assignment step of Lloyd's iteration finds each row's nearest centre. Both give
 * Lloyd's iterates (up to rounding in exact ties); they differ in speed and memory.
 */
public enum KMeansAlgorithm {
    /**
     * scikit-learn's default: Lloyd's iteration, here with Hamerly's bounds ("Making k-means even
     * faster", SDM 2010) — one upper and one lower bound per row, O(n) extra memory — and GEMM
     * blocks for the rows the bounds cannot settle. Fastest for few centres.
     */
    LLOYD,
    /**
     * Elkan's bounds ("Using the Triangle Inequality to Accelerate k-Means", ICML 2003): a lower
     * bound per row and centre, O(n·k) extra memory; skips more distances when k is large.
     */
    ELKAN
}
