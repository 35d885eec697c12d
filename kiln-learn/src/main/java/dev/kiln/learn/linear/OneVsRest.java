package dev.kiln.learn.linear;

import dev.kiln.core.parallel.Parallelism;

/**
 * One binary problem per decision row of a {@link LinearClassifierModel}: for two classes the
 * second class against the first, otherwise each class against the rest. The problems are
 * independent, so they run in parallel; each gets its own index, and so its own random stream.
 */
final class OneVsRest {
    private OneVsRest() {
    }

    /** One binary solution: w, b and the iterations its solver took. */
    record Part(double[] coefficients, double intercept, int iterations) {
    }

    /** Solves problem k given its targets: +1 for the positive class, −1 for the others. */
    @FunctionalInterface
    interface BinarySolver {
        Part solve(int k, double[] signs);
    }

    /**
     * The solutions stacked as a model stores them.
     *
     * @param coefficients rows × p, row-major
     * @param intercepts   one per row
     * @param iterations   the most iterations any problem took (scikit-learn's {@code n_iter_})
     */
    record Fit(double[] coefficients, double[] intercepts, int iterations) {
    }

    static Fit fit(int[] codes, int classCount, int p, BinarySolver solver) {
        int rows = LinearClassifierModel.decisionRows(classCount);
        Part[] parts = new Part[rows];
        Parallelism.forEachPart(rows, k -> parts[k] = solver.solve(k, signs(codes, rows == 1 ? 1 : k)));
        double[] coefficients = new double[rows * p];
        double[] intercepts = new double[rows];
        int iterations = 0;
        for (int k = 0; k < rows; k++) {
            System.arraycopy(parts[k].coefficients(), 0, coefficients, k * p, p);
            intercepts[k] = parts[k].intercept();
            iterations = Math.max(iterations, parts[k].iterations());
        }
        return new Fit(coefficients, intercepts, iterations);
    }

    private static double[] signs(int[] codes, int positive) {
        double[] s = new double[codes.length];
        for (int i = 0; i < codes.length; i++) {
            s[i] = codes[i] == positive ? 1 : -1;
        }
        return s;
    }
}
