package dev.kiln.learn.cluster;

/**
 * How agglomerative clustering measures the distance between two clusters, in Euclidean space.
 * All four are reducible (Bruynooghe 1977), so nearest-neighbour chains find their merges.
 */
public enum Linkage {
    /**
     * Ward's minimum-variance criterion (Ward, JASA 1963): the increase in within-cluster sum of
     * squares, reported as scipy does, d(u, v) = √(2·|u|·|v| / (|u| + |v|))·‖ū − v̄‖.
     */
    WARD,
    /** The largest distance between a row of one cluster and a row of the other. */
    COMPLETE,
    /** The mean distance between the rows of one cluster and those of the other (UPGMA). */
    AVERAGE,
    /** The smallest distance between a row of one cluster and a row of the other. */
    SINGLE
}
