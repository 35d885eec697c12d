package dev.kiln.serve.experiment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Experiment specs for the tests, written as JSON the way users write them. */
final class Specs {
    static final ObjectMapper JSON = new ObjectMapper();

    private Specs() {
    }

    static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException(e);
        }
    }

    static ExperimentSpec spec(String text) {
        return ExperimentSpecJson.read(json(text));
    }

    /** An A/B test of two versions of {@code model} with weights {@code a} and {@code b}. */
    static ExperimentSpec ab(String id, double a, double b) {
        return spec("""
                {"id": "%s", "model": "m", "variants": [{"name": "A", "version": 1, "weight": %s}, {"name": "B", "version": 2, "weight": %s}]}
                """.formatted(id, a, b));
    }
}
