package dev.kiln.core.metrics;

/**
 * A precision–recall curve for binary labels (1 = positive) and scores of the positive class,
 * laid out as scikit-learn's {@code precision_recall_curve}: thresholds ascend over the distinct
 * scores; precision[i] and recall[i] belong to "positive iff score >= thresholds[i]", and a last
 * point (precision 1, recall 0) closes the curve. Tied scores form one point.
 *
 * <p>Kiln's "PR-AUC" is {@link #averagePrecision()}, the step-wise sum Σ (R_i − R_{i+1})·P_i of
 * scikit-learn's {@code average_precision_score}, not a trapezoidal area, which would
 * interpolate linearly between points and can overstate the score.
 */
public final class PrecisionRecallCurve {
    private final double[] precision;
    private final double[] recall;
    private final double[] thresholds;

    private PrecisionRecallCurve(double[] precision, double[] recall, double[] thresholds) {
        this.precision = precision;
        this.recall = recall;
        this.thresholds = thresholds;
    }

    /**
     * The curve of the given labels and scores.
     *
     * @throws IllegalArgumentException if yTrue has no positive, where recall is undefined
     */
    public static PrecisionRecallCurve of(int[] yTrue, double[] scores) {
        ThresholdCounts counts = ThresholdCounts.of(yTrue, scores);
        if (counts.positives() == 0) {
            throw new IllegalArgumentException("no positive sample in yTrue: recall and average precision are undefined");
        }
        int n = counts.size();
        double[] precision = new double[n + 1];
        double[] recall = new double[n + 1];
        double[] thresholds = new double[n];
        for (int i = 0; i < n; i++) {
            int j = n - 1 - i;
            int tp = counts.truePositives()[j];
            precision[i] = (double) tp / (tp + counts.falsePositives()[j]);
            recall[i] = (double) tp / counts.positives();
            thresholds[i] = counts.thresholds()[j];
        }
        precision[n] = 1;
        return new PrecisionRecallCurve(precision, recall, thresholds);
    }

    /** Precision at each threshold, then 1. */
    public double[] precision() {
        return precision.clone();
    }

    /** Recall at each threshold (non-increasing), then 0. */
    public double[] recall() {
        return recall.clone();
    }

    /** The distinct scores, ascending; one fewer than the precision and recall points. */
    public double[] thresholds() {
        return thresholds.clone();
    }

    /** Average precision, Σ (R_i − R_{i+1})·P_i: precision weighted by the recall gained at each threshold. */
    public double averagePrecision() {
        double sum = 0;
        for (int i = 0; i < thresholds.length; i++) {
            sum += (recall[i] - recall[i + 1]) * precision[i];
        }
        return sum;
    }

    /** Binary average precision; equals {@code average_precision_score(y_true, scores)}. */
    public static double averagePrecision(int[] yTrue, double[] scores) {
        return of(yTrue, scores).averagePrecision();
    }

    /**
     * Multiclass average precision: the unweighted mean over classes of class-vs-rest average
     * precision, scored by each class's probability column. Every class must occur in yTrue.
     */
    public static double averagePrecision(int[] yTrue, double[][] proba) {
        return OneVsRest.macro(yTrue, proba, PrecisionRecallCurve::averagePrecision);
    }
}
