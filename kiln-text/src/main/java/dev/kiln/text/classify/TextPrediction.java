package dev.kiln.text.classify;

import java.util.Map;

/**
 * One text's predicted label, its probability, and every class's probability.
 *
 * @param probabilities class → probability, in the model's class order
 */
public record TextPrediction(String label, double probability, Map<String, Double> probabilities) {
}
