package dev.kiln.core.metrics;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** The headline scores of a regression's predictions, each as {@link RegressionMetrics} defines it. */
public record RegressionReport(double r2, double rmse, double mae, double mse) {

    /** The report of predictions {@code yPred} against targets {@code yTrue} (at least two). */
    public static RegressionReport of(double[] yTrue, double[] yPred) {
        return new RegressionReport(RegressionMetrics.r2(yTrue, yPred), RegressionMetrics.rmse(yTrue, yPred),
                RegressionMetrics.mae(yTrue, yPred), RegressionMetrics.mse(yTrue, yPred));
    }

    /** The scores under scikit-learn's names: r2, rmse, mae, mse, in that order. */
    public Map<String, Double> toMap() {
        Map<String, Double> map = new LinkedHashMap<>();
        map.put("r2", r2);
        map.put("rmse", rmse);
        map.put("mae", mae);
        map.put("mse", mse);
        return Collections.unmodifiableMap(map);
    }
}
