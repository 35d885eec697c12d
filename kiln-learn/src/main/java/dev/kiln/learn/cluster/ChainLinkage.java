package dev.kiln.learn.cluster;

/**
 * What the nearest-neighbour chain asks of a linkage: distances between live clusters, each
 * cluster's nearest live neighbour, and merging. Clusters live in slots 0 … n − 1, slot i
 * starting as row i; a merge kills the lower slot and keeps the union in the higher. The values
 * compared may be any increasing function of the linkage distance; {@link #height} turns one into
 * the height scipy reports.
 */
sealed interface ChainLinkage permits WardCentroids, DistanceMatrix {

    /** The value between live clusters x and y. */
    double between(int x, int y);

    /**
     * The live cluster nearest to live cluster x (other than x), as scipy's chain picks it: the
     * smallest value, ties to {@code preferred} (when ≥ 0 and tied), then to the lowest slot.
     * The value found is exactly {@link #between} of the two.
     */
    int nearest(int x, int preferred);

    /** Merges live clusters x &lt; y; slot y holds the union. */
    void merge(int x, int y);

    /** The merge height of a value. */
    double height(double value);
}
