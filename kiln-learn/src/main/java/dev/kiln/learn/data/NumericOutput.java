package dev.kiln.learn.data;

import dev.kiln.core.frame.Column;
import dev.kiln.core.frame.DoubleColumn;
import dev.kiln.core.frame.Frame;
import java.util.ArrayList;
import java.util.List;

/** Turns the numeric arrays algorithms produce back into frames. */
public final class NumericOutput {
    private NumericOutput() {
    }

    /** A frame of double columns named {@code names} holding the row-major {@code rows × names.size()} array. */
    public static Frame frame(List<String> names, double[] rowMajor, int rows) {
        int c = names.size();
        if (rowMajor.length != (long) rows * c) {
            throw new IllegalArgumentException(rowMajor.length + " values do not make " + rows + " rows of " + c + " columns");
        }
        List<Column> out = new ArrayList<>(c);
        double[] v = new double[rows];
        for (int j = 0; j < c; j++) {
            for (int i = 0; i < rows; i++) {
                v[i] = rowMajor[i * c + j];
            }
            out.add(DoubleColumn.of(names.get(j), v));
        }
        return Frame.of(out);
    }
}
