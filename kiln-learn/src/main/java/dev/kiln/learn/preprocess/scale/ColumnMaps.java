package dev.kiln.learn.preprocess.scale;

import dev.kiln.core.frame.Column;
import dev.kiln.core.frame.DoubleColumn;
import dev.kiln.core.frame.Frame;
import dev.kiln.learn.preprocess.ColumnReplacement;
import dev.kiln.learn.preprocess.ColumnSelection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Applies an element-wise map to chosen numeric columns, replacing them by double columns; missing values stay missing. */
final class ColumnMaps {

    /** The map for column {@code j} of the chosen ones. */
    interface ValueMap {
        double apply(int j, double value);
    }

    private ColumnMaps() {
    }

    static Frame map(Frame x, List<String> columns, ValueMap f, String who) {
        ColumnSelection.check(x, columns, ColumnSelection.NUMERIC, "a numeric column", who);
        Map<String, Column> out = new HashMap<>();
        for (int j = 0; j < columns.size(); j++) {
            String name = columns.get(j);
            double[] v = x.column(name).toDoubles();
            for (int i = 0; i < v.length; i++) {
                v[i] = f.apply(j, v[i]);
            }
            out.put(name, DoubleColumn.of(name, v));
        }
        return ColumnReplacement.replace(x, out);
    }

    /** scikit-learn's {@code _handle_zeros_in_scale}: scales below 10 machine epsilons become 1. */
    static double[] zerosToOne(double[] scale) {
        double[] out = scale.clone();
        for (int j = 0; j < out.length; j++) {
            if (out[j] < 10 * Math.ulp(1.0)) {
                out[j] = 1.0;
            }
        }
        return out;
    }

    static void checkLength(double[] values, List<String> columns, String what) {
        if (values.length != columns.size()) {
            throw new IllegalArgumentException(values.length + " " + what + " for " + columns.size() + " columns");
        }
    }
}
