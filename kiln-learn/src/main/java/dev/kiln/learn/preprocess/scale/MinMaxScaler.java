package dev.kiln.learn.preprocess.scale;

import dev.kiln.core.frame.Column;
import dev.kiln.core.frame.Frame;
import dev.kiln.core.model.Transformer;
import dev.kiln.learn.preprocess.ColumnSelection;
import dev.kiln.learn.preprocess.NanStats;
import java.util.List;

/**
 * Maps each numeric column's training range [min, max] onto a feature range, as scikit-learn's
 * {@code MinMaxScaler}: x · scale + offset with scale = (high − low) / (max − min) and
 * offset = low − min · scale. A constant column has range 1. Missing values stay missing.
 */
public final class MinMaxScaler implements Transformer {
    static final String WHO = "min-max-scaler";

    /**
     * @param low     the lower end of the feature range (scikit-learn: 0)
     * @param high    the upper end (1); must exceed {@code low}
     * @param clip    whether to clip transformed values to the feature range (False)
     * @param columns the columns to scale; null for every numeric column
     */
    public record Params(double low, double high, boolean clip, List<String> columns) {
        public Params {
            if (!(low < high)) {
                throw new IllegalArgumentException(WHO + ": the feature range must have low < high, got [" + low + ", " + high + "]");
            }
            columns = ColumnSelection.checkParameter(columns, WHO);
        }

        public static Params defaults() {
            return new Params(0, 1, false, null);
        }
    }

    private final Params params;

    public MinMaxScaler() {
        this(Params.defaults());
    }

    public MinMaxScaler(Params params) {
        this.params = java.util.Objects.requireNonNull(params, "params");
    }

    public Params params() {
        return params;
    }

    @Override
    public FittedMinMaxScaler fit(Frame features, Column target) {
        List<String> columns = ColumnSelection.resolve(features, params.columns(), ColumnSelection.NUMERIC,
                ColumnSelection.NUMERIC, "a numeric column", WHO);
        int p = columns.size();
        double[] min = new double[p];
        double[] max = new double[p];
        for (int j = 0; j < p; j++) {
            double[] v = NanStats.present(features.column(columns.get(j)));
            min[j] = Double.NaN;
            max[j] = Double.NaN;
            for (double x : v) {
                min[j] = x < min[j] || Double.isNaN(min[j]) ? x : min[j];
                max[j] = x > max[j] || Double.isNaN(max[j]) ? x : max[j];
            }
        }
        return new FittedMinMaxScaler(params, features.schema(), columns, min, max);
    }
}
