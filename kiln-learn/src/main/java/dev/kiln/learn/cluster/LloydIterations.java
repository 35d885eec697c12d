package dev.kiln.learn.cluster;

/**
 * One run of Lloyd's algorithm ("Least squares quantization in PCM", IEEE Trans. Information
 * Theory 1982) from given centres, with scikit-learn's stopping rules: stop when an assignment
 * step moves no row (strict convergence), or when the centres moved by a total squared shift of
 * at most the tolerance, or after {@code maxIter} iterations; unless strictly converged, a last
 * assignment step makes the labels match the final centres.
 */
final class LloydIterations {
    /** What a run ends with: centres (centred coordinates), labels, inertia and iterations. */
    record Outcome(double[] centres, int[] labels, double inertia, int iterations) {
    }

    private LloydIterations() {
    }

    static Outcome run(Points p, Seeding.Seeds seeds, int k, int maxIter, double tolerance, KMeansAlgorithm algorithm) {
        int d = p.d;
        RowParts parts = new RowParts(p.n);
        Assignment assignment = algorithm == KMeansAlgorithm.ELKAN
                ? new ElkanAssignment(p, k, parts) : new HamerlyAssignment(p, k, parts);
        Changes changes = new Changes(parts, p.n);
        CentreSums sums = new CentreSums(p, k);
        double[] centres = seeds.centres().clone();
        double[] next = new double[k * d];
        double[] shifts = null;
        boolean strict = false;
        int iterations = 0;
        while (iterations < maxIter) {
            changes.clear();
            if (shifts == null) {
                assignment.assignFrom(seeds, changes);
            } else {
                assignment.assign(centres, shifts, changes);
            }
            iterations++;
            sums.apply(changes, assignment.labels());
            boolean refilled = sums.fillEmpty(centres, assignment);
            sums.means(next);
            shifts = new double[k];
            double total = 0;
            for (int j = 0; j < k; j++) {
                double s = SquaredDistances.direct(centres, j * d, next, j * d, d);
                shifts[j] = Math.sqrt(s);
                total += s;
            }
            double[] previous = centres;
            centres = next;
            next = previous;
            if (changes.total() == 0 && !refilled) {
                strict = true;
                break;
            }
            if (total <= tolerance) {
                break;
            }
        }
        if (!strict) {
            changes.clear();
            assignment.assign(centres, shifts, changes);
        }
        int[] labels = assignment.labels();
        return new Outcome(centres, labels.clone(), inertia(p, parts, centres, labels), iterations);
    }

    /** Σ ‖x_i − c_{label i}‖², summed part by part. */
    static double inertia(Points p, RowParts parts, double[] centres, int[] labels) {
        double[] partial = new double[parts.count()];
        parts.forEach(part -> {
            double s = 0;
            for (int i = parts.from(part); i < parts.to(part); i++) {
                s += p.squaredDistance(i, centres, labels[i] * p.d);
            }
            partial[part] = s;
        });
        return RowParts.sum(partial);
    }
}
