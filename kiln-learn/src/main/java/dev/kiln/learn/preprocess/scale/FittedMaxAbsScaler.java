package dev.kiln.learn.preprocess.scale;

import dev.kiln.core.frame.Frame;
import dev.kiln.core.frame.Schema;
import dev.kiln.core.model.FittedTransformer;
import java.util.List;

/** A fitted {@link MaxAbsScaler}: per column its largest absolute value. */
public final class FittedMaxAbsScaler implements FittedTransformer {
    private final MaxAbsScaler.Params params;
    private final Schema inputSchema;
    private final List<String> columns;
    private final double[] maxAbs;
    private final double[] scale;

    FittedMaxAbsScaler(MaxAbsScaler.Params params, Schema inputSchema, List<String> columns, double[] maxAbs) {
        ColumnMaps.checkLength(maxAbs, columns, "maxima");
        this.params = params;
        this.inputSchema = inputSchema;
        this.columns = List.copyOf(columns);
        this.maxAbs = maxAbs.clone();
        this.scale = ColumnMaps.zerosToOne(maxAbs);
    }

    public MaxAbsScaler.Params params() {
        return params;
    }

    public List<String> columns() {
        return columns;
    }

    /** Each column's largest absolute training value. */
    public double[] maxAbs() {
        return maxAbs.clone();
    }

    /** What each column is divided by: its largest absolute value, 1 where that is zero. */
    public double[] scale() {
        return scale.clone();
    }

    @Override
    public Frame transform(Frame features) {
        return ColumnMaps.map(features, columns, (j, v) -> v / scale[j], MaxAbsScaler.WHO);
    }

    /** Undoes {@link #transform}: x · scale. */
    public Frame inverseTransform(Frame scaled) {
        return ColumnMaps.map(scaled, columns, (j, v) -> v * scale[j], MaxAbsScaler.WHO);
    }

    @Override
    public Schema inputSchema() {
        return inputSchema;
    }
}
