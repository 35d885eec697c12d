package dev.kiln.core.metrics;

import java.util.Arrays;

/**
 * Cumulative true and false positives at each distinct score, highest score first: the
 * predictions "positive iff score >= thresholds[i]" have truePositives[i] and
 * falsePositives[i]. Tied scores share one threshold (scikit-learn's {@code _binary_clf_curve}).
 */
record ThresholdCounts(double[] thresholds, int[] truePositives, int[] falsePositives) {

    static ThresholdCounts of(int[] yTrue, double[] scores) {
        Checks.binaryScores(yTrue, scores);
        int positives = Arrays.stream(yTrue).sum();
        double[] pos = new double[positives];
        double[] neg = new double[yTrue.length - positives];
        for (int i = 0, p = 0, q = 0; i < yTrue.length; i++) {
            if (yTrue[i] == 1) {
                pos[p++] = scores[i];
            } else {
                neg[q++] = scores[i];
            }
        }
        Arrays.sort(pos);
        Arrays.sort(neg);
        double[] thresholds = new double[yTrue.length];
        int[] tps = new int[yTrue.length];
        int[] fps = new int[yTrue.length];
        int m = 0;
        int p = pos.length;
        int q = neg.length;
        while (p > 0 || q > 0) {
            double t = p == 0 ? neg[q - 1] : q == 0 ? pos[p - 1] : Math.max(pos[p - 1], neg[q - 1]);
            while (p > 0 && pos[p - 1] == t) {
                p--;
            }
            while (q > 0 && neg[q - 1] == t) {
                q--;
            }
            thresholds[m] = t;
            tps[m] = pos.length - p;
            fps[m] = neg.length - q;
            m++;
        }
        return new ThresholdCounts(Arrays.copyOf(thresholds, m), Arrays.copyOf(tps, m), Arrays.copyOf(fps, m));
    }

    int size() {
        return thresholds.length;
    }

    int positives() {
        return truePositives[size() - 1];
    }

    int negatives() {
        return falsePositives[size() - 1];
    }
}
