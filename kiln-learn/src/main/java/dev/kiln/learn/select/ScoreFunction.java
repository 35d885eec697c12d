package dev.kiln.learn.select;

import dev.kiln.core.frame.Column;
import dev.kiln.core.frame.Frame;
import dev.kiln.learn.data.ClassTarget;
import dev.kiln.learn.data.NumericInput;
import java.util.Arrays;

/** How {@link SelectKBest} scores each numeric feature against the target, as scikit-learn's score functions. */
public enum ScoreFunction {
    /** ANOVA F between the classes ({@code f_classif}, scikit-learn's default). */
    F_CLASSIF,
    /** F test of a simple linear regression ({@code f_regression}). */
    F_REGRESSION,
    /** Chi-squared of non-negative features against the classes ({@code chi2}). */
    CHI2,
    /** Mutual information with a discrete target, Ross's estimator ({@code mutual_info_classif}). */
    MUTUAL_INFO_CLASSIF,
    /** Mutual information with a continuous target, Kraskov's estimator ({@code mutual_info_regression}). */
    MUTUAL_INFO_REGRESSION;

    /** The neighbours of the mutual-information estimators (scikit-learn's {@code n_neighbors=3}). */
    public static final int NEIGHBOURS = 3;

    /**
     * Scores every column of {@code features}, which must be numeric without missing values.
     * Classification scores take any target column (its distinct values are the classes);
     * regression scores a numeric one.
     *
     * @param seed the noise of the mutual-information estimators; unused by the tests
     */
    public FeatureScores score(Frame features, Column target, long seed) {
        String who = "score function " + name().toLowerCase(java.util.Locale.ROOT);
        int n = features.rowCount();
        NumericInput.features(features, who);
        double[][] x = new double[features.columnCount()][];
        for (int j = 0; j < x.length; j++) {
            x[j] = features.column(j).toDoubles();
        }
        return switch (this) {
            case F_CLASSIF, CHI2, MUTUAL_INFO_CLASSIF -> {
                ClassTarget y = ClassTarget.of(target, n, who);
                int[] codes = y.codes();
                yield switch (this) {
                    case F_CLASSIF -> UnivariateTests.fClassif(x, codes, y.classCount());
                    case CHI2 -> UnivariateTests.chi2(x, codes, y.classCount(), features.names());
                    default -> withoutPValues(MutualInformation.classif(x, codes, NEIGHBOURS, seed));
                };
            }
            case F_REGRESSION -> UnivariateTests.fRegression(x, NumericInput.target(target, n, who));
            case MUTUAL_INFO_REGRESSION -> {
                double[] y = NumericInput.target(target, n, who);
                if (n <= NEIGHBOURS) {
                    throw new IllegalArgumentException(who + " needs more than " + NEIGHBOURS + " rows, got " + n);
                }
                yield withoutPValues(MutualInformation.regression(x, y, NEIGHBOURS, seed));
            }
        };
    }

    private static FeatureScores withoutPValues(double[] scores) {
        double[] p = new double[scores.length];
        Arrays.fill(p, Double.NaN);
        return new FeatureScores(scores, p);
    }
}
