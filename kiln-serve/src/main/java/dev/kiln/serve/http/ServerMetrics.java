package dev.kiln.serve.http;

import dev.kiln.core.model.Prediction;
import dev.kiln.serve.monitor.RequestCheck;
import dev.kiln.serve.registry.ModelVersion;
import io.javalin.http.Context;
import io.javalin.router.Endpoint;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;

/**
 * The server's Prometheus metrics, served by {@code GET /metrics} in the text exposition format:
 * HTTP requests by route template, model version and status, requests in flight, predictions
 * ({@link PredictionMetrics}), and the JVM's and the process's own.
 */
final class ServerMetrics implements AutoCloseable {
    /** The {@code route} of a request that matched no route, so that unknown paths add no series. */
    static final String UNMATCHED = "unmatched";
    private static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";
    private static final Duration[] LATENCY_BUCKETS = {Duration.ofMillis(1), Duration.ofMillis(2), Duration.ofMillis(5),
            Duration.ofMillis(10), Duration.ofMillis(25), Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(250),
            Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofMillis(2500), Duration.ofSeconds(5), Duration.ofSeconds(10),
            Duration.ofSeconds(30)};

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final JvmGcMetrics gc = new JvmGcMetrics();
    private final PredictionMetrics predictions = new PredictionMetrics(registry);

    /** Metrics whose in-flight gauge reads {@code inFlight}. */
    ServerMetrics(IntSupplier inFlight) {
        Gauge.builder("kiln.http.requests.in.flight", inFlight, IntSupplier::getAsInt)
                .description("Requests to model routes being served now").strongReference(true).register(registry);
        new JvmMemoryMetrics().bindTo(registry);
        gc.bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ClassLoaderMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
    }

    /** The registry, for the series other parts of the server keep (the experiments'). */
    io.micrometer.core.instrument.MeterRegistry registry() {
        return registry;
    }

    /** {@code GET /metrics}. */
    void scrape(Context ctx) {
        ctx.status(200).contentType(CONTENT_TYPE).result(registry.scrape());
    }

    /** Records a finished request; a Javalin request logger. */
    void finished(Context ctx, Float ms) {
        int status = ctx.statusCode();
        ModelVersion version = ctx.attribute(ServedModels.RESOLVED);
        Tags tags = Tags.of("method", ctx.method().name(), "route", route(ctx),
                "model", version == null ? "" : version.name(), "version", version == null ? "" : Integer.toString(version.version()),
                "status", Integer.toString(status));
        Timer.builder("kiln.http.requests").description("HTTP requests by route template, model version and status")
                .tags(tags).serviceLevelObjectives(LATENCY_BUCKETS).register(registry)
                .record(Math.round(ms * 1_000_000.0), TimeUnit.NANOSECONDS);
        if (status >= 400) {
            Counter.builder("kiln.http.errors").description("HTTP requests answered with a status of 400 or more")
                    .tags(tags).register(registry).increment();
        }
    }

    /** Records what {@code version} predicted. */
    void predicted(ModelVersion version, Prediction prediction) {
        predictions.record(version, prediction);
    }

    /** Counts the numbers of a request to {@code version} that lay outside their training range, per column. */
    void outsideRange(ModelVersion version, java.util.Map<String, Integer> byColumn) {
        byColumn.forEach((column, count) -> Counter.builder("kiln.input.out.of.range")
                .description("Input numbers outside the range their column held in training, per model version and column")
                .tags("model", version.name(), "version", Integer.toString(version.version()), "column", column)
                .register(registry).increment(count));
    }

    /**
     * Counts the values of a request to {@code version} that failed its expectations, per
     * expectation and column, and the request as rejected or warned.
     */
    void expectationsFailed(ModelVersion version, java.util.Map<RequestCheck.Failure, Integer> counts, boolean rejected) {
        String number = Integer.toString(version.version());
        counts.forEach((failure, count) -> Counter.builder("kiln.validation.failures")
                .description("Request values that failed the model's expectations, per model version, expectation and column")
                .tags("model", version.name(), "version", number, "expectation", failure.expectation(), "column", failure.column())
                .register(registry).increment(count));
        Counter.builder("kiln.validation.requests").description("Requests with values that failed the model's expectations, by outcome")
                .tags("model", version.name(), "version", number, "outcome", rejected ? "rejected" : "warned")
                .register(registry).increment();
    }

    private static String route(Context ctx) {
        Endpoint endpoint = ctx.endpoints().matchedHttpEndpoint();
        return endpoint == null ? UNMATCHED : endpoint.path;
    }

    @Override
    public void close() {
        gc.close();
        registry.close();
    }
}
