package dev.kiln.learn.neighbors;

import java.util.Arrays;

/**
 * The training rows within a radius of each query row, in increasing row order, stored
 * compactly: query i's neighbours are {@code index(i, 0)} to {@code index(i, count(i) - 1)}.
 * Immutable.
 */
public final class RadiusNeighbors {
    private final int[] offsets;
    private final int[] indices;

    RadiusNeighbors(int[] offsets, int[] indices) {
        this.offsets = offsets;
        this.indices = indices;
    }

    /** How many query rows. */
    public int rows() {
        return offsets.length - 1;
    }

    /** How many training rows lie within the radius of query row {@code row}. */
    public int count(int row) {
        return offsets[row + 1] - offsets[row];
    }

    /** The j-th (from 0, in increasing order) training row within the radius of query row {@code row}. */
    public int index(int row, int j) {
        return indices[offsets[row] + j];
    }

    /** The training rows within the radius of query row {@code row}, in increasing order. */
    public int[] indices(int row) {
        return Arrays.copyOfRange(indices, offsets[row], offsets[row + 1]);
    }

    /** The number of (query, training row) pairs within the radius. */
    public long total() {
        return indices.length;
    }
}
