package dev.kiln.learn.preprocess.impute;

import dev.kiln.core.frame.Column;
import dev.kiln.core.frame.Frame;
import dev.kiln.core.model.Transformer;
import dev.kiln.learn.preprocess.ColumnSelection;
import java.util.List;

/**
 * Fills each missing value from the nearest training rows that have that column, as
 * scikit-learn's {@code KNNImputer}: distances by {@link NanEuclidean} over the chosen numeric
 * columns; the value is the mean (or inverse-distance weighted mean) of the column over the
 * {@code nNeighbors} nearest such rows. A row with no coordinate in common with any donor gets
 * the column's training mean. Columns with no training value are dropped, or with
 * {@code keepEmptyFeatures} set to 0 throughout, as in scikit-learn.
 *
 * <p>Neighbours at equal distance are taken in training-row order (scikit-learn's
 * {@code argpartition} leaves that order unspecified), and when fewer than {@code nNeighbors}
 * donors share a coordinate with the row, the others are taken in training-row order too: they
 * count with uniform weights and weigh nothing with distance weights, as in scikit-learn.
 */
public final class KnnImputer implements Transformer {
    static final String WHO = "knn-imputer";

    /** How the neighbours' values are averaged. */
    public enum Weights {
        /** Plain mean (scikit-learn's default "uniform"). */
        UNIFORM,
        /** Weighted by inverse distance; neighbours at distance 0, when there are any, alone ("distance"). */
        DISTANCE
    }

    /**
     * @param nNeighbors        how many neighbours to average (scikit-learn: 5)
     * @param weights           how to average them ("uniform")
     * @param addIndicator      whether to append missing-value indicators (False)
     * @param keepEmptyFeatures whether to keep columns with no training value, as zeros (False)
     * @param columns           the columns to impute; null for every numeric column
     */
    public record Params(int nNeighbors, Weights weights, boolean addIndicator, boolean keepEmptyFeatures,
                         List<String> columns) {
        public Params {
            if (nNeighbors < 1) {
                throw new IllegalArgumentException(WHO + ": nNeighbors must be >= 1, got " + nNeighbors);
            }
            java.util.Objects.requireNonNull(weights, "weights");
            columns = ColumnSelection.checkParameter(columns, WHO);
        }

        public static Params defaults() {
            return new Params(5, Weights.UNIFORM, false, false, null);
        }
    }

    private final Params params;

    public KnnImputer() {
        this(Params.defaults());
    }

    public KnnImputer(Params params) {
        this.params = java.util.Objects.requireNonNull(params, "params");
    }

    public Params params() {
        return params;
    }

    @Override
    public FittedKnnImputer fit(Frame features, Column target) {
        List<String> columns = ColumnSelection.resolve(features, params.columns(), ColumnSelection.NUMERIC,
                ColumnSelection.NUMERIC, "a numeric column", WHO);
        if (features.rowCount() == 0) {
            throw new IllegalArgumentException(WHO + ": there are no rows to fit on");
        }
        double[] train = features.select(columns).toMatrix().toRowMajorArray();
        FittedMissingIndicator indicator = params.addIndicator()
                ? new MissingIndicator(new MissingIndicator.Params(MissingIndicator.Features.MISSING_ONLY, false, columns))
                        .fit(features, null)
                : null;
        return new FittedKnnImputer(params, features.schema(), columns, features.rowCount(), train, indicator);
    }
}
