package dev.kiln.explain.lime;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * How LIME picks the features of its sparse surrogate, as the {@code lime} package's
 * {@code feature_selection} option.
 */
public enum FeatureSelection {
    /** Forward selection when at most 6 features are asked for, else {@link #HIGHEST_WEIGHTS} (lime's default). */
    AUTO,
    /** Greedily adds the feature whose unpenalised weighted fit scores the highest R². */
    FORWARD_SELECTION,
    /** The features with the largest |coefficient × value at the explained row| in a ridge fit (α = 0.01) on all of them. */
    HIGHEST_WEIGHTS,
    /** Every feature. */
    NONE;

    /**
     * The chosen columns of {@code x}, in order of choice; row 0 of {@code x} is the explained row.
     */
    int[] select(double[][] x, double[] y, double[] weights, int numFeatures) {
        int m = x[0].length;
        return switch (this) {
            case NONE -> range(m);
            case AUTO -> (numFeatures <= 6 ? FORWARD_SELECTION : HIGHEST_WEIGHTS).select(x, y, weights, numFeatures);
            case FORWARD_SELECTION -> forward(x, y, weights, Math.min(numFeatures, m));
            case HIGHEST_WEIGHTS -> highest(x, y, weights, Math.min(numFeatures, m));
        };
    }

    private static int[] forward(double[][] x, double[] y, double[] weights, int count) {
        List<Integer> used = new ArrayList<>();
        for (int step = 0; step < count; step++) {
            double bestScore = Double.NEGATIVE_INFINITY;
            int best = -1;
            for (int f = 0; f < x[0].length; f++) {
                if (used.contains(f)) {
                    continue;
                }
                int[] columns = new int[used.size() + 1];
                for (int i = 0; i < used.size(); i++) {
                    columns[i] = used.get(i);
                }
                columns[used.size()] = f;
                double score = WeightedRidge.fit(x, columns, y, weights, 0).score(x, columns, y, weights);
                if (score > bestScore) {
                    bestScore = score;
                    best = f;
                }
            }
            used.add(best);
        }
        return used.stream().mapToInt(Integer::intValue).toArray();
    }

    private static int[] highest(double[][] x, double[] y, double[] weights, int count) {
        int m = x[0].length;
        int[] all = range(m);
        double[] coef = WeightedRidge.fit(x, all, y, weights, 0.01).coefficients();
        List<Integer> order = new ArrayList<>();
        for (int j = 0; j < m; j++) {
            order.add(j);
        }
        order.sort(Comparator.comparingDouble((Integer j) -> -Math.abs(coef[j] * x[0][j])));
        return order.subList(0, count).stream().mapToInt(Integer::intValue).toArray();
    }

    private static int[] range(int m) {
        int[] all = new int[m];
        for (int j = 0; j < m; j++) {
            all[j] = j;
        }
        return all;
    }
}
