package dev.kiln.learn.preprocess.outlier;

import dev.kiln.core.frame.Schema;
import java.util.List;

/** Fitted {@link IqrOutliers}: per column the quartiles, and the fences Q1 − factor·IQR and Q3 + factor·IQR. */
public final class FittedIqrOutliers extends FittedFences {
    private final IqrOutliers.Params params;
    private final double[] q1;
    private final double[] q3;

    FittedIqrOutliers(IqrOutliers.Params params, Schema inputSchema, List<String> columns, double[] q1, double[] q3) {
        super(inputSchema, columns, fence(q1, q3, -params.factor(), true), fence(q1, q3, params.factor(), false), IqrOutliers.WHO);
        this.params = params;
        this.q1 = q1.clone();
        this.q3 = q3.clone();
    }

    /** Q1 + factor·IQR (from the first quartile) or Q3 + factor·IQR, per column. */
    private static double[] fence(double[] q1, double[] q3, double factor, boolean fromFirst) {
        if (q1.length != q3.length) {
            throw new IllegalArgumentException(q1.length + " first and " + q3.length + " third quartiles");
        }
        double[] out = new double[q1.length];
        for (int j = 0; j < out.length; j++) {
            out[j] = (fromFirst ? q1[j] : q3[j]) + factor * (q3[j] - q1[j]);
        }
        return out;
    }

    public IqrOutliers.Params params() {
        return params;
    }

    /** Each column's first quartile. */
    public double[] q1() {
        return q1.clone();
    }

    /** Each column's third quartile. */
    public double[] q3() {
        return q3.clone();
    }
}
