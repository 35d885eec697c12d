package dev.kiln.serve.http;

import dev.kiln.core.model.ClassificationPrediction;
import dev.kiln.core.model.ClusterPrediction;
import dev.kiln.core.model.Prediction;
import dev.kiln.core.model.RegressionPrediction;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Predictions as the simple JSON API returns them: one object per instance. */
final class PredictionJson {
    private PredictionJson() {
    }

    /**
     * {@code {"label": "spam", "probabilities": {"ham": 0.1, "spam": 0.9}}} for a classifier,
     * {@code {"value": 151.2}} for a regressor, {@code {"cluster": 2}} for a clusterer.
     */
    static List<Map<String, Object>> rows(Prediction p) {
        List<Map<String, Object>> out = new ArrayList<>();
        switch (p) {
            case ClassificationPrediction c -> {
                for (int i = 0; i < c.size(); i++) {
                    Map<String, Object> row = new LinkedHashMap<>();
                    row.put("label", c.label(i));
                    if (c.hasProbabilities()) {
                        double[] probabilities = c.probabilities(i);
                        Map<String, Double> byClass = new LinkedHashMap<>();
                        for (int k = 0; k < c.classes().size(); k++) {
                            byClass.put(c.classes().get(k), probabilities[k]);
                        }
                        row.put("probabilities", byClass);
                    }
                    out.add(row);
                }
            }
            case RegressionPrediction r -> {
                for (double v : r.values()) {
                    out.add(Map.of("value", v));
                }
            }
            case ClusterPrediction k -> {
                for (int cluster : k.clusters()) {
                    out.add(Map.of("cluster", cluster));
                }
            }
        }
        return out;
    }
}
