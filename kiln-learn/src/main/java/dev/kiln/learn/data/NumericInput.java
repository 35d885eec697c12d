package dev.kiln.learn.data;

import dev.kiln.core.frame.Column;
import dev.kiln.core.frame.Frame;
import dev.kiln.core.frame.Schema;
import dev.kiln.core.linalg.Matrix;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns frames into the numeric arrays algorithms work on, refusing with a clear message what
 * they cannot use: text or categorical columns, missing values, an empty or mismatched table.
 */
public final class NumericInput {
    private NumericInput() {
    }

    /**
     * The features as a matrix for fitting.
     *
     * @param who the estimator, named in messages
     */
    public static Matrix features(Frame x, String who) {
        requireUsable(x, who);
        return x.toMatrix();
    }

    /**
     * The features for fitting stored column by column, for algorithms that scan features
     * (coordinate descent): column j's n values are at {@code [j·n, (j + 1)·n)}. Same checks as
     * {@link #features}.
     */
    public static double[] featureColumns(Frame x, String who) {
        requireUsable(x, who);
        return concatenate(x);
    }

    private static double[] concatenate(Frame x) {
        int n = x.rowCount();
        double[] out = new double[x.columnCount() * n];
        for (int j = 0; j < x.columnCount(); j++) {
            Column c = x.column(j);
            int o = j * n;
            for (int i = 0; i < n; i++) {
                out[o + i] = c.getDouble(i);
            }
        }
        return out;
    }

    private static void requireUsable(Frame x, String who) {
        if (x.rowCount() == 0) {
            throw new IllegalArgumentException(who + ": there are no rows to fit on");
        }
        if (x.columnCount() == 0) {
            throw new IllegalArgumentException(who + ": there are no feature columns");
        }
        List<String> problems = new ArrayList<>();
        for (Column c : x.columns()) {
            if (!c.type().isNumeric()) {
                problems.add("column '" + c.name() + "' is " + c.type().label() + " (encode it first)");
            } else if (c.missingCount() > 0) {
                problems.add("column '" + c.name() + "' has " + c.missingCount() + " missing value"
                        + (c.missingCount() == 1 ? "" : "s") + " (impute or drop them first)");
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(who + " needs numeric features without missing values: "
                    + String.join("; ", problems));
        }
    }

    /** The columns of {@code x} named in {@code schema}, in its order, as a matrix for predicting. */
    public static Matrix featuresFor(Schema schema, Frame x, String who) {
        return selectFor(schema, x, who).toMatrix();
    }

    /**
     * The columns of {@code x} named in {@code schema}, in its order, stored column by column as
     * {@link #featureColumns} stores them, for predicting without building a row-major matrix.
     * Same checks as {@link #featuresFor}.
     */
    public static double[] featureColumnsFor(Schema schema, Frame x, String who) {
        return concatenate(selectFor(schema, x, who));
    }

    private static Frame selectFor(Schema schema, Frame x, String who) {
        for (String name : schema.names()) {
            if (!x.hasColumn(name)) {
                throw new IllegalArgumentException(who + " was fitted on columns " + schema.names()
                        + " but the data has no column '" + name + "'");
            }
        }
        Frame selected = x.select(schema.names());
        for (Column c : selected.columns()) {
            if (!c.type().isNumeric()) {
                throw new IllegalArgumentException(who + ": column '" + c.name() + "' is " + c.type().label()
                        + " but the model was fitted on a numeric column");
            }
        }
        return selected;
    }

    /**
     * As {@link #featuresFor}, refusing missing values: for models that cannot predict a row
     * with a gap in it.
     */
    public static Matrix completeFeaturesFor(Schema schema, Frame x, String who) {
        Matrix m = featuresFor(schema, x, who);
        List<String> names = schema.names();
        for (int j = 0; j < names.size(); j++) {
            int missing = x.column(names.get(j)).missingCount();
            if (missing > 0) {
                throw new IllegalArgumentException(who + ": column '" + names.get(j) + "' has " + missing + " missing value"
                        + (missing == 1 ? "" : "s") + "; impute or drop them before predicting");
            }
        }
        return m;
    }

    /**
     * The elements of {@code m} in row-major order: its own storage when that is laid out exactly
     * so (as the matrices of {@link #features} are), else a compact copy.
     */
    public static double[] rowMajor(Matrix m) {
        double[] data = m.storage();
        return m.isCompact() && m.offset() == 0 && data.length == m.rows() * m.cols() ? data : m.toRowMajorArray();
    }

    /** A numeric target without missing values, as doubles. */
    public static double[] target(Column y, int rows, String who) {
        if (y == null) {
            throw new IllegalArgumentException(who + " needs a target column");
        }
        if (!y.type().isNumeric()) {
            throw new IllegalArgumentException(who + ": the target '" + y.name() + "' is " + y.type().label()
                    + "; regression needs a numeric target");
        }
        if (y.size() != rows) {
            throw new IllegalArgumentException(who + ": the target has " + y.size() + " rows but the features have " + rows);
        }
        if (y.missingCount() > 0) {
            throw new IllegalArgumentException(who + ": the target '" + y.name() + "' has " + y.missingCount()
                    + " missing values; drop those rows first");
        }
        double[] out = new double[rows];
        for (int i = 0; i < rows; i++) {
            out[i] = y.getDouble(i);
        }
        return out;
    }
}
