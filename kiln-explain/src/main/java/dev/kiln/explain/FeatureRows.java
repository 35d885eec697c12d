package dev.kiln.explain;

import dev.kiln.core.frame.Frame;
import dev.kiln.core.frame.Schema;
import dev.kiln.core.linalg.Matrix;
import dev.kiln.learn.data.NumericInput;

/** The rows of a frame as numbers in a model's column order, checked as models check their input. */
public final class FeatureRows {
    private FeatureRows() {
    }

    /**
     * One array per row, the columns of {@code schema} in order.
     *
     * @param who the explainer, named in messages
     */
    public static double[][] of(Schema schema, Frame rows, String who) {
        Matrix m = NumericInput.featuresFor(schema, rows, who);
        return m.toArray();
    }
}
