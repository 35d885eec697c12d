package dev.kiln.learn.preprocess.outlier;

import dev.kiln.core.frame.Column;
import dev.kiln.core.frame.Frame;
import dev.kiln.core.model.Transformer;
import dev.kiln.learn.preprocess.ColumnSelection;
import dev.kiln.learn.preprocess.NanStats;
import java.util.List;

/**
 * Z-score fences: per numeric column, values more than {@code threshold} population standard
 * deviations from the training mean are outliers. As a pipeline step the fitted form clips
 * values to mean ± threshold·std; as an {@link OutlierDetector} it finds the rows to drop
 * before fitting. A constant column's fences coincide with its value.
 */
public final class ZScoreOutliers implements Transformer {
    static final String WHO = "z-score-outliers";

    /**
     * @param threshold how many standard deviations from the mean the fences lie (3.0)
     * @param columns   the columns to fence; null for every numeric column
     */
    public record Params(double threshold, List<String> columns) {
        public Params {
            if (!(threshold > 0) || Double.isInfinite(threshold)) {
                throw new IllegalArgumentException(WHO + ": threshold must be a finite number > 0, got " + threshold);
            }
            columns = ColumnSelection.checkParameter(columns, WHO);
        }

        public static Params defaults() {
            return new Params(3.0, null);
        }
    }

    private final Params params;

    public ZScoreOutliers() {
        this(Params.defaults());
    }

    public ZScoreOutliers(Params params) {
        this.params = java.util.Objects.requireNonNull(params, "params");
    }

    public Params params() {
        return params;
    }

    @Override
    public FittedZScoreOutliers fit(Frame features, Column target) {
        List<String> columns = ColumnSelection.resolve(features, params.columns(), ColumnSelection.NUMERIC,
                ColumnSelection.NUMERIC, "a numeric column", WHO);
        double[] mean = new double[columns.size()];
        double[] std = new double[columns.size()];
        for (int j = 0; j < mean.length; j++) {
            double[] v = NanStats.present(features.column(columns.get(j)));
            if (v.length == 0) {
                throw new IllegalArgumentException(WHO + ": column '" + columns.get(j) + "' has no values to fit on");
            }
            mean[j] = NanStats.mean(v);
            std[j] = Math.sqrt(Math.max(0.0, NanStats.variance(v, mean[j])));
        }
        return new FittedZScoreOutliers(params, features.schema(), columns, mean, std);
    }
}
