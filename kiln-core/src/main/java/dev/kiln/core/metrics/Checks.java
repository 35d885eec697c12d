package dev.kiln.core.metrics;

/** Input validation shared by the metrics; every failure is an {@link IllegalArgumentException}. */
final class Checks {
    /**
     * How far a probability row may sum from 1: numpy.allclose's defaults, the test scikit-learn
     * applies to multiclass ROC AUC scores.
     */
    static final double ROW_SUM_RTOL = 1e-5;
    static final double ROW_SUM_ATOL = 1e-8;

    private Checks() {
    }

    static void sameLength(String name, int length, String otherName, int otherLength) {
        if (length != otherLength) {
            throw new IllegalArgumentException(name + " and " + otherName + " differ in length: "
                    + length + " vs " + otherLength);
        }
    }

    static void notEmpty(String name, int length) {
        if (length == 0) {
            throw new IllegalArgumentException(name + " is empty");
        }
    }

    /** Checks two aligned, non-empty label arrays and returns 1 + their largest label. */
    static int pairedLabels(int[] yTrue, int[] yPred) {
        sameLength("yTrue", yTrue.length, "yPred", yPred.length);
        notEmpty("yTrue", yTrue.length);
        return Math.max(labels("yTrue", yTrue, Integer.MAX_VALUE), labels("yPred", yPred, Integer.MAX_VALUE)) + 1;
    }

    /** Checks every label lies in [0, numClasses) and returns the largest. */
    static int labels(String name, int[] y, int numClasses) {
        int max = -1;
        for (int i = 0; i < y.length; i++) {
            if (y[i] < 0 || y[i] >= numClasses) {
                String why = numClasses == Integer.MAX_VALUE ? "is not a class index (must be >= 0)"
                        : "is outside the classes [0, " + numClasses + ")";
                throw new IllegalArgumentException(name + "[" + i + "] = " + y[i] + " " + why);
            }
            max = Math.max(max, y[i]);
        }
        return max;
    }

    static void finite(String name, double[] x) {
        for (int i = 0; i < x.length; i++) {
            if (!Double.isFinite(x[i])) {
                throw new IllegalArgumentException(name + "[" + i + "] = " + x[i] + " is not finite");
            }
        }
    }

    /** Checks two aligned, non-empty, finite value arrays. */
    static void pairedValues(double[] yTrue, double[] yPred) {
        sameLength("yTrue", yTrue.length, "yPred", yPred.length);
        notEmpty("yTrue", yTrue.length);
        finite("yTrue", yTrue);
        finite("yPred", yPred);
    }

    /** Checks binary labels in {0, 1} against aligned, finite scores. */
    static void binaryScores(int[] yTrue, double[] scores) {
        sameLength("yTrue", yTrue.length, "scores", scores.length);
        notEmpty("yTrue", yTrue.length);
        labels("yTrue", yTrue, 2);
        finite("scores", scores);
    }

    /**
     * Checks an n × k probability matrix (k >= 2, entries in [0, 1], rows summing to 1 within
     * numpy.allclose's tolerance) against labels in [0, k), and returns k.
     */
    static int probabilities(int[] yTrue, double[][] proba) {
        sameLength("yTrue", yTrue.length, "proba", proba.length);
        notEmpty("yTrue", yTrue.length);
        int k = proba[0].length;
        if (k < 2) {
            throw new IllegalArgumentException("proba needs a column per class, at least 2, got " + k);
        }
        for (int i = 0; i < proba.length; i++) {
            double[] row = proba[i];
            if (row.length != k) {
                throw new IllegalArgumentException("proba row " + i + " has " + row.length
                        + " columns, row 0 has " + k);
            }
            double sum = 0;
            for (int c = 0; c < k; c++) {
                if (!(row[c] >= 0 && row[c] <= 1)) {
                    throw new IllegalArgumentException("proba[" + i + "][" + c + "] = " + row[c]
                            + " is not a probability");
                }
                sum += row[c];
            }
            if (Math.abs(sum - 1) > ROW_SUM_ATOL + ROW_SUM_RTOL * sum) {
                throw new IllegalArgumentException("proba row " + i + " sums to " + sum + ", not 1");
            }
        }
        labels("yTrue", yTrue, k);
        return k;
    }
}
