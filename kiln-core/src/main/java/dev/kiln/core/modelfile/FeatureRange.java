package dev.kiln.core.modelfile;

import dev.kiln.core.frame.Column;
import dev.kiln.core.frame.ColumnType;
import dev.kiln.core.frame.Frame;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The smallest and largest value a numeric input column held in training. Recorded in the
 * manifest so that a server can notice input the model never saw the like of (a model
 * extrapolating outside its training range is the commonest silent failure in production).
 */
public record FeatureRange(double min, double max) {

    public FeatureRange {
        if (!(min <= max)) {
            throw new IllegalArgumentException("a feature range needs min <= max, both numbers; got [" + min + ", " + max + "]");
        }
    }

    /** Whether {@code value} lies within the range (NaN, a missing value, does not count as outside). */
    public boolean admits(double value) {
        return Double.isNaN(value) || value >= min && value <= max;
    }

    /** The ranges of {@code features}' numeric (double and long) columns, in column order; infinities are ignored and columns with no finite value left out. */
    public static Map<String, FeatureRange> of(Frame features) {
        Map<String, FeatureRange> out = new LinkedHashMap<>();
        for (Column c : features.columns()) {
            if (c.type() != ColumnType.DOUBLE && c.type() != ColumnType.LONG) {
                continue;
            }
            double min = Double.POSITIVE_INFINITY;
            double max = Double.NEGATIVE_INFINITY;
            for (int i = 0; i < c.size(); i++) {
                if (!c.isMissing(i)) {
                    double v = c.getDouble(i);
                    if (Double.isFinite(v)) {
                        min = Math.min(min, v);
                        max = Math.max(max, v);
                    }
                }
            }
            if (min <= max) {
                out.put(c.name(), new FeatureRange(min, max));
            }
        }
        return out;
    }
}
