package dev.kiln.core.metrics;

import java.util.Arrays;

/**
 * A receiver operating characteristic curve for binary labels (1 = positive) and scores of the
 * positive class, as scikit-learn's {@code roc_curve}: one point per distinct score, highest
 * first, preceded by the point (0, 0) at threshold +∞. Tied scores form a single point, so the
 * curve runs diagonally across them. Also home of the ROC AUC scores.
 */
public final class RocCurve {
    private final double[] fpr;
    private final double[] tpr;
    private final double[] thresholds;

    private RocCurve(double[] fpr, double[] tpr, double[] thresholds) {
        this.fpr = fpr;
        this.tpr = tpr;
        this.thresholds = thresholds;
    }

    /**
     * The curve without collinear intermediate points, scikit-learn's default
     * {@code drop_intermediate=True}; dropping them leaves the area unchanged.
     *
     * @throws IllegalArgumentException if yTrue holds only one class, where the curve is undefined
     */
    public static RocCurve of(int[] yTrue, double[] scores) {
        return of(yTrue, scores, true);
    }

    /** The curve, with a point at every distinct score unless {@code dropIntermediate}. */
    public static RocCurve of(int[] yTrue, double[] scores, boolean dropIntermediate) {
        ThresholdCounts counts = ThresholdCounts.of(yTrue, scores);
        if (counts.positives() == 0 || counts.negatives() == 0) {
            throw new IllegalArgumentException("Only one class present in yTrue: ROC AUC is not defined in that case");
        }
        int n = counts.size();
        double[] fpr = new double[n + 1];
        double[] tpr = new double[n + 1];
        double[] thresholds = new double[n + 1];
        thresholds[0] = Double.POSITIVE_INFINITY;
        int m = 1;
        for (int i = 0; i < n; i++) {
            if (!dropIntermediate || i == 0 || i == n - 1 || isCorner(counts.falsePositives(), i)
                    || isCorner(counts.truePositives(), i)) {
                fpr[m] = (double) counts.falsePositives()[i] / counts.negatives();
                tpr[m] = (double) counts.truePositives()[i] / counts.positives();
                thresholds[m] = counts.thresholds()[i];
                m++;
            }
        }
        return new RocCurve(Arrays.copyOf(fpr, m), Arrays.copyOf(tpr, m),
                Arrays.copyOf(thresholds, m));
    }

    private static boolean isCorner(int[] x, int i) {
        return x[i - 1] - 2 * x[i] + x[i + 1] != 0;
    }

    /** False positive rates, from 0 up to 1. */
    public double[] fpr() {
        return fpr.clone();
    }

    /** True positive rates, from 0 up to 1. */
    public double[] tpr() {
        return tpr.clone();
    }

    /** The score thresholds, descending; the first is +∞ (the empty prediction). */
    public double[] thresholds() {
        return thresholds.clone();
    }

    /** The area under the curve by the trapezoidal rule. */
    public double auc() {
        double area = 0;
        for (int i = 1; i < fpr.length; i++) {
            area += (fpr[i] - fpr[i - 1]) * (tpr[i] + tpr[i - 1]) / 2;
        }
        return area;
    }

    /**
     * Binary ROC AUC: the probability that a random positive scores above a random negative,
     * ties counting one half; equals {@code roc_auc_score(y_true, scores)}.
     */
    public static double rocAuc(int[] yTrue, double[] scores) {
        return of(yTrue, scores).auc();
    }

    /**
     * Multiclass one-vs-rest ROC AUC of an n × k probability matrix, equal to scikit-learn's
     * {@code roc_auc_score(y_true, proba, multi_class='ovr', average=...)}: MACRO averages the k
     * class-vs-rest AUCs, WEIGHTED weights them by class count in yTrue, MICRO pools all n·k
     * (indicator, probability) pairs into one binary AUC. Every class must occur in yTrue.
     */
    public static double rocAuc(int[] yTrue, double[][] proba, Average average) {
        return switch (average) {
            case MACRO -> OneVsRest.macro(yTrue, proba, RocCurve::rocAuc);
            case WEIGHTED -> OneVsRest.weighted(yTrue, proba, RocCurve::rocAuc);
            case MICRO -> OneVsRest.pooled(yTrue, proba, RocCurve::rocAuc);
            case BINARY -> throw new IllegalArgumentException(
                    "BINARY is not a multiclass average; use rocAuc(yTrue, scores) with the positive class's scores");
        };
    }
}
