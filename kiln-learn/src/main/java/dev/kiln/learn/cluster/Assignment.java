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

    /** One assignment step, prepared against a set of centres. */
    interface Step {
        /**
         * Assigns the rows of part {@code part} (parts may run in parallel, in any order),
         * recording in {@code changes} each row whose cluster changed.
         */
        void part(int part, Changes changes);
    }

    /**
     * Prepares the step assigning every row to its nearest of {@code centres}. {@code shifts[j]}
     * is how far centre j moved since the previous step; null on the first step, which takes the
     * seeds' assignment where they have one (labels and distances) and otherwise computes every
     * distance.
     */
    abstract Step step(double[] centres, double[] shifts, Seeding.Seeds seeds);

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
