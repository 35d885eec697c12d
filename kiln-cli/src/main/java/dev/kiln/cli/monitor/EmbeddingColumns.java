package dev.kiln.cli.monitor;

import dev.kiln.core.frame.Column;
import dev.kiln.core.frame.Frame;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The numeric columns of a frame that together hold one embedding vector per row, found by a name prefix. */
final class EmbeddingColumns {
    private EmbeddingColumns() {
    }

    /** The columns whose names start with {@code prefix}; every one must be numeric. */
    static List<String> named(Frame frame, String prefix) {
        List<String> names = new ArrayList<>();
        for (Column c : frame.columns()) {
            if (c.name().startsWith(prefix)) {
                if (!c.type().isNumeric()) {
                    throw new IllegalArgumentException("--embedding " + prefix + ": column '" + c.name() + "' is "
                            + c.type().label() + "; embedding columns must be numeric");
                }
                names.add(c.name());
            }
        }
        if (names.isEmpty()) {
            throw new IllegalArgumentException("--embedding " + prefix + ": no column name starts with '" + prefix + "'");
        }
        return names;
    }

    /** The rows of those columns as vectors, rows with a missing value left out. */
    static double[][] rows(Frame frame, List<String> names, Path file) {
        List<double[]> columns = new ArrayList<>();
        for (String n : names) {
            if (!frame.hasColumn(n)) {
                throw new IllegalArgumentException(file + ": no embedding column '" + n + "'");
            }
            Column c = frame.column(n);
            if (!c.type().isNumeric()) {
                throw new IllegalArgumentException(file + ": embedding column '" + n + "' is " + c.type().label() + "; expected numbers");
            }
            columns.add(c.toDoubles());
        }
        List<double[]> rows = new ArrayList<>();
        for (int i = 0; i < frame.rowCount(); i++) {
            double[] row = new double[names.size()];
            boolean complete = true;
            for (int k = 0; k < row.length; k++) {
                row[k] = columns.get(k)[i];
                complete &= Double.isFinite(row[k]);
            }
            if (complete) {
                rows.add(row);
            }
        }
        return rows.toArray(new double[0][]);
    }
}
