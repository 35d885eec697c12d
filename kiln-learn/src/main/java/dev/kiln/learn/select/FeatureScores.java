package dev.kiln.learn.select;

/**
 * One score per feature and, for the statistical tests, its p-value.
 *
 * @param scores  the scores, higher meaning more related to the target
 * @param pValues the p-values, NaN throughout for scores that are not test statistics (mutual information)
 */
public record FeatureScores(double[] scores, double[] pValues) {
    public FeatureScores {
        if (scores.length != pValues.length) {
            throw new IllegalArgumentException(scores.length + " scores but " + pValues.length + " p-values");
        }
        scores = scores.clone();
        pValues = pValues.clone();
    }

    @Override
    public double[] scores() {
        return scores.clone();
    }

    @Override
    public double[] pValues() {
        return pValues.clone();
    }
}
