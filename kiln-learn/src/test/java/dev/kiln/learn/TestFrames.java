package dev.kiln.learn;

import dev.kiln.core.frame.Column;
import dev.kiln.core.frame.DoubleColumn;
import dev.kiln.core.frame.Frame;
import java.util.ArrayList;
import java.util.List;

/** Frames for tests. */
public final class TestFrames {
    private TestFrames() {
    }

    /** A frame of double columns x0, x1, … holding {@code rows}, one array per row. */
    public static Frame ofRows(double[][] rows) {
        List<Column> columns = new ArrayList<>();
        for (int j = 0; j < rows[0].length; j++) {
            double[] v = new double[rows.length];
            for (int i = 0; i < rows.length; i++) {
                v[i] = rows[i][j];
            }
            columns.add(DoubleColumn.of("x" + j, v));
        }
        return Frame.of(columns);
    }
}
