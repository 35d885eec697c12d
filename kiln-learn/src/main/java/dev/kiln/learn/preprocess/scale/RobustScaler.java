package dev.kiln.learn.preprocess.scale;

import dev.kiln.core.frame.Column;
import dev.kiln.core.frame.Frame;
import dev.kiln.core.model.Transformer;
import dev.kiln.learn.preprocess.ColumnSelection;
import dev.kiln.learn.preprocess.NanStats;
import java.util.List;

/**
 * Centres numeric columns on their median and divides by their interquartile range, as
 * scikit-learn's {@code RobustScaler}: quantiles by NumPy's linear interpolation over the
 * present values; a zero range becomes 1. Missing values stay missing.
 */
public final class RobustScaler implements Transformer {
    static final String WHO = "robust-scaler";

    /**
     * @param withCentering whether to subtract the median (scikit-learn: True)
     * @param withScaling   whether to divide by the quantile range (True)
     * @param quantileLow   the lower percentile of the range (25)
     * @param quantileHigh  the upper percentile (75)
     * @param columns       the columns to scale; null for every numeric column
     */
    public record Params(boolean withCentering, boolean withScaling, double quantileLow, double quantileHigh,
                         List<String> columns) {
        public Params {
            if (!(0 <= quantileLow && quantileLow <= quantileHigh && quantileHigh <= 100)) {
                throw new IllegalArgumentException(WHO + ": need 0 <= quantileLow <= quantileHigh <= 100, got "
                        + quantileLow + " and " + quantileHigh);
            }
            columns = ColumnSelection.checkParameter(columns, WHO);
        }

        public static Params defaults() {
            return new Params(true, true, 25, 75, null);
        }
    }

    private final Params params;

    public RobustScaler() {
        this(Params.defaults());
    }

    public RobustScaler(Params params) {
        this.params = java.util.Objects.requireNonNull(params, "params");
    }

    public Params params() {
        return params;
    }

    @Override
    public FittedRobustScaler fit(Frame features, Column target) {
        List<String> columns = ColumnSelection.resolve(features, params.columns(), ColumnSelection.NUMERIC,
                ColumnSelection.NUMERIC, "a numeric column", WHO);
        int p = columns.size();
        double[] center = new double[p];
        double[] scale = new double[p];
        for (int j = 0; j < p; j++) {
            double[] sorted = NanStats.sorted(NanStats.present(features.column(columns.get(j))));
            center[j] = params.withCentering() ? NanStats.median(sorted) : 0.0;
            scale[j] = params.withScaling()
                    ? NanStats.percentile(sorted, params.quantileHigh()) - NanStats.percentile(sorted, params.quantileLow())
                    : 1.0;
        }
        return new FittedRobustScaler(params, features.schema(), columns, center, ColumnMaps.zerosToOne(scale));
    }
}
