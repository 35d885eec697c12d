package dev.kiln.learn.preprocess.scale;

import dev.kiln.core.frame.Frame;
import dev.kiln.core.frame.Schema;
import dev.kiln.core.model.FittedTransformer;
import java.util.List;

/** A fitted {@link RobustScaler}: per column the centre (median) and the scale (interquartile range). */
public final class FittedRobustScaler implements FittedTransformer {
    private final RobustScaler.Params params;
    private final Schema inputSchema;
    private final List<String> columns;
    private final double[] center;
    private final double[] scale;

    FittedRobustScaler(RobustScaler.Params params, Schema inputSchema, List<String> columns, double[] center,
                       double[] scale) {
        ColumnMaps.checkLength(center, columns, "centres");
        ColumnMaps.checkLength(scale, columns, "scales");
        this.params = params;
        this.inputSchema = inputSchema;
        this.columns = List.copyOf(columns);
        this.center = center.clone();
        this.scale = scale.clone();
    }

    public RobustScaler.Params params() {
        return params;
    }

    public List<String> columns() {
        return columns;
    }

    /** What each column is centred on: its median, or 0 without centring. */
    public double[] center() {
        return center.clone();
    }

    /** What each column is divided by: its quantile range (1 where zero), or 1 without scaling. */
    public double[] scale() {
        return scale.clone();
    }

    @Override
    public Frame transform(Frame features) {
        return ColumnMaps.map(features, columns, (j, v) -> (v - center[j]) / scale[j], RobustScaler.WHO);
    }

    /** Undoes {@link #transform}: x · scale + centre. */
    public Frame inverseTransform(Frame scaled) {
        return ColumnMaps.map(scaled, columns, (j, v) -> v * scale[j] + center[j], RobustScaler.WHO);
    }

    @Override
    public Schema inputSchema() {
        return inputSchema;
    }
}
