package dev.kiln.learn.tree;

import dev.kiln.core.frame.Column;
import dev.kiln.core.frame.DoubleColumn;
import dev.kiln.core.frame.Frame;
import dev.kiln.core.frame.TextColumn;
import dev.kiln.core.random.Rng;
import java.util.ArrayList;
import java.util.List;

/** Random tables for the tests of trees and ensembles. */
public final class TreeTestData {
    private TreeTestData() {
    }

    /** {@code cols} standard normal columns x0, x1, …. */
    public static Frame gaussian(Rng rng, int rows, int cols) {
        List<Column> columns = new ArrayList<>();
        for (int j = 0; j < cols; j++) {
            double[] v = new double[rows];
            for (int i = 0; i < rows; i++) {
                v[i] = rng.nextGaussian();
            }
            columns.add(DoubleColumn.of("x" + j, v));
        }
        return Frame.of(columns);
    }

    /** {@code cols} columns of small integers in [0, levels): many ties. */
    public static Frame integers(Rng rng, int rows, int cols, int levels) {
        List<Column> columns = new ArrayList<>();
        for (int j = 0; j < cols; j++) {
            double[] v = new double[rows];
            for (int i = 0; i < rows; i++) {
                v[i] = rng.nextInt(levels);
            }
            columns.add(DoubleColumn.of("x" + j, v));
        }
        return Frame.of(columns);
    }

    /** Class names c0 … c{k−1} drawn uniformly, every class present at least once. */
    public static Column randomClasses(Rng rng, int rows, int k) {
        String[] v = new String[rows];
        for (int i = 0; i < rows; i++) {
            v[i] = "c" + (i < k ? i : rng.nextInt(k));
        }
        return TextColumn.of("y", v);
    }
}
