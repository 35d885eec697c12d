package dev.kiln.learn.tree;

/**
 * The weighted variance {@code Σ w (y − ȳ)² / Σ w} (computed in two passes, so a node of equal
 * targets has impurity exactly 0); leaves predict the weighted mean. A split is
 * scored by {@code S_l²/w_l + S_r²/w_r} (S the children's weighted target sums), which orders
 * splits as the weighted child variance does.
 */
final class SquaredErrorCriterion extends SplitCriterion {
    private final double[] y;
    private double totalSum;
    private double totalWeight;

    SquaredErrorCriterion(double[] y) {
        this.y = y;
    }

    @Override
    int valueWidth() {
        return 1;
    }

    @Override
    double node(int[] rows, int start, int end, double[] value) {
        beginScan(rows, start, end);
        double w = totalWeight;
        setNodeWeight(w);
        double mean = totalSum / w;
        double sq = 0;
        for (int i = start; i < end; i++) {
            int r = rows[i];
            double d = y[r] - mean;
            sq += weight[r] * d * d;
        }
        value[0] = mean;
        return sq / w;
    }

    @Override
    void beginScan(int[] rows, int start, int end) {
        double w = 0;
        double s = 0;
        for (int i = start; i < end; i++) {
            int r = rows[i];
            w += weight[r];
            s += weight[r] * y[r];
        }
        totalWeight = w;
        totalSum = s;
    }

    @Override
    void scan(int[] rows, double[] values, int start, int end, int minLeaf, int f, BestSplit best) {
        double sumLeft = 0;
        double wLeft = 0;
        double sTotal = totalSum;
        double wTotal = totalWeight;
        int last = end - minLeaf;
        for (int i = start; i < last; i++) {
            int r = rows[i];
            double w = weight[r];
            sumLeft += w * y[r];
            wLeft += w;
            double wRight = wTotal - wLeft;
            if (wLeft > 0 && wRight > 0 && BestSplit.canSplitAfter(values, i, start, minLeaf)) {
                double sumRight = sTotal - sumLeft;
                best.offer(sumLeft * sumLeft / wLeft + sumRight * sumRight / wRight, f, values[i], values[i + 1]);
            }
        }
    }
}
