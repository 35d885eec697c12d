package dev.kiln.learn.cluster;

/**
 * One restart of Lloyd's algorithm ("Least squares quantization in PCM", IEEE Trans.
 * Information Theory 1982), taken one assignment step at a time so that {@link LockstepLloyd}
 * can sweep the rows once for many restarts. It stops as scikit-learn does: when an assignment
 * step moves no row (strict convergence), when the centres moved by a total squared shift of at
 * most the tolerance, or after {@code maxIter} iterations; unless strictly converged, a last
 * assignment step makes the labels match the final centres.
 */
final class LloydRun {
    /** What a run ends with: centres (centred coordinates), labels, inertia and iterations. */
    record Outcome(double[] centres, int[] labels, double inertia, int iterations) {
    }

    private enum Phase { ITERATING, LAST_ASSIGNMENT, DONE }

    private final Points p;
    private final int k;
    private final int maxIter;
    private final double tolerance;
    private final Seeding.Seeds seeds;
    private final Assignment assignment;
    private final Changes changes;
    private final CentreSums sums;
    private double[] centres;
    private double[] next;
    private double[] shifts;
    private int iterations;
    private Phase phase = Phase.ITERATING;
    private Assignment.Step step;

    LloydRun(Points p, RowParts parts, Seeding.Seeds seeds, int k, int maxIter, double tolerance,
             KMeansAlgorithm algorithm) {
        this.p = p;
        this.k = k;
        this.maxIter = maxIter;
        this.tolerance = tolerance;
        this.seeds = seeds;
        this.assignment = algorithm == KMeansAlgorithm.ELKAN
                ? new ElkanAssignment(p, k, parts) : new HamerlyAssignment(p, k, parts);
        this.changes = new Changes(parts, p.n);
        this.sums = new CentreSums(p, k);
        this.centres = seeds.centres().clone();
        this.next = new double[centres.length];
    }

    boolean done() {
        return phase == Phase.DONE;
    }

    /** Prepares the coming assignment step. */
    void begin() {
        changes.clear();
        step = assignment.step(centres, shifts, seeds);
    }

    /** Assigns the rows of one part in the coming step. */
    void part(int part) {
        step.part(part, changes);
    }

    /** After the step: the centre update and the stopping rules, or the end after the last assignment. */
    void finish() {
        step = null;
        if (phase == Phase.LAST_ASSIGNMENT) {
            phase = Phase.DONE;
            return;
        }
        iterations++;
        sums.apply(changes, assignment.labels());
        boolean refilled = sums.fillEmpty(centres, assignment);
        sums.means(next);
        shifts = new double[k];
        double total = 0;
        for (int j = 0; j < k; j++) {
            double s = SquaredDistances.direct(centres, j * p.d, next, j * p.d, p.d);
            shifts[j] = Math.sqrt(s);
            total += s;
        }
        double[] previous = centres;
        centres = next;
        next = previous;
        if (changes.total() == 0 && !refilled) {
            phase = Phase.DONE;
        } else if (total <= tolerance || iterations == maxIter) {
            phase = Phase.LAST_ASSIGNMENT;
        }
    }

    Outcome outcome() {
        int[] labels = assignment.labels();
        return new Outcome(centres, labels.clone(), p.inertia(centres, labels), iterations);
    }
}
