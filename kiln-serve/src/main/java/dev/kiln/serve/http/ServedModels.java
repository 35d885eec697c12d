package dev.kiln.serve.http;

import dev.kiln.core.frame.Frame;
import dev.kiln.core.frame.Schema;
import dev.kiln.core.model.Model;
import dev.kiln.core.modelfile.LoadedModel;
import com.fasterxml.jackson.databind.JsonNode;
import dev.kiln.serve.input.InstanceReader;
import dev.kiln.serve.input.Instances;
import dev.kiln.serve.input.InvalidInputException;
import dev.kiln.serve.input.OutOfRange;
import dev.kiln.serve.input.Violation;
import dev.kiln.serve.registry.ModelCache;
import dev.kiln.serve.registry.ModelRegistry;
import dev.kiln.serve.registry.ModelVersion;
import io.javalin.http.Context;
import java.util.List;
import java.util.Map;

/** The registry's models as the routes use them: a reference resolved to a version, the version loaded, rows predicted. */
final class ServedModels {
    /** The request attribute holding the version {@link #resolve(Context)} resolved. */
    static final String RESOLVED = "kiln.model-version";

    private final ModelRegistry registry;
    private final ModelCache cache;
    private final OutOfRange outOfRange;
    private final ServerMetrics metrics;

    ServedModels(ModelRegistry registry, ServerSettings settings, ServerMetrics metrics) {
        this.registry = registry;
        this.cache = new ModelCache(settings.modelCacheSize());
        this.outOfRange = settings.outOfRange();
        this.metrics = metrics;
    }

    ModelRegistry registry() {
        return registry;
    }

    ModelVersion resolve(String name, String reference) {
        return registry.resolve(name, reference);
    }

    /** The version a request names by its path's {@code name} and {@code version} (or {@code ?version=}), noted as {@link #RESOLVED}. */
    ModelVersion resolve(Context ctx) {
        ModelVersion version = resolve(ctx.pathParam("name"), KilnServer.reference(ctx));
        ctx.attribute(RESOLVED, version);
        return version;
    }

    /** The loaded model of {@code version}, which must predict (not every saved model type does). */
    Model<?> model(ModelVersion version) {
        LoadedModel loaded = cache.get(version);
        if (loaded.model() instanceof Model<?> m) {
            return m;
        }
        throw new Problem.Exception(Problem.of(422, "not-a-predictor", "Model does not predict", version.name() + " version "
                + version.version() + " is a " + version.manifest().modelType() + ", which transforms data but does not predict"));
    }

    InstanceReader reader(ModelVersion version) {
        Schema schema = version.manifest().inputSchema();
        if (schema == null) {
            throw new Problem.Exception(Problem.of(422, "not-a-predictor", "Model has no input schema", version.name() + " version "
                    + version.version() + " (" + version.manifest().modelType() + ") records no input columns"));
        }
        return new InstanceReader(schema, outOfRange == OutOfRange.OFF ? Map.of() : version.manifest().rangesOrEmpty());
    }

    /**
     * The rows of {@code instances} read by {@code read}, after the out-of-range policy: numbers
     * outside their training range are counted, then refused (an {@link InvalidInputException})
     * or returned as warnings for the response.
     */
    Admitted admit(ModelVersion version, Instances instances) {
        if (instances.outsideRange().isEmpty()) {
            return new Admitted(instances.frame(), List.of());
        }
        metrics.outsideRange(version, instances.outsideByColumn());
        if (outOfRange == OutOfRange.REJECT) {
            throw new InvalidInputException(instances.outsideRange(), instances.outsideCount() - instances.outsideRange().size());
        }
        return new Admitted(instances.frame(), Violation.toJson(instances.outsideRange()));
    }

    /** Rows to predict, and the warnings to answer with. */
    record Admitted(Frame rows, List<Map<String, String>> warnings) {
    }
}
