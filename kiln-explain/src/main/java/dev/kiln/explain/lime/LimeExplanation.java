package dev.kiln.explain.lime;

import dev.kiln.explain.Explanation;

import java.util.List;
import java.util.Objects;

/**
 * A LIME explanation with what tells how far to trust it. The {@link Explanation}'s values are
 * the surrogate's coefficients (zero for features it did not select) and its base value the
 * surrogate's intercept, as the {@code lime} package reports them; they add up to the
 * {@code localPrediction} only in the surrogate's own (scaled, binary) coordinates.
 *
 * @param explanation     method "lime", prediction = the model's output for the row
 * @param fidelity        the surrogate's weighted R² on its samples (1 = the model is linear there)
 * @param localPrediction the surrogate's output at the explained row
 * @param selected        the features the surrogate uses, most influential first
 * @param conditions      per feature of the explanation, what it stands for, e.g. {@code "2.10 < petal_length <= 4.35"}
 *                        or {@code "color=red"}, or the word itself for text
 */
public record LimeExplanation(Explanation explanation, double fidelity, double localPrediction, List<String> selected,
                              List<String> conditions) {

    public LimeExplanation {
        Objects.requireNonNull(explanation, "explanation");
        selected = List.copyOf(selected);
        conditions = List.copyOf(conditions);
        if (conditions.size() != explanation.features().size()) {
            throw new IllegalArgumentException(explanation.features().size() + " features but " + conditions.size() + " conditions");
        }
    }
}
