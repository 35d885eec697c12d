package dev.kiln.explain.fairness;

import java.util.List;

/**
 * What a mitigation did to the accuracy/fairness trade-off: the audit of the predictions
 * before and after it, on the same rows.
 *
 * @param method      {@code reweighing}, {@code threshold-dp} or {@code threshold-eo}
 * @param description how it was applied, in a sentence or two
 * @param before      the audit of the original predictions
 * @param after       the audit of the mitigated predictions
 * @param notes       caveats worth reading with the figures
 */
public record MitigationOutcome(String method, String description, AuditResult before, AuditResult after, List<String> notes) {

    public MitigationOutcome {
        notes = List.copyOf(notes);
    }

    /** Accuracy after minus accuracy before. */
    public double accuracyChange() {
        return after.overall().accuracy() - before.overall().accuracy();
    }
}
