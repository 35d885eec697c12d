package dev.kiln.serve.experiment;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.IntToDoubleFunction;

/**
 * An experiment's Prometheus series, labelled {@code experiment} and {@code variant}:
 * {@code kiln_experiment_requests_total}, {@code _errors_total}, {@code _latency_seconds}
 * (a histogram), {@code _conversions_total}, {@code _outcomes_total}, the gauge
 * {@code kiln_experiment_traffic_share} (the variant's current share, canary step included, 0
 * once the experiment has ended) and {@code kiln_experiment_rollbacks_total{experiment}}.
 * Counters start at 0 when the server starts; the experiment's own counts survive restarts.
 */
final class ExperimentMeters {
    private static final Duration[] LATENCY_BUCKETS = {Duration.ofMillis(1), Duration.ofMillis(2), Duration.ofMillis(5),
            Duration.ofMillis(10), Duration.ofMillis(25), Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(250),
            Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofMillis(2500), Duration.ofSeconds(5), Duration.ofSeconds(10)};

    private final Counter[] requests;
    private final Counter[] errors;
    private final Timer[] latency;
    private final Counter[] conversions;
    private final Counter[] outcomes;
    private final Counter rollbacks;

    ExperimentMeters(MeterRegistry registry, ExperimentSpec spec, IntToDoubleFunction share) {
        int n = spec.variants().size();
        requests = new Counter[n];
        errors = new Counter[n];
        latency = new Timer[n];
        conversions = new Counter[n];
        outcomes = new Counter[n];
        String id = spec.id();
        for (int i = 0; i < n; i++) {
            String v = spec.variants().get(i).name();
            requests[i] = Counter.builder("kiln.experiment.requests").description("Requests an experiment routed to (or shadowed with) a variant")
                    .tags("experiment", id, "variant", v).register(registry);
            errors[i] = Counter.builder("kiln.experiment.errors").description("Requests a variant failed (the model threw, a 5xx)")
                    .tags("experiment", id, "variant", v).register(registry);
            latency[i] = Timer.builder("kiln.experiment.latency").description("Time a variant took to answer")
                    .tags("experiment", id, "variant", v).serviceLevelObjectives(LATENCY_BUCKETS).register(registry);
            if (!spec.variants().get(i).shadow()) {
                conversions[i] = Counter.builder("kiln.experiment.conversions").description("Outcomes reported as converted")
                        .tags("experiment", id, "variant", v).register(registry);
                outcomes[i] = Counter.builder("kiln.experiment.outcomes").description("Outcomes attributed to a variant")
                        .tags("experiment", id, "variant", v).register(registry);
                int index = i;
                Gauge.builder("kiln.experiment.traffic.share", share, s -> s.applyAsDouble(index))
                        .description("A variant's current share of the experiment's traffic, canary step included")
                        .tags("experiment", id, "variant", v).strongReference(true).register(registry);
            }
        }
        rollbacks = Counter.builder("kiln.experiment.rollbacks").description("Canary rollbacks").tags("experiment", id).register(registry);
    }

    void served(int variant, RequestStatus status, double latencyMs) {
        requests[variant].increment();
        if (status == RequestStatus.ERROR) {
            errors[variant].increment();
        }
        latency[variant].record(Math.round(latencyMs * 1_000_000.0), TimeUnit.NANOSECONDS);
    }

    /** An outcome attributed to answering {@code variant} (shadows answer none). */
    void outcome(int variant, boolean converted) {
        outcomes[variant].increment();
        if (converted) {
            conversions[variant].increment();
        }
    }

    void rolledBack() {
        rollbacks.increment();
    }
}
