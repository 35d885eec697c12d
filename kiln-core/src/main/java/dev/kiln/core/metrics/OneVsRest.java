package dev.kiln.core.metrics;

import java.util.function.ToDoubleBiFunction;
import java.util.stream.IntStream;

/**
 * Multiclass scores built from a binary score of (labels in {0, 1}, positive-class scores):
 * class c is positive against the rest, scored by its probability column.
 */
final class OneVsRest {
    private OneVsRest() {
    }

    /** The unweighted mean of the per-class scores. */
    static double macro(int[] yTrue, double[][] proba, ToDoubleBiFunction<int[], double[]> binary) {
        return IntStream.range(0, classes(yTrue, proba))
                .mapToDouble(c -> binary.applyAsDouble(indicator(yTrue, c), column(proba, c))).average().orElseThrow();
    }

    /** The mean of the per-class scores weighted by each class's count in yTrue. */
    static double weighted(int[] yTrue, double[][] proba, ToDoubleBiFunction<int[], double[]> binary) {
        int k = classes(yTrue, proba);
        double sum = 0;
        for (int c = 0; c < k; c++) {
            int[] y = indicator(yTrue, c);
            sum += IntStream.of(y).sum() * binary.applyAsDouble(y, column(proba, c));
        }
        return sum / yTrue.length;
    }

    /** The binary score of all n·k (indicator, probability) pairs at once, row by row. */
    static double pooled(int[] yTrue, double[][] proba, ToDoubleBiFunction<int[], double[]> binary) {
        int k = classes(yTrue, proba);
        int[] y = new int[yTrue.length * k];
        double[] scores = new double[y.length];
        for (int i = 0; i < yTrue.length; i++) {
            y[i * k + yTrue[i]] = 1;
            System.arraycopy(proba[i], 0, scores, i * k, k);
        }
        return binary.applyAsDouble(y, scores);
    }

    /** Checks the inputs, and that every class occurs in yTrue; returns the class count. */
    private static int classes(int[] yTrue, double[][] proba) {
        int k = Checks.probabilities(yTrue, proba);
        boolean[] seen = new boolean[k];
        for (int y : yTrue) {
            seen[y] = true;
        }
        for (int c = 0; c < k; c++) {
            if (!seen[c]) {
                throw new IllegalArgumentException("class " + c + " never occurs in yTrue; a one-vs-rest score over "
                        + k + " probability columns needs every class present");
            }
        }
        return k;
    }

    private static int[] indicator(int[] yTrue, int c) {
        return IntStream.of(yTrue).map(y -> y == c ? 1 : 0).toArray();
    }

    private static double[] column(double[][] proba, int c) {
        return IntStream.range(0, proba.length).mapToDouble(i -> proba[i][c]).toArray();
    }
}
