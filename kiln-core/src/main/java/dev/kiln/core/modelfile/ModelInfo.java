package dev.kiln.core.modelfile;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the caller knows about a model beyond its parameters, recorded in the manifest when it
 * is saved: the task and target, metrics measured after training, and provenance.
 *
 * @param task            "classification", "regression", "clustering", … or null
 * @param target          the name of the predicted column, or null
 * @param trainingMetrics metrics by scikit-learn-style name ({@code accuracy}, {@code r2}, …)
 * @param provenance      where the model came from
 */
public record ModelInfo(String task, String target, Map<String, Double> trainingMetrics, Provenance provenance) {

    public ModelInfo {
        trainingMetrics = trainingMetrics == null ? Map.of()
                : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(trainingMetrics));
        provenance = provenance == null ? Provenance.unknown() : provenance;
    }

    /** Nothing known beyond the model itself. */
    public static ModelInfo none() {
        return new ModelInfo(null, null, Map.of(), Provenance.unknown());
    }
}
