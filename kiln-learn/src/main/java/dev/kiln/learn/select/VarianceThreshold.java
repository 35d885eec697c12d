package dev.kiln.learn.select;

import dev.kiln.core.frame.Column;
import dev.kiln.core.frame.Frame;
import dev.kiln.core.model.Transformer;
import dev.kiln.learn.preprocess.ColumnSelection;
import dev.kiln.learn.preprocess.NanStats;
import java.util.ArrayList;
import java.util.List;

/**
 * Removes numeric columns whose training variance is not above a threshold, as scikit-learn's
 * {@code VarianceThreshold}: population variance over present values; with threshold 0 the
 * smaller of the variance and the range, so rounding cannot keep a constant column. Columns of
 * other types pass through. Fails when no numeric column is left.
 */
public final class VarianceThreshold implements Transformer {
    static final String WHO = "variance-threshold";

    /**
     * @param threshold keep columns with variance strictly above this (scikit-learn: 0.0)
     * @param columns   the columns to consider; null for every numeric column
     */
    public record Params(double threshold, List<String> columns) {
        public Params {
            if (!(threshold >= 0)) {
                throw new IllegalArgumentException(WHO + ": threshold must be >= 0, got " + threshold);
            }
            columns = ColumnSelection.checkParameter(columns, WHO);
        }

        public static Params defaults() {
            return new Params(0.0, null);
        }
    }

    private final Params params;

    public VarianceThreshold() {
        this(Params.defaults());
    }

    public VarianceThreshold(Params params) {
        this.params = java.util.Objects.requireNonNull(params, "params");
    }

    public Params params() {
        return params;
    }

    @Override
    public FittedVarianceThreshold fit(Frame features, Column target) {
        List<String> columns = ColumnSelection.resolve(features, params.columns(), ColumnSelection.NUMERIC,
                ColumnSelection.NUMERIC, "a numeric column", WHO);
        double[] variances = new double[columns.size()];
        List<String> selected = new ArrayList<>();
        for (int j = 0; j < variances.length; j++) {
            double[] v = NanStats.present(features.column(columns.get(j)));
            variances[j] = NanStats.variance(v, NanStats.mean(v));
            if (params.threshold() == 0 && v.length > 0) {
                double[] sorted = NanStats.sorted(v);
                variances[j] = Math.min(variances[j], sorted[sorted.length - 1] - sorted[0]);
            }
            if (variances[j] > params.threshold()) {
                selected.add(columns.get(j));
            }
        }
        if (selected.isEmpty() && !columns.isEmpty()) {
            throw new IllegalArgumentException(WHO + ": no column has a variance above " + params.threshold()
                    + " among " + columns);
        }
        return new FittedVarianceThreshold(params, features.schema(), columns, variances, selected);
    }
}
