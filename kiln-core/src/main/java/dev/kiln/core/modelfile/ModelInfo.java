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
 * @param featureRanges   the range each numeric input column held in training (see {@link FeatureRange#of}), or empty
 */
public record ModelInfo(String task, String target, Map<String, Double> trainingMetrics, Provenance provenance,
                        Map<String, FeatureRange> featureRanges) {

    public ModelInfo {
        trainingMetrics = trainingMetrics == null ? Map.of()
                : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(trainingMetrics));
        provenance = provenance == null ? Provenance.unknown() : provenance;
        featureRanges = featureRanges == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(featureRanges));
    }

    /** No feature ranges recorded. */
    public ModelInfo(String task, String target, Map<String, Double> trainingMetrics, Provenance provenance) {
        this(task, target, trainingMetrics, provenance, Map.of());
    }

    /** This, with the ranges of {@code trainingFeatures}' numeric columns recorded. */
    public ModelInfo withFeatureRangesOf(dev.kiln.core.frame.Frame trainingFeatures) {
        return new ModelInfo(task, target, trainingMetrics, provenance, FeatureRange.of(trainingFeatures));
    }

    /** Nothing known beyond the model itself. */
    public static ModelInfo none() {
        return new ModelInfo(null, null, Map.of(), Provenance.unknown());
    }
}
