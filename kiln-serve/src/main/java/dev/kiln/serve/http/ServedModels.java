package dev.kiln.serve.http;

import dev.kiln.core.frame.Frame;
import dev.kiln.core.frame.Schema;
import dev.kiln.core.model.Model;
import dev.kiln.core.modelfile.LoadedModel;
import com.fasterxml.jackson.databind.JsonNode;
import dev.kiln.serve.input.InstanceReader;
import dev.kiln.serve.input.Instances;
import dev.kiln.serve.input.InvalidInputException;
import dev.kiln.serve.input.InputPolicy;
import dev.kiln.serve.input.Violation;
import dev.kiln.serve.monitor.DriftWatch;
import dev.kiln.serve.monitor.RequestCheck;
import dev.kiln.serve.registry.ModelCache;
import dev.kiln.serve.registry.ModelRegistry;
import dev.kiln.serve.registry.ModelVersion;
import io.javalin.http.Context;
import dev.kiln.core.model.Prediction;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The registry's models as the routes use them: a reference resolved to a version, the version
 * loaded, its input admitted (training ranges, expectations), its traffic watched.
 */
final class ServedModels implements AutoCloseable {
    /** The request attribute holding the version {@link #resolve(Context)} resolved. */
    static final String RESOLVED = "kiln.model-version";

    private final ModelRegistry registry;
    private final ModelCache cache;
    private final InputPolicy outOfRange;
    private final InputPolicy expectations;
    private final ServerMetrics metrics;
    private final DriftWatch watch;

    ServedModels(ModelRegistry registry, ServerSettings settings, ServerMetrics metrics) {
        this.registry = registry;
        this.cache = new ModelCache(settings.modelCacheSize());
        this.outOfRange = settings.outOfRange();
        this.expectations = settings.monitoring().expectations();
        this.metrics = metrics;
        this.watch = new DriftWatch(settings.monitoring(), metrics.registry(), this::model);
    }

    DriftWatch watch() {
        return watch;
    }

    /** Adds predicted rows to the version's window of recent traffic. */
    void observe(ModelVersion version, Frame rows, Prediction prediction) {
        watch.observe(version, rows, prediction);
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
        return new InstanceReader(schema, outOfRange == InputPolicy.OFF ? Map.of() : version.manifest().rangesOrEmpty());
    }

    /**
     * The rows of {@code instances} after the input policies: numbers outside their training
     * range and values that fail the version's expectations ({@link RequestCheck}) are counted,
     * then refused (an {@link InvalidInputException}) or returned as warnings for the response.
     */
    Admitted admit(ModelVersion version, Instances instances) {
        List<Map<String, String>> warnings = new ArrayList<>();
        if (!instances.outsideRange().isEmpty()) {
            metrics.outsideRange(version, instances.outsideByColumn());
            if (outOfRange == InputPolicy.REJECT) {
                throw new InvalidInputException(instances.outsideRange(), instances.outsideCount() - instances.outsideRange().size());
            }
            warnings.addAll(Violation.toJson(instances.outsideRange()));
        }
        RequestCheck check = expectations == InputPolicy.OFF ? null : watch.requestCheck(version);
        if (check != null) {
            RequestCheck.Findings found = check.check(instances);
            if (!found.isEmpty()) {
                boolean reject = expectations == InputPolicy.REJECT;
                metrics.expectationsFailed(version, found.counts(), reject);
                if (reject) {
                    throw new InvalidInputException(found.listed(), found.total() - found.listed().size());
                }
                warnings.addAll(Violation.toJson(found.listed()));
            }
        }
        return new Admitted(instances.frame(), warnings);
    }

    /** Rows to predict, and the warnings to answer with. */
    record Admitted(Frame rows, List<Map<String, String>> warnings) {
    }

    @Override
    public void close() {
        watch.close();
    }
}
