package dev.kiln.learn.preprocess.outlier;

import dev.kiln.core.frame.Column;
import dev.kiln.core.frame.Frame;
import dev.kiln.core.model.Transformer;
import dev.kiln.learn.preprocess.ColumnSelection;
import dev.kiln.learn.preprocess.NanStats;
import java.util.List;

/**
 * Tukey's fences (Tukey, Exploratory Data Analysis, 1977): per numeric column, values below
 * Q1 − factor·IQR or above Q3 + factor·IQR are outliers, with the quartiles of the training
 * values by NumPy's linear interpolation. As a pipeline step the fitted form clips values to
 * the fences; as an {@link OutlierDetector} it finds the rows to drop before fitting.
 */
public final class IqrOutliers implements Transformer {
    static final String WHO = "iqr-outliers";

    /**
     * @param factor  how many interquartile ranges beyond the quartiles the fences lie (1.5)
     * @param columns the columns to fence; null for every numeric column
     */
    public record Params(double factor, List<String> columns) {
        public Params {
            if (!(factor >= 0) || Double.isInfinite(factor)) {
                throw new IllegalArgumentException(WHO + ": factor must be a finite number >= 0, got " + factor);
            }
            columns = ColumnSelection.checkParameter(columns, WHO);
        }

        public static Params defaults() {
            return new Params(1.5, null);
        }
    }

    private final Params params;

    public IqrOutliers() {
        this(Params.defaults());
    }

    public IqrOutliers(Params params) {
        this.params = java.util.Objects.requireNonNull(params, "params");
    }

    public Params params() {
        return params;
    }

    @Override
    public FittedIqrOutliers fit(Frame features, Column target) {
        List<String> columns = ColumnSelection.resolve(features, params.columns(), ColumnSelection.NUMERIC,
                ColumnSelection.NUMERIC, "a numeric column", WHO);
        double[] q1 = new double[columns.size()];
        double[] q3 = new double[columns.size()];
        for (int j = 0; j < q1.length; j++) {
            double[] sorted = NanStats.sorted(NanStats.present(features.column(columns.get(j))));
            if (sorted.length == 0) {
                throw new IllegalArgumentException(WHO + ": column '" + columns.get(j) + "' has no values to fit on");
            }
            q1[j] = NanStats.percentile(sorted, 25);
            q3[j] = NanStats.percentile(sorted, 75);
        }
        return new FittedIqrOutliers(params, features.schema(), columns, q1, q3);
    }
}
