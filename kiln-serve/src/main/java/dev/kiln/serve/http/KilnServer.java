package dev.kiln.serve.http;

import static io.javalin.http.HandlerType.GET;
import static io.javalin.http.HandlerType.POST;
import static io.javalin.http.HandlerType.PUT;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kiln.core.KilnVersion;
import dev.kiln.core.model.Model;
import dev.kiln.core.model.Prediction;
import dev.kiln.serve.experiment.Experiments;
import dev.kiln.serve.input.InvalidInputException;
import dev.kiln.serve.input.Violation;
import dev.kiln.serve.kb.ServedKnowledgeBases;
import dev.kiln.serve.monitor.Baseline;
import dev.kiln.serve.kb.UnknownKnowledgeBaseException;
import dev.kiln.serve.registry.ModelRegistry;
import dev.kiln.serve.registry.ModelVersion;
import dev.kiln.serve.registry.UnknownModelException;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.HandlerType;
import io.javalin.http.HttpResponseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * The Kiln HTTP server, on Javalin (Jetty 12) with a virtual thread per request. It serves the
 * registry's models through the Open Inference Protocol (KServe V2, {@link InferenceProtocol})
 * and a simple JSON API ({@code POST /api/models/NAME/predict} with records by column name);
 * every error is an RFC 9457 problem document, never a stack trace. Requests carry an id (the
 * caller's {@code X-Request-Id} when it is sensible, else a new UUID) that is echoed, logged and
 * put in problems. {@link #close()} drains: readiness turns false, new requests get 503, and
 * requests in flight finish (up to the drain timeout) before the server stops.
 *
 * <p>Javalin rather than Helidon SE: a tiny, explicit API (routes are lambdas over a context),
 * Jetty underneath — the most deployed embedded Java HTTP server — and virtual threads by a flag.
 */
public final class KilnServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(KilnServer.class);
    static final ObjectMapper JSON = new ObjectMapper();
    static final String REQUEST_ID = "X-Request-Id";
    private static final String PROBLEM_WRITTEN = "kiln.problem";
    private static final Pattern SENSIBLE_ID = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

    private final ServerSettings settings;
    private final ServedModels models;
    private final ServedKnowledgeBases bases;
    private final ApiDescription api;
    private final ExecutorService work = Executors.newVirtualThreadPerTaskExecutor();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final ServerMetrics metrics = new ServerMetrics(inFlight::get);
    private final ExperimentRouting experiments;
    private volatile boolean draining;
    private final Javalin app;

    private KilnServer(ModelRegistry registry, ServedKnowledgeBases bases, ServerSettings settings, ApiKeys keys) {
        this.settings = settings;
        this.models = new ServedModels(registry, settings, metrics);
        this.bases = bases;
        InferenceProtocol v2 = new InferenceProtocol(this, models);
        RegistryAdmin admin = new RegistryAdmin(models);
        KnowledgeBaseRoutes kb = new KnowledgeBaseRoutes(this, bases);
        ExplainRoute explain = new ExplainRoute(this, models);
        DriftRoute drift = new DriftRoute(models);
        this.experiments = new ExperimentRouting(new Experiments(registry.root().resolveSibling("experiments"), registry,
                metrics.registry()), models);
        ExperimentRoutes exp = new ExperimentRoutes(experiments.experiments());
        this.api = new ApiDescription(version());
        this.app = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.startup.showOldJavalinVersionWarning = false;
            config.concurrency.useVirtualThreads = true;
            config.http.maxRequestSize = settings.maxRequestBytes();
            config.jetty.host = settings.host();
            config.jetty.port = settings.port();
            config.jetty.modifyServer(server -> {
                // Jetty's graceful stop: requests in flight finish writing their responses before the connectors close.
                server.setHandler(new GracefulHandler());
                server.setStopTimeout(Math.max(1, settings.drainTimeout().toMillis()));
            });
            config.routes.before(this::begin);
            config.routes.before(new KeyCheck(keys)::check);
            Routes r = new Routes(config.routes, api);
            r.add(GET, "/v2", guarded(v2::server), op("Server metadata", V2, null, null, 200, "ServerMetadata"));
            r.add(GET, "/v2/health/live", ctx -> json(ctx, 200, Map.of("live", true)), op("Liveness", V2, null, null, 200, "Live"));
            r.add(GET, "/v2/health/ready", this::ready, op("Readiness: 503 while draining", V2, null, null, 200, "Ready"));
            r.add(GET, "/v2/models/{name}", guarded(v2::metadata), op("Model metadata", V2, Scope.READ, null, 200, "ModelMetadata"));
            r.add(GET, "/v2/models/{name}/versions/{version}", guarded(v2::metadata),
                    op("Model version metadata", V2, Scope.READ, null, 200, "ModelMetadata"));
            r.add(GET, "/v2/models/{name}/ready", guarded(v2::modelReady), op("Loads the model; 200 when it can serve", V2, Scope.READ, null,
                    200, "ModelReady"));
            r.add(GET, "/v2/models/{name}/versions/{version}/ready", guarded(v2::modelReady),
                    op("Loads the model version; 200 when it can serve", V2, Scope.READ, null, 200, "ModelReady"));
            r.add(POST, "/v2/models/{name}/infer", guarded(v2::infer),
                    op("Inference with named typed tensors", V2, Scope.PREDICT, "InferenceRequest", 200, "InferenceResponse"));
            r.add(POST, "/v2/models/{name}/versions/{version}/infer", guarded(v2::infer),
                    op("Inference by a named version", V2, Scope.PREDICT, "InferenceRequest", 200, "InferenceResponse"));
            r.add(GET, "/api/models", guarded(this::listModels), op("The registry's models", MODELS, Scope.READ, null, 200, "ModelList"));
            r.add(GET, "/api/models/{name}", guarded(this::describeModel),
                    op("A model's versions: schema, metrics, ranges, provenance", MODELS, Scope.READ, null, 200, "ModelDescription"));
            r.add(POST, "/api/models/{name}/predict", guarded(experiments.observe(this::predict)),
                    op("Predict (the champion, or ?version=V or ALIAS)", MODELS, Scope.PREDICT, "PredictRequest", 200, "PredictResponse"));
            r.add(POST, "/api/models/{name}/versions/{version}/predict", guarded(this::predict),
                    op("Predict with a named version or alias", MODELS, Scope.PREDICT, "PredictRequest", 200, "PredictResponse"));
            r.add(POST, "/api/models/{name}/explain", guarded(explain::explain),
                    op("SHAP values of rows (the champion, or ?version=V or ALIAS)", MODELS, Scope.PREDICT, "ExplainRequest", 200,
                            "ExplainResponse"));
            r.add(POST, "/api/models/{name}/versions/{version}/explain", guarded(explain::explain),
                    op("SHAP values with a named version or alias", MODELS, Scope.PREDICT, "ExplainRequest", 200, "ExplainResponse"));
            r.add(GET, "/api/models/{name}/drift", guarded(drift::report),
                    op("The latest comparison of recent traffic with the training reference (?version=, ?refresh=true, ?format=html)",
                            MODELS, Scope.READ, null, 200, "DriftReport"));
            r.add(GET, "/api/models/{name}/versions/{version}/drift", guarded(drift::report),
                    op("Drift of a named version or alias", MODELS, Scope.READ, null, 200, "DriftReport"));
            r.add(POST, "/api/models/{name}/versions", guarded(admin::register),
                    op("Register a saved model on the server as the next version", MODELS, Scope.ADMIN, "RegisterRequest", 201, "ModelVersion"));
            r.add(PUT, "/api/models/{name}/aliases/{alias}", guarded(admin::promote),
                    op("Point an alias at a version", MODELS, Scope.ADMIN, "PromoteRequest", 200, "PromoteResponse"));
            r.add(GET, "/api/experiments", guarded(exp.list()), op("The experiments", EXPERIMENTS, Scope.READ, null, 200, "ExperimentList"));
            r.add(POST, "/api/experiments", guarded(exp.create()),
                    op("Start an A/B test, shadow or canary on a model", EXPERIMENTS, Scope.ADMIN, "ExperimentSpec", 201, "Experiment"));
            r.add(GET, "/api/experiments/{id}", guarded(exp.status()),
                    op("An experiment's counts, comparisons and verdict", EXPERIMENTS, Scope.READ, null, 200, "Experiment"));
            r.add(POST, "/api/experiments/{id}/outcomes", guarded(exp.outcomes()),
                    op("Report outcomes of requests the experiment routed", EXPERIMENTS, Scope.PREDICT, "OutcomesRequest", 200, "OutcomesResponse"));
            r.add(POST, "/api/experiments/{id}/promote", guarded(exp.promote()), op("Point champion at a variant (default: the winner)"
                    + " and end the experiment", EXPERIMENTS, Scope.ADMIN, "ExperimentPromoteRequest", 200, "ExperimentPromotion"));
            r.add(POST, "/api/experiments/{id}/stop", guarded(exp.stop()),
                    op("End the experiment without promoting", EXPERIMENTS, Scope.ADMIN, null, 200, "Experiment"));
            r.add(GET, "/api/kb", guarded(kb::list), op("The knowledge bases", KB, Scope.READ, null, 200, "KnowledgeBaseList"));
            r.add(POST, "/api/kb/{name}/ask", guarded(kb::ask), op("Answer a question, citing sources", KB, Scope.PREDICT, "AskRequest",
                    200, "Answer"));
            r.add(POST, "/api/kb/{name}/chat", guarded(kb::chat),
                    op("Answer the last user message of a conversation", KB, Scope.PREDICT, "ChatRequest", 200, "Answer"));
            r.add(GET, "/openapi.json", ctx -> json(ctx, 200, api.document()), op("This description", SERVER, null, null, 200, null));
            r.add(GET, "/metrics", metrics::scrape, op("Prometheus metrics, text exposition format", SERVER, Scope.READ, null, 200, "metrics"));
            config.routes.exception(Exception.class, this::failed);
            config.routes.error(404, ctx -> {
                if (ctx.attribute(PROBLEM_WRITTEN) == null) {
                    problem(ctx, Problem.of(404, "not-found", "Not found", "no route " + ctx.method() + " " + ctx.path()
                            + "; see GET /v2 and /api/models"));
                }
            });
            config.routes.error(413, ctx -> {
                if (ctx.attribute(PROBLEM_WRITTEN) == null) {
                    problem(ctx, tooLarge());
                }
            });
            config.routes.error(405, ctx -> problem(ctx, Problem.of(405, "method-not-allowed", "Method not allowed",
                    ctx.method() + " is not served at " + ctx.path())));
            config.requestLogger.http((ctx, ms) -> {
                LOG.info("{} {} {} {} ms", ctx.method(), ctx.path(), ctx.statusCode(), String.format(java.util.Locale.ROOT, "%.1f", ms));
                MDC.remove("request_id");
            });
            config.requestLogger.http(metrics::finished);
        });
    }

    private static final String V2 = "Open Inference Protocol";
    private static final String MODELS = "Models";
    private static final String KB = "Knowledge bases";
    private static final String EXPERIMENTS = "Experiments";
    private static final String SERVER = "Server";

    private static ApiDescription.Operation op(String summary, String tag, Scope scope, String request, int status, String response) {
        return new ApiDescription.Operation(summary, tag, scope, request, status, response);
    }

    /** Registers each route with Javalin and describes it in the OpenAPI document at once. */
    private record Routes(io.javalin.config.RoutesConfig routes, ApiDescription api) {
        void add(HandlerType method, String path, Handler handler, ApiDescription.Operation op) {
            routes.addHttpHandler(method, path, handler);
            api.add(method, path, op);
        }
    }

    /** Starts a server for {@code registry} open to everyone; with port 0 it picks a free port ({@link #port()}). */
    public static KilnServer start(ModelRegistry registry, ServerSettings settings) {
        return start(registry, settings, ApiKeys.none());
    }

    /**
     * Starts a server for {@code registry} and the knowledge bases beside it ({@code HOME/kb} for
     * the registry {@code HOME/models}, answered as {@code auto} chooses) that asks for one of
     * {@code keys} (none: open to everyone).
     */
    public static KilnServer start(ModelRegistry registry, ServerSettings settings, ApiKeys keys) {
        return start(registry, new ServedKnowledgeBases(registry.root().resolveSibling("kb"), "auto", System.getenv()), settings, keys);
    }

    /** Starts a server for {@code registry} and {@code bases}, which it closes when it stops; see above. */
    public static KilnServer start(ModelRegistry registry, ServedKnowledgeBases bases, ServerSettings settings, ApiKeys keys) {
        KilnServer server = new KilnServer(registry, bases, settings, keys);
        server.app.start();
        if (keys.isEmpty()) {
            LOG.warn("no API keys: the server is unauthenticated, open to anyone who can reach it (see kiln serve --api-keys)");
        } else {
            LOG.info("{} API keys: requests need Authorization: Bearer KEY", keys.size());
        }
        LOG.info("Kiln server listening on http://{}:{} (models in {})", settings.host(), server.port(), registry.root());
        return server;
    }

    /** The port the server listens on. */
    public int port() {
        return app.port();
    }

    public ServerSettings settings() {
        return settings;
    }

    ServerMetrics metrics() {
        return metrics;
    }

    /** Requests being served now. */
    public int inFlight() {
        return inFlight.get();
    }

    private void begin(Context ctx) {
        String id = ctx.header(REQUEST_ID);
        if (id == null || !SENSIBLE_ID.matcher(id).matches()) {
            id = UUID.randomUUID().toString();
        }
        ctx.header(REQUEST_ID, id);
        ctx.attribute(REQUEST_ID, id);
        MDC.put("request_id", id);
    }

    private void ready(Context ctx) {
        json(ctx, draining ? 503 : 200, Map.of("ready", !draining));
    }

    /** {@code handler}, refused while draining and counted while in flight. */
    private Handler guarded(Handler handler) {
        return ctx -> {
            if (draining) {
                throw new Problem.Exception(Problem.of(503, "shutting-down", "Shutting down", "the server is draining; retry on another instance"));
            }
            inFlight.incrementAndGet();
            try {
                handler.handle(ctx);
            } finally {
                inFlight.decrementAndGet();
            }
        };
    }

    private void listModels(Context ctx) {
        List<Map<String, Object>> out = new ArrayList<>();
        ModelRegistry registry = models.registry();
        for (String name : registry.names()) {
            List<ModelVersion> versions = registry.versions(name);
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", name);
            m.put("versions", versions.stream().map(ModelVersion::version).toList());
            m.put("aliases", registry.aliases(name));
            m.put("model_type", versions.get(versions.size() - 1).manifest().modelType());
            out.add(m);
        }
        json(ctx, 200, Map.of("models", out));
    }

    private void describeModel(Context ctx) {
        String name = ctx.pathParam("name");
        models.resolve(name, null);
        List<Map<String, Object>> versions = new ArrayList<>();
        for (ModelVersion v : models.registry().versions(name)) {
            versions.add(describe(v));
        }
        json(ctx, 200, Map.of("name", name, "aliases", models.registry().aliases(name), "versions", versions));
    }

    static Map<String, Object> describe(ModelVersion v) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("version", v.version());
        m.put("aliases", v.aliases());
        m.put("model_type", v.manifest().modelType());
        m.put("task", v.manifest().task());
        m.put("target", v.manifest().target());
        m.put("registered_at", v.registeredAt().toString());
        m.put("description", v.description());
        m.put("baseline", Baseline.files(v));
        m.put("input_schema", v.manifest().inputSchema());
        m.put("training_metrics", v.manifest().trainingMetrics());
        m.put("feature_ranges", v.manifest().rangesOrEmpty());
        m.put("provenance", v.manifest().provenance());
        return m;
    }

    /** {@code POST /api/models/NAME[/versions/V]/predict}: {@code {"instances": [...]}} → {@code {"predictions": [...]}}. */
    private void predict(Context ctx) throws Exception {
        ModelVersion version = experiments.resolve(ctx);
        JsonNode body = body(ctx);
        if (!body.isObject() || !body.has("instances")) {
            throw new InvalidInputException(List.of(new Violation("/instances",
                    "expected {\"instances\": [...]}: records by column name, rows in column order, or strings for a text model")), 0);
        }
        Model<?> model = models.model(version);
        ServedModels.Admitted in = models.admit(version, models.reader(version).read(body.get("instances"), "/instances"));
        Prediction p = within(() -> model.predict(in.rows()));
        metrics.predicted(version, p);
        models.observe(version, in.rows(), p);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("model", version.name());
        out.put("version", version.version());
        out.put("predictions", PredictionJson.rows(p));
        if (!in.warnings().isEmpty()) {
            out.put("warnings", in.warnings());
        }
        experiments.answered(ctx, p, out);
        json(ctx, 200, out);
    }

    static String reference(Context ctx) {
        String fromPath = ctx.pathParamMap().get("version");
        return fromPath != null ? fromPath : ctx.queryParam("version");
    }

    /** The request body as JSON; malformed JSON is a 400 problem naming the line and column. */
    static JsonNode body(Context ctx) {
        byte[] bytes = ctx.bodyAsBytes();
        if (bytes.length == 0) {
            throw new Problem.Exception(Problem.of(400, "malformed-json", "Malformed JSON", "the request has no body; expected a JSON object"));
        }
        try {
            JsonNode node = JSON.readTree(bytes);
            if (node == null) {
                throw new Problem.Exception(Problem.of(400, "malformed-json", "Malformed JSON", "the body holds no JSON value"));
            }
            return node;
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String where = at == null ? "" : "line " + at.getLineNr() + ", column " + at.getColumnNr() + ": ";
            throw new Problem.Exception(Problem.of(400, "malformed-json", "Malformed JSON", where + e.getOriginalMessage()));
        } catch (java.io.IOException e) {
            throw new Problem.Exception(Problem.of(400, "malformed-json", "Malformed JSON", e.getMessage()));
        }
    }

    /** Runs {@code work} within the request time limit. */
    <T> T within(Callable<T> task) throws Exception {
        Future<T> future = work.submit(task);
        try {
            return future.get(settings.requestTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            future.cancel(true);
            throw new Problem.Exception(Problem.of(503, "timeout", "Took too long", "the prediction did not finish within "
                    + settings.requestTimeout().toMillis() + " ms"));
        } catch (ExecutionException e) {
            throw e.getCause() instanceof Exception x ? x : new IllegalStateException(e.getCause());
        }
    }

    static void json(Context ctx, int status, Object body) {
        try {
            ctx.status(status).contentType("application/json").result(JSON.writeValueAsBytes(body));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a response", e);
        }
    }

    static void problem(Context ctx, Problem p) {
        String id = ctx.attribute(REQUEST_ID);
        Problem withId = p.with("request_id", id == null ? "" : id);
        if (ctx.path().startsWith("/v2/")) {
            withId = withId.with("error", p.detail());   // the Open Inference Protocol's error member
        }
        ctx.attribute(PROBLEM_WRITTEN, Boolean.TRUE);
        try {
            ctx.status(p.status()).contentType(Problem.MEDIA_TYPE).result(JSON.writeValueAsBytes(withId.toMap()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a problem", e);
        }
    }

    private void failed(Exception e, Context ctx) {
        Problem p = switch (e) {
            case Problem.Exception pe -> pe.problem();
            case InvalidInputException ie -> {
                Problem q = Problem.of(422, "invalid-input", "Invalid input", ie.getMessage()).with("errors", Violation.toJson(ie.violations()));
                yield ie.dropped() > 0 ? q.with("errors_not_listed", ie.dropped()) : q;
            }
            case UnknownModelException ue -> Problem.of(404, "unknown-model", "Unknown model", ue.getMessage());
            case UnknownKnowledgeBaseException ue -> Problem.of(404, "unknown-knowledge-base", "Unknown knowledge base", ue.getMessage());
            case HttpResponseException he when he.getStatus() == 413 -> tooLarge();
            case HttpResponseException he -> Problem.of(he.getStatus(), "http-" + he.getStatus(), he.getMessage(), he.getMessage());
            case IllegalArgumentException ie -> Problem.of(422, "cannot-predict", "Cannot predict", ie.getMessage());
            default -> {
                LOG.error("request {} {} failed", ctx.method(), ctx.path(), e);
                yield Problem.of(500, "internal", "Internal error", "the server failed on this request; its id is in the logs");
            }
        };
        problem(ctx, p);
    }

    private Problem tooLarge() {
        return Problem.of(413, "too-large", "Request too large", "the body is larger than the " + settings.maxRequestBytes()
                + " bytes accepted");
    }

    /** Drains (see the class comment), then stops. */
    @Override
    public void close() {
        draining = true;
        long deadline = System.nanoTime() + settings.drainTimeout().toNanos();
        while (inFlight.get() > 0 && System.nanoTime() < deadline) {
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        if (inFlight.get() > 0) {
            LOG.warn("stopping with {} requests still in flight after {} s", inFlight.get(), settings.drainTimeout().toSeconds());
        }
        app.stop();
        work.shutdownNow();
        models.close();
        experiments.close();
        bases.close();
        metrics.close();
        LOG.info("Kiln server stopped");
    }

    static String version() {
        return KilnVersion.current();
    }
}
