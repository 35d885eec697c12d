package dev.kiln.explain.fairness;

import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The audit of one group: its confusion counts, a bootstrap interval for each metric, and its
 * reliability curve.
 *
 * @param group       the group
 * @param counts      its confusion counts
 * @param intervals   the percentile bootstrap interval of each metric (empty without bootstrap)
 * @param calibration its reliability curve (empty when the model gives no probabilities)
 */
public record GroupResult(Grouping.Group group, ConfusionCounts counts, Map<GroupMetric, Interval> intervals,
                          List<CalibrationBin> calibration) {

    public GroupResult {
        intervals = intervals.isEmpty() ? Map.of() : Collections.unmodifiableMap(new EnumMap<>(intervals));
        calibration = List.copyOf(calibration);
    }

    /** The point estimate of {@code metric}. */
    public double value(GroupMetric metric) {
        return metric.of(counts);
    }

    /** The interval of {@code metric}, or null without bootstrap. */
    public Interval interval(GroupMetric metric) {
        return intervals.get(metric);
    }
}
