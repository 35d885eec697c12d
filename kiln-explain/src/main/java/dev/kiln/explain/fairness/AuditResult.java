package dev.kiln.explain.fairness;

import java.util.List;

/**
 * The outcome of a bias audit: per-group metrics, the privileged group and the fairness
 * measures with their verdicts.
 *
 * @param features         the sensitive feature names
 * @param groups           one result per group, in the grouping's order
 * @param privileged       the index of the privileged group
 * @param privilegedGiven  whether the caller named it (otherwise it is the group with the highest selection rate)
 * @param overall          the confusion counts over all rows
 * @param measures         one result per measure, in {@link FairnessMeasure} order
 * @param params           the settings used (0 bootstrap replicates when no intervals were computed)
 */
public record AuditResult(List<String> features, List<GroupResult> groups, int privileged, boolean privilegedGiven,
                          ConfusionCounts overall, List<MeasureResult> measures, FairnessAudit.Params params) {

    public AuditResult {
        features = List.copyOf(features);
        groups = List.copyOf(groups);
        measures = List.copyOf(measures);
    }

    /** Whether every measure met its threshold. */
    public boolean passed() {
        return measures.stream().allMatch(MeasureResult::passed);
    }

    /** The measures that did not meet their threshold. */
    public List<MeasureResult> failed() {
        return measures.stream().filter(m -> !m.passed()).toList();
    }

    public GroupResult privilegedGroup() {
        return groups.get(privileged);
    }

    /** The result of {@code measure}. */
    public MeasureResult measure(FairnessMeasure measure) {
        return measures.get(measure.ordinal());
    }
}
