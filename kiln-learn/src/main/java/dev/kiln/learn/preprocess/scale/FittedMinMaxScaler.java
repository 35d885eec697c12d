package dev.kiln.learn.preprocess.scale;

import dev.kiln.core.frame.Frame;
import dev.kiln.core.frame.Schema;
import dev.kiln.core.model.FittedTransformer;
import java.util.List;

/** A fitted {@link MinMaxScaler}: per column the training minimum and maximum, and the affine map they give. */
public final class FittedMinMaxScaler implements FittedTransformer {
    private final MinMaxScaler.Params params;
    private final Schema inputSchema;
    private final List<String> columns;
    private final double[] dataMin;
    private final double[] dataMax;
    private final double[] scale;
    private final double[] offset;

    FittedMinMaxScaler(MinMaxScaler.Params params, Schema inputSchema, List<String> columns, double[] dataMin,
                       double[] dataMax) {
        ColumnMaps.checkLength(dataMin, columns, "minima");
        ColumnMaps.checkLength(dataMax, columns, "maxima");
        this.params = params;
        this.inputSchema = inputSchema;
        this.columns = List.copyOf(columns);
        this.dataMin = dataMin.clone();
        this.dataMax = dataMax.clone();
        double[] range = new double[dataMin.length];
        for (int j = 0; j < range.length; j++) {
            range[j] = dataMax[j] - dataMin[j];
        }
        range = ColumnMaps.zerosToOne(range);
        this.scale = new double[range.length];
        this.offset = new double[range.length];
        for (int j = 0; j < range.length; j++) {
            scale[j] = (params.high() - params.low()) / range[j];
            offset[j] = params.low() - dataMin[j] * scale[j];
        }
    }

    public MinMaxScaler.Params params() {
        return params;
    }

    public List<String> columns() {
        return columns;
    }

    /** Each column's smallest training value. */
    public double[] dataMin() {
        return dataMin.clone();
    }

    /** Each column's largest training value. */
    public double[] dataMax() {
        return dataMax.clone();
    }

    /** The factor each column is multiplied by (scikit-learn's {@code scale_}). */
    public double[] scale() {
        return scale.clone();
    }

    /** What is added after multiplying (scikit-learn's {@code min_}). */
    public double[] offset() {
        return offset.clone();
    }

    @Override
    public Frame transform(Frame features) {
        double low = params.low();
        double high = params.high();
        boolean clip = params.clip();
        return ColumnMaps.map(features, columns, (j, v) -> {
            double y = v * scale[j] + offset[j];
            return clip ? Math.min(high, Math.max(low, y)) : y;
        }, MinMaxScaler.WHO);
    }

    /** Undoes {@link #transform} (for values it did not clip): (x − offset) / scale. */
    public Frame inverseTransform(Frame scaled) {
        return ColumnMaps.map(scaled, columns, (j, v) -> (v - offset[j]) / scale[j], MinMaxScaler.WHO);
    }

    @Override
    public Schema inputSchema() {
        return inputSchema;
    }
}
