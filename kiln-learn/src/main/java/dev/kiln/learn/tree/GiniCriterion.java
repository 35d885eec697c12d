package dev.kiln.learn.tree;

import java.util.Arrays;

/**
 * The Gini index {@code 1 − Σ_k p_k²}. A split is scored by {@code Σ_k l_k²/w_l + Σ_k r_k²/w_r}
 * (l, r the weighted class counts of the children), which orders splits as the weighted child
 * impurity does; both sums of squares are kept up to date in O(1) per row.
 */
final class GiniCriterion extends ClassCriterion {

    GiniCriterion(int[] codes, int classes) {
        super(codes, classes);
    }

    @Override
    double impurity(double[] counts, double w) {
        if (w <= 0) {
            return 0;
        }
        double sq = 0;
        for (int k = 0; k < classes; k++) {
            sq += counts[k] * counts[k];
        }
        return 1.0 - sq / (w * w);
    }

    @Override
    void scan(int[] rows, double[] values, int start, int end, int minLeaf, int f, BestSplit best) {
        double[] l = left;
        double[] t = total;
        Arrays.fill(l, 0, classes, 0.0);
        double sqLeft = 0;
        double sqRight = 0;
        for (int k = 0; k < classes; k++) {
            sqRight += t[k] * t[k];
        }
        double wLeft = 0;
        double wTotal = totalWeight;
        int last = end - minLeaf;
        for (int i = start; i < last; i++) {
            int r = rows[i];
            int c = codes[r];
            double w = weight[r];
            double a = l[c];
            double b = t[c] - a;
            sqLeft += w * (2 * a + w);
            sqRight += w * (w - 2 * b);
            l[c] = a + w;
            wLeft += w;
            double wRight = wTotal - wLeft;
            if (wLeft > 0 && wRight > 0 && BestSplit.canSplitAfter(values, i, start, minLeaf)) {
                best.offer(sqLeft / wLeft + sqRight / wRight, f, values[i], values[i + 1]);
            }
        }
    }
}
