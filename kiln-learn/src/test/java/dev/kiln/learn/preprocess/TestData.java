package dev.kiln.learn.preprocess;

import dev.kiln.core.frame.Frame;
import dev.kiln.core.io.CsvReader;
import java.nio.file.Path;

/** The test data sets the preprocessing checks read. */
public final class TestData {
    private TestData() {
    }

    /** datasets/NAME/NAME.csv from the test resources. */
    public static Frame read(String name) {
        return CsvReader.read(Path.of("src/test/resources/datasets", name, name + ".csv"));
    }

    /** The four iris measurements. */
    public static Frame irisFeatures() {
        return read("iris").drop("target", "target_name");
    }

    /** Every column as doubles, row-major. */
    public static double[][] rows(Frame f) {
        double[][] out = new double[f.rowCount()][f.columnCount()];
        for (int j = 0; j < f.columnCount(); j++) {
            double[] v = f.column(j).toDoubles();
            for (int i = 0; i < v.length; i++) {
                out[i][j] = v[i];
            }
        }
        return out;
    }
}
