package dev.kiln.learn.preprocess.scale;

import dev.kiln.core.frame.Column;
import dev.kiln.core.frame.Frame;
import dev.kiln.core.model.Transformer;
import dev.kiln.learn.preprocess.ColumnSelection;
import dev.kiln.learn.preprocess.NanStats;
import java.util.List;

/**
 * Standardises numeric columns: (x − mean) / std with the population standard deviation, as
 * scikit-learn's {@code StandardScaler}. Missing values are skipped in fitting and stay missing.
 * A column scikit-learn's bound on rounding error calls constant is scaled by 1, so it comes
 * out as zeros instead of NaN.
 */
public final class StandardScaler implements Transformer {
    static final String WHO = "standard-scaler";

    /**
     * @param withMean whether to subtract the mean (scikit-learn: True)
     * @param withStd  whether to divide by the standard deviation (True)
     * @param columns  the columns to scale; null for every numeric column
     */
    public record Params(boolean withMean, boolean withStd, List<String> columns) {
        public Params {
            columns = ColumnSelection.checkParameter(columns, WHO);
        }

        public static Params defaults() {
            return new Params(true, true, null);
        }
    }

    private final Params params;

    public StandardScaler() {
        this(Params.defaults());
    }

    public StandardScaler(Params params) {
        this.params = java.util.Objects.requireNonNull(params, "params");
    }

    public Params params() {
        return params;
    }

    @Override
    public FittedStandardScaler fit(Frame features, Column target) {
        List<String> columns = ColumnSelection.resolve(features, params.columns(), ColumnSelection.NUMERIC,
                ColumnSelection.NUMERIC, "a numeric column", WHO);
        int p = columns.size();
        double[] mean = new double[p];
        double[] variance = new double[p];
        double[] scale = new double[p];
        for (int j = 0; j < p; j++) {
            double[] v = NanStats.present(features.column(columns.get(j)));
            mean[j] = NanStats.mean(v);
            variance[j] = NanStats.variance(v, mean[j]);
            scale[j] = !params.withStd() || isConstant(variance[j], mean[j], v.length) ? 1.0 : Math.sqrt(variance[j]);
        }
        return new FittedStandardScaler(params, features.schema(), columns, mean, variance, scale);
    }

    /** scikit-learn's {@code _is_constant_feature}: the variance is within the two-pass algorithm's error bound. */
    private static boolean isConstant(double var, double mean, int n) {
        double eps = Math.ulp(1.0);
        double bound = n * eps * var + (n * mean * eps) * (n * mean * eps);
        return var <= bound;
    }
}
