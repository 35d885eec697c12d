package dev.kiln.explain.fairness;

import dev.kiln.core.random.Rng;

/**
 * Reweighing (Kamiran and Calders 2012): each row of group a with label y weighs
 * P(A=a) P(Y=y) / P(A=a, Y=y), so that in weighted counts the label is independent of the
 * group. Estimators that take no row weights learn from {@link #resample a weighted resample}.
 */
public final class Reweighing {
    private Reweighing() {
    }

    /**
     * The weight of every row: n_a n_y / (n n_{a,y}) for its group a and label y.
     *
     * @param grouping the rows' groups
     * @param labels   the rows' labels
     */
    public static double[] weights(Grouping grouping, boolean[] labels) {
        int n = labels.length;
        if (grouping.rowCount() != n) {
            throw new IllegalArgumentException("the grouping has " + grouping.rowCount() + " rows but there are " + n + " labels");
        }
        int groups = grouping.groupCount();
        long[] perGroup = new long[groups];
        long[][] perCell = new long[groups][2];
        long positives = 0;
        for (int i = 0; i < n; i++) {
            int g = grouping.groupOf(i);
            perGroup[g]++;
            perCell[g][labels[i] ? 1 : 0]++;
            if (labels[i]) {
                positives++;
            }
        }
        long[] perLabel = {n - positives, positives};
        double[] w = new double[n];
        for (int i = 0; i < n; i++) {
            int g = grouping.groupOf(i);
            int y = labels[i] ? 1 : 0;
            w[i] = (double) perGroup[g] * perLabel[y] / ((double) n * perCell[g][y]);
        }
        return w;
    }

    /**
     * {@code weights.length} row indices drawn with replacement, each with probability
     * proportional to its weight: the weighted data set for learners without row weights.
     */
    public static int[] resample(double[] weights, long seed) {
        double[] cumulative = new double[weights.length];
        double total = 0;
        for (int i = 0; i < weights.length; i++) {
            if (!(weights[i] >= 0) || Double.isInfinite(weights[i])) {
                throw new IllegalArgumentException("row " + i + ": weight " + weights[i] + " is not a finite number >= 0");
            }
            total += weights[i];
            cumulative[i] = total;
        }
        if (!(total > 0)) {
            throw new IllegalArgumentException("the weights sum to " + total + "; nothing to draw");
        }
        Rng rng = Rng.seeded(seed);
        int[] rows = new int[weights.length];
        for (int k = 0; k < rows.length; k++) {
            double u = rng.nextDouble() * total;
            int lo = 0;
            int hi = cumulative.length - 1;
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (cumulative[mid] > u) {
                    hi = mid;
                } else {
                    lo = mid + 1;
                }
            }
            rows[k] = lo;
        }
        return rows;
    }
}
