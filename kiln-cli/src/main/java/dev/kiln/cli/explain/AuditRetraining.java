package dev.kiln.cli.explain;

import dev.kiln.core.frame.Column;
import dev.kiln.core.frame.Frame;
import dev.kiln.core.model.Estimator;
import dev.kiln.core.model.Model;
import dev.kiln.core.modelfile.Manifest;
import dev.kiln.learn.catalog.DefaultPipeline;
import dev.kiln.learn.catalog.ModelCatalog;
import dev.kiln.learn.catalog.ModelSpec;
import dev.kiln.learn.selection.Task;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Fits a model again the way {@code kiln train} fitted a saved one: the catalog model and
 * hyperparameters its manifest records, behind the default preprocessing, with the recorded seed.
 *
 * @param modelName the catalog name
 * @param params    the hyperparameters given to {@code kiln train}
 * @param seed      the seed training used
 * @param columns   the model's input columns
 */
record AuditRetraining(String modelName, Map<String, String> params, long seed, List<String> columns) {

    /** The recipe recorded in {@code manifest}, or an error saying why the model cannot be refitted. */
    static AuditRetraining of(Manifest manifest, Path modelPath) {
        var provenance = manifest.provenance();
        String name = provenance == null ? null : provenance.extra().get("model");
        if (name == null) {
            throw new IllegalArgumentException(modelPath + ": the manifest does not name the catalog model that made it"
                    + " (provenance.extra.model), so reweighing cannot refit it; train it with 'kiln train'");
        }
        Map<String, String> params = parseParams(provenance.extra().getOrDefault("params", "{}"), modelPath);
        long seed = provenance.seed() == null ? 42 : provenance.seed();
        return new AuditRetraining(name, params, seed, manifest.inputSchema().names());
    }

    /** Reads the {@code {k=v, k=v}} form {@code kiln train} records its parameters in. */
    static Map<String, String> parseParams(String text, Path modelPath) {
        String s = text.strip();
        if (!s.startsWith("{") || !s.endsWith("}")) {
            throw new IllegalArgumentException(modelPath + ": provenance.extra.params is '" + text + "', expected {name=value, …}");
        }
        Map<String, String> out = new LinkedHashMap<>();
        String body = s.substring(1, s.length() - 1);
        if (body.isBlank()) {
            return out;
        }
        String last = null;
        for (String part : body.split(", ")) {
            int eq = part.indexOf('=');
            if (eq > 0) {
                last = part.substring(0, eq);
                out.put(last, part.substring(eq + 1));
            } else if (last != null) {
                out.put(last, out.get(last) + ", " + part);
            } else {
                throw new IllegalArgumentException(modelPath + ": provenance.extra.params is '" + text + "', expected {name=value, …}");
            }
        }
        return out;
    }

    /** Fits the model on {@code data}'s input columns (rows as given, repeats included), predicting {@code target}. */
    Model<?> fit(Frame data, Column target) {
        ModelSpec spec = ModelCatalog.find(modelName);
        Map<String, String> withSeed = new LinkedHashMap<>(params);
        if (spec.params().stream().anyMatch(p -> p.name().equals("seed"))) {
            withSeed.putIfAbsent("seed", Long.toString(seed));
        }
        Frame features = data.select(columns);
        Estimator<?> estimator = DefaultPipeline.build(spec, Task.CLASSIFICATION, withSeed, features);
        return estimator.fit(features, target);
    }
}
