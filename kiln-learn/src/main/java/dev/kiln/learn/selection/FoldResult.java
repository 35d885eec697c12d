package dev.kiln.learn.selection;

import java.util.Map;

/**
 * The outcome of one fold.
 *
 * @param fold         the fold's index
 * @param trainRows    rows fitted on
 * @param testRows     rows scored on
 * @param metrics      test metrics by scikit-learn name
 * @param fitSeconds   time to fit
 * @param scoreSeconds time to predict and score
 */
public record FoldResult(int fold, int trainRows, int testRows, Map<String, Double> metrics, double fitSeconds,
                         double scoreSeconds) {

    public FoldResult {
        metrics = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(metrics));
    }
}
