package dev.kiln.cli.learn;

import dev.kiln.learn.catalog.ModelSpec;
import java.util.LinkedHashMap;
import java.util.Map;

/** The hyperparameters given on the command line, with the run's seed passed to models that take one. */
final class ModelParams {
    private ModelParams() {
    }

    /** {@code given} plus {@code seed=...} when the model has a seed parameter and none was given. */
    static Map<String, String> withSeed(ModelSpec spec, Map<String, String> given, long seed) {
        Map<String, String> out = new LinkedHashMap<>(given);
        boolean hasSeed = spec.params().stream().anyMatch(p -> p.name().equals("seed"));
        if (hasSeed && !out.containsKey("seed")) {
            out.put("seed", Long.toString(seed));
        }
        return out;
    }
}
