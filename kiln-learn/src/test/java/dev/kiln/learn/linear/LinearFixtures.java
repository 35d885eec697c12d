package dev.kiln.learn.linear;

import dev.kiln.core.frame.Column;
import dev.kiln.core.frame.DoubleColumn;
import dev.kiln.core.frame.Frame;
import dev.kiln.core.random.Rng;
import java.util.ArrayList;
import java.util.List;

/** Random data for the linear model tests. */
final class LinearFixtures {
    private LinearFixtures() {
    }

    /** rows × cols independent normal draws with standard deviation {@code scale}, columns x0, x1, …. */
    static Frame gaussianFrame(Rng rng, int rows, int cols, double scale) {
        List<Column> columns = new ArrayList<>();
        for (int j = 0; j < cols; j++) {
            double[] v = new double[rows];
            for (int i = 0; i < rows; i++) {
                v[i] = scale * rng.nextGaussian();
            }
            columns.add(DoubleColumn.of("x" + j, v));
        }
        return Frame.of(columns);
    }

    /** y = intercept + Σ (j + 1)·(−1)ʲ·x_j + noise·ε, ε standard normal. */
    static double[] linearTarget(Rng rng, Frame x, double intercept, double noise) {
        double[] y = new double[x.rowCount()];
        for (int i = 0; i < y.length; i++) {
            y[i] = intercept + noise * rng.nextGaussian();
            for (int j = 0; j < x.columnCount(); j++) {
                y[i] += (j + 1) * (j % 2 == 0 ? 1 : -1) * x.column(j).getDouble(i);
            }
        }
        return y;
    }

    /** Class labels "c0", "c1", … of the largest of {@code classes} random linear scores, plus noise. */
    static Column linearClasses(Rng rng, Frame x, int classes, double noise) {
        int p = x.columnCount();
        double[][] w = new double[classes][p];
        for (double[] row : w) {
            for (int j = 0; j < p; j++) {
                row[j] = rng.nextGaussian();
            }
        }
        String[] labels = new String[x.rowCount()];
        for (int i = 0; i < labels.length; i++) {
            int best = 0;
            double bestScore = Double.NEGATIVE_INFINITY;
            for (int k = 0; k < classes; k++) {
                double s = noise * rng.nextGaussian();
                for (int j = 0; j < p; j++) {
                    s += w[k][j] * x.column(j).getDouble(i);
                }
                if (s > bestScore) {
                    bestScore = s;
                    best = k;
                }
            }
            labels[i] = "c" + best;
        }
        return dev.kiln.core.frame.TextColumn.of("y", labels);
    }
}
