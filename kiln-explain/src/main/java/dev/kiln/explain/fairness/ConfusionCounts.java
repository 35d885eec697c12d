package dev.kiln.explain.fairness;

/**
 * The binary confusion matrix of a set of rows, with the sum of their scores: every rate a
 * bias audit reports per group follows from these counts.
 *
 * @param tp       true positives (predicted positive, actually positive)
 * @param fp       false positives
 * @param tn       true negatives
 * @param fn       false negatives
 * @param scoreSum the sum of the rows' scores (0 when there are none)
 */
public record ConfusionCounts(long tp, long fp, long tn, long fn, double scoreSum) {

    /** The counts of the rows {@code rows[from..to)} of {@code outcomes}. */
    static ConfusionCounts of(BinaryOutcomes outcomes, int[] rows, int from, int to) {
        long tp = 0, fp = 0, tn = 0, fn = 0;
        double scoreSum = 0;
        boolean scored = outcomes.hasScores();
        for (int k = from; k < to; k++) {
            int i = rows[k];
            boolean y = outcomes.truth(i);
            if (outcomes.predicted(i)) {
                if (y) {
                    tp++;
                } else {
                    fp++;
                }
            } else if (y) {
                fn++;
            } else {
                tn++;
            }
            if (scored) {
                scoreSum += outcomes.score(i);
            }
        }
        return new ConfusionCounts(tp, fp, tn, fn, scoreSum);
    }

    /** The counts of all rows of {@code outcomes}. */
    public static ConfusionCounts of(BinaryOutcomes outcomes) {
        int[] all = new int[outcomes.size()];
        for (int i = 0; i < all.length; i++) {
            all[i] = i;
        }
        return of(outcomes, all, 0, all.length);
    }

    /** Rows. */
    public long count() {
        return tp + fp + tn + fn;
    }

    /** Rows actually positive. */
    public long positives() {
        return tp + fn;
    }

    /** Rows actually negative. */
    public long negatives() {
        return fp + tn;
    }

    /** P(ŷ=1): the share predicted positive. */
    public double selectionRate() {
        return ratio(tp + fp, count());
    }

    /** P(y=1): the share actually positive (the observed rate calibration compares with). */
    public double baseRate() {
        return ratio(positives(), count());
    }

    public double accuracy() {
        return ratio(tp + tn, count());
    }

    /** TP / (TP + FP); NaN when nothing is predicted positive. */
    public double precision() {
        return ratio(tp, tp + fp);
    }

    /** True positive rate (recall) TP / (TP + FN); NaN without positive rows. */
    public double truePositiveRate() {
        return ratio(tp, positives());
    }

    /** False positive rate FP / (FP + TN); NaN without negative rows. */
    public double falsePositiveRate() {
        return ratio(fp, negatives());
    }

    /** False negative rate FN / (TP + FN) = 1 − TPR. */
    public double falseNegativeRate() {
        return ratio(fn, positives());
    }

    /** The mean score (mean predicted probability of the positive label). */
    public double meanScore() {
        return count() == 0 ? Double.NaN : scoreSum / count();
    }

    /** These counts plus {@code other}'s. */
    public ConfusionCounts plus(ConfusionCounts other) {
        return new ConfusionCounts(tp + other.tp, fp + other.fp, tn + other.tn, fn + other.fn, scoreSum + other.scoreSum);
    }

    private static double ratio(long a, long b) {
        return b == 0 ? Double.NaN : (double) a / b;
    }
}
