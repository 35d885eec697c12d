package dev.kiln.serve.experiment;

import dev.kiln.monitor.profile.QuantileSketch;
import java.util.Locale;

/**
 * The state of a canary's ramp: the step it is at, and its requests, errors and latency at that
 * step. {@link #observe} proposes the next step once the candidate has served
 * {@code step_requests} requests within its bounds, or a rollback as soon as, after
 * {@link #MIN_REQUESTS} requests at a step, its error rate or p95 latency there crosses a bound;
 * the {@link Experiment} applies (and logs) what it proposes. Mutable; the experiment guards it.
 */
final class CanaryRamp {
    /** Requests at a step before a bound can roll the candidate back: fewer say too little. */
    static final int MIN_REQUESTS = 20;

    private final ExperimentSpec.Canary spec;
    private int step;
    private String rollbackReason;
    private long requests;
    private long errors;
    private QuantileSketch latency = new QuantileSketch();

    /** What a request at the current step leads to. */
    sealed interface Transition {
    }

    record Step(int step, double percent) implements Transition {
    }

    record Rollback(String reason) implements Transition {
    }

    CanaryRamp(ExperimentSpec.Canary spec) {
        this.spec = spec;
    }

    /** The candidate's share of traffic in percent: the step's, or 0 once rolled back. */
    double percent() {
        return rollbackReason != null ? 0 : spec.steps().get(step);
    }

    int step() {
        return step;
    }

    String rollbackReason() {
        return rollbackReason;
    }

    boolean completed() {
        return rollbackReason == null && step == spec.steps().size() - 1;
    }

    /** Counts one request the candidate served at this step; the transition it calls for, or null. */
    Transition observe(RequestStatus status, double latencyMs) {
        if (status == RequestStatus.REJECTED || rollbackReason != null) {
            return null;
        }
        requests++;
        if (status == RequestStatus.ERROR) {
            errors++;
        }
        latency.add(latencyMs);
        double errorRate = (double) errors / requests;
        double p95 = latency.quantile(0.95);
        boolean errorsOk = errorRate <= spec.maxErrorRate();
        boolean latencyOk = spec.maxLatencyMs() == null || p95 <= spec.maxLatencyMs();
        if (requests >= MIN_REQUESTS && !errorsOk) {
            return new Rollback(String.format(Locale.ROOT, "error rate %.4f (%d of %d requests) at step %d (%s%%) is above max_error_rate %s",
                    errorRate, errors, requests, step + 1, percentText(), spec.maxErrorRate()));
        }
        if (requests >= MIN_REQUESTS && !latencyOk) {
            return new Rollback(String.format(Locale.ROOT, "p95 latency %.1f ms over %d requests at step %d (%s%%) is above max_latency_ms %s",
                    p95, requests, step + 1, percentText(), spec.maxLatencyMs()));
        }
        if (requests >= spec.stepRequests() && errorsOk && latencyOk && step < spec.steps().size() - 1) {
            return new Step(step + 1, spec.steps().get(step + 1));
        }
        return null;
    }

    /** Moves to {@code transition}'s state, starting the step's counts afresh. */
    void apply(Transition transition) {
        switch (transition) {
            case Step s -> step = Math.min(s.step(), spec.steps().size() - 1);
            case Rollback r -> rollbackReason = r.reason();
        }
        requests = 0;
        errors = 0;
        latency = new QuantileSketch();
    }

    long requestsAtStep() {
        return requests;
    }

    long errorsAtStep() {
        return errors;
    }

    double p95AtStep() {
        return requests == 0 ? Double.NaN : latency.quantile(0.95);
    }

    private String percentText() {
        double p = spec.steps().get(step);
        return p == Math.rint(p) ? Long.toString((long) p) : Double.toString(p);
    }
}
