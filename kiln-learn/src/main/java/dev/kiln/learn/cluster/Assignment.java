package dev.kiln.learn.cluster;

import java.util.Arrays;

/**
 * The assignment step of Lloyd's iteration: every row to its nearest centre. Implementations
 * keep distance bounds between calls — always an upper bound on the distance from each row to
 * its centre — to skip rows whose nearest centre cannot have changed.
 */
abstract sealed class Assignment permits HamerlyAssignment, ElkanAssignment {
    final Points p;
    final int k;
    final RowParts parts;
    final int[] labels;
    final double[] upper;

    Assignment(Points p, int k, RowParts parts) {
        this.p = p;
        this.k = k;
        this.parts = parts;
        this.labels = new int[p.n];
        this.upper = new double[p.n];
        Arrays.fill(labels, -1);
    }

    /**
     * Assigns every row to its nearest of {@code centres}, recording in {@code changes} each row
     * whose cluster changed. {@code shifts[j]} is how far centre j moved since the previous call
     * (null on the first call, which computes every distance).
     */
    abstract void assign(double[] centres, double[] shifts, Changes changes);

    /**
     * The first assignment step, for centres chosen by {@link Seeding}: where the seeds already
     * assign the rows, their labels and distances are taken as they are.
     */
    abstract void assignFrom(Seeding.Seeds seeds, Changes changes);

    /** The current cluster of every row; owned by the assignment, not to be changed by callers. */
    int[] labels() {
        return labels;
    }

    /**
     * Moves row {@code row} to cluster {@code cluster}, whose centre is about to become that row
     * (an empty cluster relocated); its bounds are reset so the next call recomputes it.
     */
    void relocate(int row, int cluster) {
        labels[row] = cluster;
        upper[row] = Double.POSITIVE_INFINITY;
        forgetLower(row);
    }

    /** Sets row {@code row}'s lower bounds to 0. */
    abstract void forgetLower(int row);
}
