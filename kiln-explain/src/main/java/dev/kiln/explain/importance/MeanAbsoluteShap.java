package dev.kiln.explain.importance;

import dev.kiln.explain.Explanation;

import java.util.List;

/**
 * Global importance from local explanations, as shap's bar summary plot: each feature's mean
 * |contribution| over the explained rows (Lundberg et al., "From local explanations to global
 * understanding with explainable AI for trees", Nature Machine Intelligence 2020).
 */
public final class MeanAbsoluteShap {
    private MeanAbsoluteShap() {
    }

    /** Mean |value| per feature over {@code explanations}, which must share their features; spreads are standard deviations of |value|. */
    public static FeatureRanking of(List<Explanation> explanations) {
        if (explanations.isEmpty()) {
            throw new IllegalArgumentException("no explanations to summarise");
        }
        List<String> features = explanations.get(0).features();
        int m = features.size();
        double[] sum = new double[m];
        double[] squares = new double[m];
        for (int r = 0; r < explanations.size(); r++) {
            Explanation e = explanations.get(r);
            if (!e.features().equals(features)) {
                throw new IllegalArgumentException("explanation " + r + " has features " + e.features()
                        + " but explanation 0 has " + features);
            }
            double[] v = e.values();
            for (int j = 0; j < m; j++) {
                sum[j] += Math.abs(v[j]);
                squares[j] += v[j] * v[j];
            }
        }
        int n = explanations.size();
        double[] mean = new double[m];
        double[] std = new double[m];
        for (int j = 0; j < m; j++) {
            mean[j] = sum[j] / n;
            std[j] = Math.sqrt(Math.max(0, squares[j] / n - mean[j] * mean[j]));
        }
        return new FeatureRanking("mean |" + explanations.get(0).method() + " value|", features, mean, std);
    }
}
