package dev.kiln.serve.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kiln.serve.experiment.Experiment;
import dev.kiln.serve.experiment.ExperimentConflictException;
import dev.kiln.serve.experiment.Experiments;
import dev.kiln.serve.experiment.UnknownExperimentException;
import dev.kiln.serve.input.InvalidInputException;
import dev.kiln.serve.input.Violation;
import dev.kiln.serve.registry.ModelRegistry;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The experiment routes: list ({@code GET /api/experiments}), create ({@code POST}, admin), status
 * and verdict ({@code GET /api/experiments/ID}), outcomes ({@code POST …/outcomes}, predict),
 * promote and stop ({@code POST …/promote}, {@code …/stop}, admin). An unknown id is a 404
 * problem, an action the experiment's state refuses a 409; NaN statistics are written as null.
 */
final class ExperimentRoutes {
    private final Experiments experiments;

    ExperimentRoutes(Experiments experiments) {
        this.experiments = experiments;
    }

    Handler list() {
        return mapped(ctx -> {
            List<Map<String, Object>> out = new ArrayList<>();
            for (Experiment e : experiments.list()) {
                out.add(e.summary());
            }
            json(ctx, 200, Map.of("experiments", out));
        });
    }

    Handler create() {
        return mapped(ctx -> json(ctx, 201, experiments.create(KilnServer.body(ctx)).status()));
    }

    Handler status() {
        return mapped(ctx -> json(ctx, 200, experiments.get(ctx.pathParam("id")).status()));
    }

    Handler outcomes() {
        return mapped(ctx -> {
            Experiment e = experiments.get(ctx.pathParam("id"));
            Experiment.OutcomeReport report = e.outcomes(KilnServer.body(ctx));
            if (report.accepted() == 0) {
                throw new InvalidInputException(report.rejected(), 0);
            }
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("experiment", e.spec().id());
            out.put("accepted", report.accepted());
            out.put("rejected", report.rejected().size());
            out.put("errors", Violation.toJson(report.rejected()));
            json(ctx, 200, out);
        });
    }

    Handler promote() {
        return mapped(ctx -> {
            String variant = null;
            if (ctx.bodyAsBytes().length > 0) {
                JsonNode body = KilnServer.body(ctx);
                JsonNode v = body.path("variant");
                if (!body.isObject() || !v.isMissingNode() && !v.isNull() && !v.isTextual()) {
                    throw new InvalidInputException(List.of(new Violation("/variant",
                            "expected {\"variant\": \"NAME\"}, or no body to promote the verdict's winner")), 0);
                }
                variant = v.isTextual() ? v.asText() : null;
            }
            Experiments.Promotion p = experiments.promote(ctx.pathParam("id"), variant);
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("experiment", p.experiment().spec().id());
            out.put("state", p.experiment().state().label());
            out.put("variant", p.variant());
            out.put("model", p.experiment().spec().model());
            out.put("alias", ModelRegistry.CHAMPION);
            out.put("version", p.version());
            out.put("previous_version", p.previousVersion() == 0 ? null : p.previousVersion());
            json(ctx, 200, out);
        });
    }

    Handler stop() {
        return mapped(ctx -> json(ctx, 200, experiments.stop(ctx.pathParam("id")).status()));
    }

    private static Handler mapped(Handler h) {
        return ctx -> {
            try {
                h.handle(ctx);
            } catch (UnknownExperimentException e) {
                throw new Problem.Exception(Problem.of(404, "unknown-experiment", "Unknown experiment", e.getMessage()));
            } catch (ExperimentConflictException e) {
                throw new Problem.Exception(Problem.of(409, "experiment-conflict", "Conflict", e.getMessage()));
            }
        };
    }

    private static void json(Context ctx, int status, Object body) {
        KilnServer.json(ctx, status, finite(body));
    }

    /** {@code value} with NaN and infinite numbers as null, which JSON can hold. */
    static Object finite(Object value) {
        if (value instanceof Double d && !Double.isFinite(d)) {
            return null;
        }
        if (value instanceof Map<?, ?> m) {
            Map<Object, Object> out = new LinkedHashMap<>();
            m.forEach((k, v) -> out.put(k, finite(v)));
            return out;
        }
        if (value instanceof Collection<?> c) {
            List<Object> out = new ArrayList<>(c.size());
            c.forEach(v -> out.add(finite(v)));
            return out;
        }
        return value;
    }
}
