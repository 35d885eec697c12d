package dev.kiln.learn.preprocess.scale;

import dev.kiln.core.frame.Frame;
import dev.kiln.core.frame.Schema;
import dev.kiln.core.model.FittedTransformer;
import java.util.List;

/** A fitted {@link StandardScaler}: per column its mean, variance and the scale it divides by. */
public final class FittedStandardScaler implements FittedTransformer {
    private final StandardScaler.Params params;
    private final Schema inputSchema;
    private final List<String> columns;
    private final double[] mean;
    private final double[] variance;
    private final double[] scale;

    FittedStandardScaler(StandardScaler.Params params, Schema inputSchema, List<String> columns, double[] mean,
                         double[] variance, double[] scale) {
        ColumnMaps.checkLength(mean, columns, "means");
        ColumnMaps.checkLength(variance, columns, "variances");
        ColumnMaps.checkLength(scale, columns, "scales");
        this.params = params;
        this.inputSchema = inputSchema;
        this.columns = List.copyOf(columns);
        this.mean = mean.clone();
        this.variance = variance.clone();
        this.scale = scale.clone();
    }

    public StandardScaler.Params params() {
        return params;
    }

    /** The scaled columns, in the order of the arrays below. */
    public List<String> columns() {
        return columns;
    }

    /** Each column's mean over its present values. */
    public double[] mean() {
        return mean.clone();
    }

    /** Each column's population variance over its present values. */
    public double[] variance() {
        return variance.clone();
    }

    /** What each column is divided by: its standard deviation, or 1 when constant or when not scaling. */
    public double[] scale() {
        return scale.clone();
    }

    @Override
    public Frame transform(Frame features) {
        boolean centre = params.withMean();
        return ColumnMaps.map(features, columns, (j, v) -> (centre ? v - mean[j] : v) / scale[j], StandardScaler.WHO);
    }

    /** Undoes {@link #transform}: x · scale + mean. */
    public Frame inverseTransform(Frame scaled) {
        boolean centre = params.withMean();
        return ColumnMaps.map(scaled, columns, (j, v) -> centre ? v * scale[j] + mean[j] : v * scale[j], StandardScaler.WHO);
    }

    @Override
    public Schema inputSchema() {
        return inputSchema;
    }
}
