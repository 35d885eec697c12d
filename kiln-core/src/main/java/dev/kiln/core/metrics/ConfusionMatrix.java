package dev.kiln.core.metrics;

import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;

/**
 * An immutable k × k table of counts: row = true class, column = predicted class, as
 * scikit-learn's {@code confusion_matrix}.
 */
public final class ConfusionMatrix {
    private static final String CORNER = "true\\pred";

    private final int[][] counts;
    private final int[] trueTotals;
    private final int[] predictedTotals;
    private final int total;

    private ConfusionMatrix(int[][] counts) {
        int k = counts.length;
        this.counts = counts;
        this.trueTotals = new int[k];
        this.predictedTotals = new int[k];
        for (int t = 0; t < k; t++) {
            for (int p = 0; p < k; p++) {
                trueTotals[t] += counts[t][p];
                predictedTotals[p] += counts[t][p];
            }
        }
        this.total = Arrays.stream(trueTotals).sum();
    }

    /** The matrix over classes 0..m, where m is the largest label in either array. */
    public static ConfusionMatrix of(int[] yTrue, int[] yPred) {
        return of(yTrue, yPred, Checks.pairedLabels(yTrue, yPred));
    }

    /** The matrix over classes 0..numClasses−1; a label outside that range is an error. */
    public static ConfusionMatrix of(int[] yTrue, int[] yPred, int numClasses) {
        Checks.pairedLabels(yTrue, yPred);
        Checks.labels("yTrue", yTrue, numClasses);
        Checks.labels("yPred", yPred, numClasses);
        int[][] counts = new int[numClasses][numClasses];
        for (int i = 0; i < yTrue.length; i++) {
            counts[yTrue[i]][yPred[i]]++;
        }
        return new ConfusionMatrix(counts);
    }

    public int numClasses() {
        return counts.length;
    }

    /** How many samples of class {@code trueClass} were predicted as {@code predictedClass}. */
    public int count(int trueClass, int predictedClass) {
        return counts[trueClass][predictedClass];
    }

    /** A copy of the counts. */
    public int[][] counts() {
        return Arrays.stream(counts).map(int[]::clone).toArray(int[][]::new);
    }

    /** Row sums: how many samples truly belong to each class (the class's support). */
    public int[] trueTotals() {
        return trueTotals.clone();
    }

    /** How many samples truly belong to class {@code c}. */
    public int trueTotal(int c) {
        return trueTotals[c];
    }

    /** Column sums: how many samples were predicted as each class. */
    public int[] predictedTotals() {
        return predictedTotals.clone();
    }

    /** How many samples were predicted as class {@code c}. */
    public int predictedTotal(int c) {
        return predictedTotals[c];
    }

    public int total() {
        return total;
    }

    /** The diagonal's sum: how many predictions were right. */
    public int correct() {
        return IntStream.range(0, counts.length).map(c -> counts[c][c]).sum();
    }

    /** Each row divided by its sum (recall along the diagonal); a row without samples stays 0. */
    public double[][] normalizedByTrue() {
        return normalized((t, p) -> trueTotals[t]);
    }

    /** Each column divided by its sum (precision along the diagonal); an empty column stays 0. */
    public double[][] normalizedByPredicted() {
        return normalized((t, p) -> predictedTotals[p]);
    }

    /** Every count divided by the total. */
    public double[][] normalizedOverAll() {
        return normalized((t, p) -> total);
    }

    private double[][] normalized(Denominator denominator) {
        int k = counts.length;
        double[][] out = new double[k][k];
        for (int t = 0; t < k; t++) {
            for (int p = 0; p < k; p++) {
                int d = denominator.of(t, p);
                out[t][p] = d == 0 ? 0 : (double) counts[t][p] / d;
            }
        }
        return out;
    }

    @FunctionalInterface
    private interface Denominator {
        int of(int trueClass, int predictedClass);
    }

    /** The table with classes named by index. */
    @Override
    public String toString() {
        return toString(IntStream.range(0, counts.length).mapToObj(Integer::toString).toList());
    }

    /** The table, one row per true class, a column per predicted class, headed by the given names. */
    public String toString(List<String> classNames) {
        if (classNames.size() != counts.length) {
            throw new IllegalArgumentException("got " + classNames.size() + " class names for "
                    + counts.length + " classes");
        }
        int k = counts.length;
        int labelWidth = Math.max(CORNER.length(), classNames.stream().mapToInt(String::length).max().orElse(0));
        int[] widths = new int[k];
        for (int p = 0; p < k; p++) {
            widths[p] = classNames.get(p).length();
            for (int[] row : counts) {
                widths[p] = Math.max(widths[p], Integer.toString(row[p]).length());
            }
        }
        StringBuilder out = new StringBuilder(String.format("%-" + labelWidth + "s", CORNER));
        for (int p = 0; p < k; p++) {
            out.append(String.format("  %" + widths[p] + "s", classNames.get(p)));
        }
        for (int t = 0; t < k; t++) {
            out.append(String.format("\n%-" + labelWidth + "s", classNames.get(t)));
            for (int p = 0; p < k; p++) {
                out.append(String.format("  %" + widths[p] + "d", counts[t][p]));
            }
        }
        return out.toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ConfusionMatrix other && Arrays.deepEquals(counts, other.counts);
    }

    @Override
    public int hashCode() {
        return Arrays.deepHashCode(counts);
    }
}
