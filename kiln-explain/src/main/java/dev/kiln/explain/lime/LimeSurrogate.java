package dev.kiln.explain.lime;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The sparse local model at the heart of LIME (Ribeiro, Singh and Guestrin, "Why Should I Trust
 * You?", KDD 2016), as {@code lime_base.LimeBase.explain_instance_with_data}: samples weighted by
 * the exponential kernel √exp(−d²/width²) of their distance to the explained row, features chosen
 * by {@link FeatureSelection}, and a ridge fit (α = 1) on those features.
 *
 * @param columns         the selected columns, most influential (largest |coefficient|) first
 * @param ridge           the fit on {@code columns}, coefficients in that order
 * @param fidelity        the weighted R² of the fit on the samples
 * @param localPrediction the fit's output at row 0, the explained row
 */
record LimeSurrogate(int[] columns, WeightedRidge ridge, double fidelity, double localPrediction) {
    static final double RIDGE_ALPHA = 1.0;

    /** lime's kernel: √exp(−d²/width²). */
    static double kernel(double distance, double width) {
        return Math.sqrt(Math.exp(-(distance * distance) / (width * width)));
    }

    /**
     * Fits the surrogate on samples {@code x} (row 0 the explained row) with model outputs {@code y}
     * and sample weights {@code weights}.
     */
    static LimeSurrogate fit(double[][] x, double[] y, double[] weights, int numFeatures, FeatureSelection selection) {
        int[] chosen = selection.select(x, y, weights, numFeatures);
        WeightedRidge ridge = WeightedRidge.fit(x, chosen, y, weights, RIDGE_ALPHA);
        double[] coef = ridge.coefficients();
        List<Integer> order = new ArrayList<>();
        for (int j = 0; j < chosen.length; j++) {
            order.add(j);
        }
        order.sort(Comparator.comparingDouble((Integer j) -> -Math.abs(coef[j])));
        int[] columns = new int[chosen.length];
        double[] sorted = new double[chosen.length];
        for (int j = 0; j < chosen.length; j++) {
            columns[j] = chosen[order.get(j)];
            sorted[j] = coef[order.get(j)];
        }
        WeightedRidge ordered = new WeightedRidge(sorted, ridge.intercept());
        return new LimeSurrogate(columns, ordered, ordered.score(x, columns, y, weights), ordered.predict(x[0], columns));
    }

    /** The coefficients spread over all {@code m} columns, zero where not selected. */
    double[] fullCoefficients(int m) {
        double[] out = new double[m];
        double[] coef = ridge.coefficients();
        for (int j = 0; j < columns.length; j++) {
            out[columns[j]] = coef[j];
        }
        return out;
    }
}
