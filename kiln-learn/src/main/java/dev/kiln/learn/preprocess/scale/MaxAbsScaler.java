package dev.kiln.learn.preprocess.scale;

import dev.kiln.core.frame.Column;
import dev.kiln.core.frame.Frame;
import dev.kiln.core.model.Transformer;
import dev.kiln.learn.preprocess.ColumnSelection;
import dev.kiln.learn.preprocess.NanStats;
import java.util.List;

/**
 * Divides each numeric column by its largest absolute training value, as scikit-learn's
 * {@code MaxAbsScaler}, so values fall in [−1, 1] without shifting zeros. An all-zero column
 * is divided by 1. Missing values stay missing.
 */
public final class MaxAbsScaler implements Transformer {
    static final String WHO = "max-abs-scaler";

    /** @param columns the columns to scale; null for every numeric column */
    public record Params(List<String> columns) {
        public Params {
            columns = ColumnSelection.checkParameter(columns, WHO);
        }

        public static Params defaults() {
            return new Params(null);
        }
    }

    private final Params params;

    public MaxAbsScaler() {
        this(Params.defaults());
    }

    public MaxAbsScaler(Params params) {
        this.params = java.util.Objects.requireNonNull(params, "params");
    }

    public Params params() {
        return params;
    }

    @Override
    public FittedMaxAbsScaler fit(Frame features, Column target) {
        List<String> columns = ColumnSelection.resolve(features, params.columns(), ColumnSelection.NUMERIC,
                ColumnSelection.NUMERIC, "a numeric column", WHO);
        double[] maxAbs = new double[columns.size()];
        for (int j = 0; j < maxAbs.length; j++) {
            double[] v = NanStats.present(features.column(columns.get(j)));
            maxAbs[j] = v.length == 0 ? Double.NaN : 0.0;
            for (double x : v) {
                maxAbs[j] = Math.max(maxAbs[j], Math.abs(x));
            }
        }
        return new FittedMaxAbsScaler(params, features.schema(), columns, maxAbs);
    }
}
