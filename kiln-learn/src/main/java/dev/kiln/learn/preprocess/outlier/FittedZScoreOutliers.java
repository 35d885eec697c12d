package dev.kiln.learn.preprocess.outlier;

import dev.kiln.core.frame.Schema;
import java.util.List;

/** Fitted {@link ZScoreOutliers}: per column the mean and standard deviation, and the fences mean ± threshold·std. */
public final class FittedZScoreOutliers extends FittedFences {
    private final ZScoreOutliers.Params params;
    private final double[] mean;
    private final double[] std;

    FittedZScoreOutliers(ZScoreOutliers.Params params, Schema inputSchema, List<String> columns, double[] mean,
                         double[] std) {
        super(inputSchema, columns, fence(mean, std, -params.threshold()), fence(mean, std, params.threshold()),
                ZScoreOutliers.WHO);
        this.params = params;
        this.mean = mean.clone();
        this.std = std.clone();
    }

    /** mean + z·std per column. */
    private static double[] fence(double[] mean, double[] std, double z) {
        if (mean.length != std.length) {
            throw new IllegalArgumentException(mean.length + " means and " + std.length + " standard deviations");
        }
        double[] out = new double[mean.length];
        for (int j = 0; j < out.length; j++) {
            out[j] = mean[j] + z * std[j];
        }
        return out;
    }

    public ZScoreOutliers.Params params() {
        return params;
    }

    /** Each column's training mean. */
    public double[] mean() {
        return mean.clone();
    }

    /** Each column's population standard deviation. */
    public double[] std() {
        return std.clone();
    }
}
