package dev.kiln.learn.ensemble;

import dev.kiln.core.frame.Column;
import dev.kiln.core.frame.DoubleColumn;
import dev.kiln.core.frame.Frame;
import dev.kiln.core.frame.TextColumn;
import dev.kiln.core.random.Rng;

/** Learnable targets for random features ({@link dev.kiln.learn.tree.TreeTestData#gaussian}). */
final class EnsembleTestData {
    private EnsembleTestData() {
    }

    /** Classes a, b, c by the sign of x0 + x1 and of x2, with 10% of labels flipped at random. */
    static Column classes(Rng rng, Frame x) {
        String[] y = new String[x.rowCount()];
        for (int i = 0; i < y.length; i++) {
            double s = x.column(0).getDouble(i) + x.column(1).getDouble(i);
            y[i] = rng.nextDouble() < 0.1 ? String.valueOf("abc".charAt(rng.nextInt(3))) : s < 0 ? "a" : x.column(2).getDouble(i) < 0 ? "b" : "c";
        }
        return TextColumn.of("y", y);
    }

    /** y = 3·x0 − 2·x1² + noise. */
    static Column values(Rng rng, Frame x) {
        double[] y = new double[x.rowCount()];
        for (int i = 0; i < y.length; i++) {
            double a = x.column(0).getDouble(i);
            double b = x.column(1).getDouble(i);
            y[i] = 3 * a - 2 * b * b + 0.3 * rng.nextGaussian();
        }
        return DoubleColumn.of("y", y);
    }
}
