package dev.kiln.explain.fairness;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One fairness measure's value and verdict.
 *
 * @param measure   which measure
 * @param value     its value (NaN when undefined, e.g. a TPR difference with a group that has no positive rows)
 * @param ci        its percentile bootstrap interval, or null without bootstrap
 * @param threshold the threshold it was held to
 * @param passed    whether the value meets the threshold under the measure's rule (false when undefined)
 * @param byGroup   for measures against the privileged group, the value of each unprivileged group (the
 *                  reported value is the worst of them); empty otherwise
 */
public record MeasureResult(FairnessMeasure measure, double value, Interval ci, double threshold, boolean passed,
                            Map<String, Double> byGroup) {

    public MeasureResult {
        byGroup = Collections.unmodifiableMap(new LinkedHashMap<>(byGroup));
    }
}
