package dev.kiln.serve.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kiln.core.frame.Frame;
import dev.kiln.core.model.ClassificationPrediction;
import dev.kiln.core.model.Prediction;
import dev.kiln.serve.experiment.Experiment;
import dev.kiln.serve.experiment.ExperimentSpec;
import dev.kiln.serve.experiment.Experiments;
import dev.kiln.serve.experiment.RequestStatus;
import dev.kiln.serve.input.InvalidInputException;
import dev.kiln.serve.registry.ModelVersion;
import dev.kiln.serve.registry.UnknownModelException;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.HttpResponseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The prediction route's hook into the experiments: a request to {@code POST /api/models/M/predict}
 * that names no version, while an experiment routes M, is answered by the variant its unit is
 * assigned to ({@link #resolve}); {@link #answered} says so in the response, and {@link #observe}
 * records how the request ended and hands copies of its rows to the shadow variants, on virtual
 * threads, after the answer is complete (never delaying or failing it; at most
 * {@link #MAX_SHADOWS_IN_FLIGHT} at once, beyond that copies are dropped).
 */
final class ExperimentRouting implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ExperimentRouting.class);
    static final String VARIANT_HEADER = "X-Kiln-Variant";
    static final int MAX_SHADOWS_IN_FLIGHT = 64;
    private static final String ROUTED = "kiln.experiment";

    private final Experiments experiments;
    private final ServedModels models;
    private final ExecutorService shadows = Executors.newVirtualThreadPerTaskExecutor();
    private final Semaphore shadowPermits = new Semaphore(MAX_SHADOWS_IN_FLIGHT);

    /** A request an experiment routed; {@code prediction} is set once it is answered. */
    private static final class Routed {
        final Experiment experiment;
        final Experiment.Assignment assignment;
        final boolean unitFromHeader;
        Prediction prediction;

        Routed(Experiment experiment, Experiment.Assignment assignment, boolean unitFromHeader) {
            this.experiment = experiment;
            this.assignment = assignment;
            this.unitFromHeader = unitFromHeader;
        }
    }

    ExperimentRouting(Experiments experiments, ServedModels models) {
        this.experiments = experiments;
        this.models = models;
    }

    Experiments experiments() {
        return experiments;
    }

    /** The version that answers the request: its assigned variant's when an experiment routes it, else the one it names. */
    ModelVersion resolve(Context ctx) {
        String name = ctx.pathParam("name");
        Experiment experiment = KilnServer.reference(ctx) == null ? experiments.routing(name).orElse(null) : null;
        if (experiment == null) {
            return models.resolve(ctx);
        }
        String header = ctx.header(experiment.spec().unit());
        boolean fromHeader = header != null && !header.isBlank();
        Experiment.Assignment a = experiment.assign(fromHeader ? header : ctx.attribute(KilnServer.REQUEST_ID));
        ModelVersion version = models.resolve(name, experiment.spec().variants().get(a.variant()).reference());
        ctx.attribute(ServedModels.RESOLVED, version);
        ctx.attribute(ROUTED, new Routed(experiment, a, fromHeader));
        ctx.header(VARIANT_HEADER, a.name());
        return version;
    }

    /** Adds {@code "experiment": {"id", "variant", "unit"}} to a routed request's answer. */
    void answered(Context ctx, Prediction prediction, Map<String, Object> out) {
        Routed r = ctx.attribute(ROUTED);
        if (r == null) {
            return;
        }
        r.prediction = prediction;
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("id", r.experiment.spec().id());
        e.put("variant", r.assignment.name());
        e.put("unit", r.unitFromHeader ? r.experiment.spec().unit() : "request_id");
        if (!r.unitFromHeader) {
            e.put("note", "no " + r.experiment.spec().unit() + " header: the request id was the unit, so this caller's next request"
                    + " may meet another variant");
        }
        out.put("experiment", e);
    }

    /** {@code predict}, with the end of every routed request recorded: its status, latency and first predicted label. */
    Handler observe(Handler predict) {
        return ctx -> {
            long start = System.nanoTime();
            try {
                predict.handle(ctx);
            } catch (Exception e) {
                finished(ctx, statusOf(e), start);
                throw e;
            }
            finished(ctx, RequestStatus.OK, start);
        };
    }

    private void finished(Context ctx, RequestStatus status, long start) {
        Routed r = ctx.attribute(ROUTED);
        if (r == null) {
            return;
        }
        double ms = (System.nanoTime() - start) / 1e6;
        String label = r.prediction instanceof ClassificationPrediction c && c.size() > 0 ? c.label(0) : null;
        r.experiment.exposed(r.assignment.variant(), ctx.attribute(KilnServer.REQUEST_ID), status, ms, label);
        if (status != RequestStatus.REJECTED && !r.experiment.spec().shadows().isEmpty()) {
            shadow(r, ctx.bodyAsBytes());
        }
    }

    private void shadow(Routed r, byte[] body) {
        ExperimentSpec spec = r.experiment.spec();
        for (ExperimentSpec.Variant v : spec.shadows()) {
            if (!shadowPermits.tryAcquire()) {
                LOG.debug("experiment {}: {} shadow copies in flight, dropped one for {}", spec.id(), MAX_SHADOWS_IN_FLIGHT, v.name());
                continue;
            }
            try {
                shadows.execute(() -> {
                    try {
                        runShadow(r, spec.indexOf(v.name()), v, body);
                    } finally {
                        shadowPermits.release();
                    }
                });
            } catch (java.util.concurrent.RejectedExecutionException closing) {
                shadowPermits.release();
            }
        }
    }

    private void runShadow(Routed r, int index, ExperimentSpec.Variant v, byte[] body) {
        long start = System.nanoTime();
        try {
            ModelVersion version = models.resolve(r.experiment.spec().model(), v.reference());
            JsonNode json = KilnServer.JSON.readTree(body);
            Frame rows = models.reader(version).read(json.get("instances"), "/instances").frame();
            Prediction p = models.model(version).predict(rows);
            double ms = (System.nanoTime() - start) / 1e6;
            long compared = 0;
            long agreed = 0;
            if (p instanceof ClassificationPrediction s && r.prediction instanceof ClassificationPrediction a && s.size() == a.size()) {
                compared = s.size();
                for (int i = 0; i < s.size(); i++) {
                    if (s.label(i).equals(a.label(i))) {
                        agreed++;
                    }
                }
            }
            r.experiment.shadowed(index, RequestStatus.OK, ms, compared, agreed);
        } catch (Exception e) {
            r.experiment.shadowed(index, RequestStatus.ERROR, (System.nanoTime() - start) / 1e6, 0, 0);
            LOG.warn("experiment {}: shadow {} failed: {}", r.experiment.spec().id(), v.name(), e.toString());
        }
    }

    /** How a request that threw ended, as {@link KilnServer}'s problems answer it: the caller's bad input (4xx) or the model failing. */
    static RequestStatus statusOf(Exception e) {
        return switch (e) {
            case Problem.Exception p -> RequestStatus.ofHttp(p.problem().status());
            case HttpResponseException h -> RequestStatus.ofHttp(h.getStatus());
            case InvalidInputException i -> RequestStatus.REJECTED;
            case UnknownModelException u -> RequestStatus.REJECTED;
            case IllegalArgumentException i -> RequestStatus.REJECTED;
            default -> RequestStatus.ERROR;
        };
    }

    @Override
    public void close() {
        shadows.shutdownNow();
        experiments.close();
    }
}
