package dev.kiln.learn.preprocess.outlier;

import dev.kiln.core.frame.Column;
import dev.kiln.core.frame.DoubleColumn;
import dev.kiln.core.frame.Frame;
import dev.kiln.core.frame.Schema;
import dev.kiln.core.model.FittedTransformer;
import dev.kiln.learn.preprocess.ColumnReplacement;
import dev.kiln.learn.preprocess.ColumnSelection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Fitted per-column lower and upper fences: as a step it clips each fenced column into
 * [lower, upper] (as a double column; missing values stay missing), as an
 * {@link OutlierDetector} it finds the rows with a value outside them.
 */
public abstract sealed class FittedFences implements FittedTransformer, OutlierDetector
        permits FittedIqrOutliers, FittedZScoreOutliers {
    private final Schema inputSchema;
    private final List<String> columns;
    private final double[] lower;
    private final double[] upper;
    private final String who;

    FittedFences(Schema inputSchema, List<String> columns, double[] lower, double[] upper, String who) {
        if (lower.length != columns.size() || upper.length != columns.size()) {
            throw new IllegalArgumentException(who + ": " + lower.length + " lower and " + upper.length
                    + " upper fences for " + columns.size() + " columns");
        }
        this.inputSchema = inputSchema;
        this.columns = List.copyOf(columns);
        this.lower = lower.clone();
        this.upper = upper.clone();
        this.who = who;
    }

    /** The fenced columns, in the order of the arrays. */
    public List<String> columns() {
        return columns;
    }

    /** Each column's lower fence. */
    public double[] lowerFences() {
        return lower.clone();
    }

    /** Each column's upper fence. */
    public double[] upperFences() {
        return upper.clone();
    }

    /** Clips each fenced column to its fences. */
    @Override
    public Frame transform(Frame features) {
        ColumnSelection.check(features, columns, ColumnSelection.NUMERIC, "a numeric column", who);
        Map<String, Column> out = new HashMap<>();
        for (int j = 0; j < columns.size(); j++) {
            double[] v = features.column(columns.get(j)).toDoubles();
            for (int i = 0; i < v.length; i++) {
                v[i] = Math.min(upper[j], Math.max(lower[j], v[i]));
            }
            out.put(columns.get(j), DoubleColumn.of(columns.get(j), v));
        }
        return ColumnReplacement.replace(features, out);
    }

    @Override
    public boolean[] isOutlier(Frame features) {
        ColumnSelection.check(features, columns, ColumnSelection.NUMERIC, "a numeric column", who);
        boolean[] out = new boolean[features.rowCount()];
        for (int j = 0; j < columns.size(); j++) {
            Column c = features.column(columns.get(j));
            for (int i = 0; i < out.length; i++) {
                double v = c.getDouble(i);
                out[i] |= v < lower[j] || v > upper[j];
            }
        }
        return out;
    }

    @Override
    public Schema inputSchema() {
        return inputSchema;
    }
}
