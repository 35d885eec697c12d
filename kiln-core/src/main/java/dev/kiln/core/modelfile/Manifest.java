package dev.kiln.core.modelfile;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kiln.core.frame.Schema;
import java.util.Map;

/**
 * The {@code manifest.json} of a model file: what the model is, how it was configured, what it
 * expects as input, how well it did, where it came from, and a checksum of its weights.
 *
 * @param format          always {@value ModelFile#FORMAT}
 * @param formatVersion   the version of the file layout, {@link ModelFile#FORMAT_VERSION} when written by this Kiln
 * @param modelType       the codec's type id
 * @param typeVersion     the codec's layout version
 * @param kilnVersion     the Kiln that wrote the file
 * @param createdAt       when, as an ISO-8601 instant
 * @param task            classification, regression, … (may be null)
 * @param target          the predicted column (may be null)
 * @param hyperparameters as the codec wrote them
 * @param inputSchema     the input columns (null for components that are not models)
 * @param config          structural values the codec wrote
 * @param trainingMetrics metrics measured when the model was made
 * @param provenance      where the model came from
 * @param weights         the weights file and its checksum
 * @param featureRanges   the range each numeric input column held in training; null when none was recorded
 *                        (files written before Kiln recorded ranges, and models saved without their training data)
 */
public record Manifest(String format, int formatVersion, String modelType, int typeVersion, String kilnVersion,
                       String createdAt, String task, String target, JsonNode hyperparameters, Schema inputSchema,
                       JsonNode config, Map<String, Double> trainingMetrics, Provenance provenance, Weights weights,
                       Map<String, FeatureRange> featureRanges) {

    /** The recorded feature ranges, or an empty map. */
    public Map<String, FeatureRange> rangesOrEmpty() {
        return featureRanges == null ? Map.of() : featureRanges;
    }

    /** The weights file, its size and its SHA-256, checked before the weights are read. */
    public record Weights(String file, long bytes, String sha256) {
    }
}
