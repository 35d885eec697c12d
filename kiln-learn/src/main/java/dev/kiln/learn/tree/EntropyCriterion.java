package dev.kiln.learn.tree;

import java.util.Arrays;

/**
 * The entropy {@code −Σ_k p_k log₂ p_k} (scikit-learn's "entropy" and "log_loss"). A split is
 * scored by {@code Σ_k l_k log₂ l_k − w_l log₂ w_l + Σ_k r_k log₂ r_k − w_r log₂ w_r}, minus the
 * weighted child entropy; the sums {@code Σ c log₂ c} are kept up to date per row.
 */
final class EntropyCriterion extends ClassCriterion {
    private static final double LN2 = Math.log(2);
    private final double[] leftTerm;
    private final double[] rightTerm;

    EntropyCriterion(int[] codes, int classes) {
        super(codes, classes);
        leftTerm = new double[classes];
        rightTerm = new double[classes];
    }

    @Override
    double impurity(double[] counts, double w) {
        double e = 0;
        for (int k = 0; k < classes; k++) {
            if (counts[k] > 0) {
                double p = counts[k] / w;
                e -= p * Math.log(p);
            }
        }
        return e / LN2;
    }

    private static double xlogx(double x) {
        return x > 0 ? x * Math.log(x) : 0.0;
    }

    @Override
    void scan(int[] rows, double[] values, int start, int end, int minLeaf, int f, BestSplit best) {
        double[] l = left;
        double[] t = total;
        Arrays.fill(l, 0, classes, 0.0);
        Arrays.fill(leftTerm, 0.0);
        double sumLeft = 0;
        double sumRight = 0;
        for (int k = 0; k < classes; k++) {
            rightTerm[k] = xlogx(t[k]);
            sumRight += rightTerm[k];
        }
        double wLeft = 0;
        double wTotal = totalWeight;
        int last = end - minLeaf;
        for (int i = start; i < last; i++) {
            int r = rows[i];
            int c = codes[r];
            double w = weight[r];
            double a = l[c] + w;
            l[c] = a;
            double newLeft = xlogx(a);
            double newRight = xlogx(t[c] - a);
            sumLeft += newLeft - leftTerm[c];
            sumRight += newRight - rightTerm[c];
            leftTerm[c] = newLeft;
            rightTerm[c] = newRight;
            wLeft += w;
            double wRight = wTotal - wLeft;
            if (wLeft > 0 && wRight > 0 && BestSplit.canSplitAfter(values, i, start, minLeaf)) {
                best.offer(sumLeft - xlogx(wLeft) + sumRight - xlogx(wRight), f, values[i], values[i + 1]);
            }
        }
    }
}
