package dev.kiln.serve.experiment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kiln.monitor.experiment.MixtureSprt;
import dev.kiln.monitor.experiment.Moments;
import dev.kiln.monitor.experiment.Proportion;
import dev.kiln.serve.experiment.CanaryRamp.Transition;
import dev.kiln.serve.input.InvalidInputException;
import dev.kiln.serve.input.Violation;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One running (or ended) experiment: it assigns units to variants ({@link StickyAssignment} over
 * the current {@link TrafficSplit}), counts what each variant served, attributes outcomes to the
 * requests it routed, ramps or rolls back a canary, and keeps the always-valid p-value of each
 * treatment (the mixture SPRT of Johari et al., {@link MixtureSprt}) current by a look after
 * every event that changes the metric. Every change is an event, appended to
 * {@code events.jsonl} and replayed on restart. Thread-safe.
 */
public final class Experiment {
    private static final Logger LOG = LoggerFactory.getLogger(Experiment.class);
    /** Units in both arms before the sequential test looks: its normal approximation needs them. */
    public static final int MIN_LOOK_UNITS = 100;

    /** Where an experiment is in its life. */
    public enum State {
        RUNNING, ROLLED_BACK, PROMOTED, STOPPED;

        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** Whether it still routes requests: running, or rolled back (the others answer instead of the candidate). */
        public boolean routes() {
            return this == RUNNING || this == ROLLED_BACK;
        }

        static State parse(String label) {
            return valueOf(label.toUpperCase(Locale.ROOT));
        }
    }

    /** Where a unit goes: the variant's index in the spec, its name and its version reference. */
    public record Assignment(int variant, String name, String version) {
    }

    /** What became of the outcomes of one report: how many were attributed, and why the others were not. */
    public record OutcomeReport(int accepted, List<Violation> rejected) {
    }

    private final ExperimentSpec spec;
    private final ExperimentFiles files;
    private final ExperimentMeters meters;
    private final VariantTally[] tallies;
    private final long[] splitRequests;
    private final CanaryRamp canary;
    private final int candidate;
    private final RecentRequests recent;
    private final double[] sequentialP;
    private final Instant createdAt;
    private Double mixingVariance;
    private volatile TrafficSplit split;
    private volatile State state = State.RUNNING;
    private Instant endedAt;
    private String promotedVariant;

    /**
     * A new experiment, or one being restored; {@code files} null keeps it in memory only,
     * {@code meters} null reports no metrics. It remembers the latest {@code rememberedRequests}
     * requests for outcomes.
     */
    Experiment(ExperimentSpec spec, ExperimentFiles files, MeterRegistry meters, int rememberedRequests, Instant createdAt) {
        this.spec = spec;
        this.files = files;
        int n = spec.variants().size();
        this.tallies = new VariantTally[n];
        for (int i = 0; i < n; i++) {
            tallies[i] = new VariantTally();
        }
        this.splitRequests = new long[n];
        this.canary = spec.canary() == null ? null : new CanaryRamp(spec.canary());
        this.candidate = spec.canary() == null ? -1 : spec.indexOf(spec.canary().variant());
        this.recent = new RecentRequests(rememberedRequests);
        this.sequentialP = new double[n];
        Arrays.fill(sequentialP, 1);
        this.createdAt = createdAt;
        if (spec.metric() == ExperimentSpec.Metric.CONVERSION) {
            mixingVariance = square(spec.minimumDetectableEffect() * spec.baselineRate());
        } else if (spec.baselineMean() != null) {
            mixingVariance = square(spec.minimumDetectableEffect() * spec.baselineMean());
        }
        this.split = TrafficSplit.of(spec, canary == null ? 0 : canary.percent());
        this.meters = meters == null ? null : new ExperimentMeters(meters, spec, this::share);
    }

    /** An experiment in memory only, without metrics: for simulations and tests. */
    public static Experiment inMemory(ExperimentSpec spec, int rememberedRequests) {
        return new Experiment(spec, null, null, rememberedRequests, Instant.now());
    }

    public ExperimentSpec spec() {
        return spec;
    }

    public State state() {
        return state;
    }

    /** The variant that answers {@code unit}: the same for the same unit while the split stands. */
    public Assignment assign(String unit) {
        int v = split.variantFor(StickyAssignment.bucket(spec.salt(), unit));
        ExperimentSpec.Variant variant = spec.variants().get(v);
        return new Assignment(v, variant.name(), variant.version());
    }

    /** The current traffic share of variant {@code index}; 0 for every variant once the experiment stops routing. */
    public double share(int index) {
        return state.routes() ? split.share(index) : 0;
    }

    /**
     * Records a request the experiment routed to {@code variant}: how it ended, how long it took,
     * and the label predicted for its first row (null when not a classifier); it is remembered
     * by {@code requestId} for outcomes when it was answered.
     */
    public synchronized void exposed(int variant, String requestId, RequestStatus status, double latencyMs, String label) {
        long now = System.currentTimeMillis();
        Transition t = applyExposure(variant, requestId, status, latencyMs, label, now);
        if (files != null) {
            ObjectNode e = event("exposure", now);
            e.put("request_id", requestId);
            e.put("variant", spec.variants().get(variant).name());
            e.put("status", status.label());
            e.put("latency_ms", latencyMs);
            if (label != null) {
                e.put("label", label);
            }
            files.append(e);
        }
        if (meters != null) {
            meters.served(variant, status, latencyMs);
        }
        if (t != null) {
            transition(t, now);
        }
    }

    /** Records what shadow {@code variant} did with a copy of a request: {@code agreed} of {@code compared} rows predicted the answering label. */
    public synchronized void shadowed(int variant, RequestStatus status, double latencyMs, long compared, long agreed) {
        long now = System.currentTimeMillis();
        applyShadow(variant, status, latencyMs, compared, agreed);
        if (files != null) {
            ObjectNode e = event("shadow", now);
            e.put("variant", spec.variants().get(variant).name());
            e.put("status", status.label());
            e.put("latency_ms", latencyMs);
            e.put("compared", compared);
            e.put("agreed", agreed);
            files.append(e);
        }
        if (meters != null) {
            meters.served(variant, status, latencyMs);
        }
    }

    /**
     * Attributes {@code {"outcomes": [{"request_id": …, "converted": true | "value": 12.5 | "label": "pos"}, …]}}
     * to the variants that answered those requests. An item that is malformed, names a request
     * this experiment did not route (or has forgotten), or repeats a kind of outcome already
     * reported for it is refused by its JSON pointer; the others count.
     */
    public synchronized OutcomeReport outcomes(JsonNode body) {
        JsonNode items = body == null ? null : body.get("outcomes");
        if (items == null || !items.isArray() || items.isEmpty()) {
            throw new InvalidInputException(List.of(new Violation("/outcomes",
                    "expected a non-empty array: {\"outcomes\": [{\"request_id\": \"…\", \"converted\": true}, …]}")), 0);
        }
        List<Violation> rejected = new ArrayList<>();
        int accepted = 0;
        for (int i = 0; i < items.size(); i++) {
            Violation problem = outcome(items.get(i), "/outcomes/" + i);
            if (problem == null) {
                accepted++;
            } else {
                rejected.add(problem);
            }
        }
        return new OutcomeReport(accepted, rejected);
    }

    private Violation outcome(JsonNode item, String at) {
        if (!item.isObject()) {
            return new Violation(at, "expected an object {\"request_id\": …, \"converted\": true|false, \"value\": n, \"label\": \"…\"}");
        }
        var fields = item.fieldNames();
        while (fields.hasNext()) {
            String f = fields.next();
            if (!List.of("request_id", "converted", "value", "label").contains(f)) {
                return new Violation(at + "/" + f, "unknown field; expected request_id, converted, value or label");
            }
        }
        JsonNode id = item.get("request_id");
        if (id == null || !id.isTextual() || id.asText().isEmpty()) {
            return new Violation(at + "/request_id", "expected the request id (the X-Request-Id the prediction was answered with)");
        }
        JsonNode converted = item.get("converted");
        JsonNode value = item.get("value");
        JsonNode label = item.get("label");
        if (converted == null && value == null && label == null) {
            return new Violation(at, "expected at least one of converted (true/false), value (a number) or label (a string)");
        }
        if (converted != null && !converted.isBoolean()) {
            return new Violation(at + "/converted", "expected true or false");
        }
        if (value != null && (!value.isNumber() || !Double.isFinite(value.asDouble()))) {
            return new Violation(at + "/value", "expected a finite number");
        }
        if (label != null && !label.isTextual()) {
            return new Violation(at + "/label", "expected the true label as a string");
        }
        String requestId = id.asText();
        RecentRequests.Routed routed = recent.get(requestId);
        if (routed == null) {
            return new Violation(at + "/request_id", "no request '" + requestId + "' answered through experiment " + spec.id()
                    + " (unknown or expired: the latest " + recent.capacity() + " are remembered)");
        }
        if (converted != null && (routed.reported & RecentRequests.CONVERTED) != 0) {
            return new Violation(at + "/converted", "request '" + requestId + "' already has a conversion outcome");
        }
        if (value != null && (routed.reported & RecentRequests.VALUE) != 0) {
            return new Violation(at + "/value", "request '" + requestId + "' already has a value outcome");
        }
        if (label != null && (routed.reported & RecentRequests.LABEL) != 0) {
            return new Violation(at + "/label", "request '" + requestId + "' already has a label outcome");
        }
        if (label != null && routed.label == null) {
            return new Violation(at + "/label", "request '" + requestId + "' predicted no label (the model is not a classifier)");
        }
        Boolean conv = converted == null ? null : converted.asBoolean();
        Double val = value == null ? null : value.asDouble();
        String lab = label == null ? null : label.asText();
        Boolean correct = lab == null ? null : lab.equals(routed.label);
        long now = System.currentTimeMillis();
        applyOutcome(routed.variant, requestId, conv, val, lab, correct);
        if (files != null) {
            ObjectNode e = event("outcome", now);
            e.put("request_id", requestId);
            e.put("variant", spec.variants().get(routed.variant).name());
            if (conv != null) {
                e.put("converted", conv);
            }
            if (val != null) {
                e.put("value", val);
            }
            if (lab != null) {
                e.put("label", lab);
                e.put("correct", correct);
            }
            files.append(e);
        }
        if (meters != null) {
            meters.outcome(routed.variant, Boolean.TRUE.equals(conv));
        }
        return null;
    }

    private Transition applyExposure(int variant, String requestId, RequestStatus status, double latencyMs, String label, long time) {
        tallies[variant].served(status, latencyMs);
        splitRequests[variant]++;
        if (status == RequestStatus.OK && requestId != null) {
            recent.put(requestId, variant, label, time);
            if (spec.metric() == ExperimentSpec.Metric.CONVERSION) {
                look();
            }
        }
        return canary != null && variant == candidate ? canary.observe(status, latencyMs) : null;
    }

    private void applyShadow(int variant, RequestStatus status, double latencyMs, long compared, long agreed) {
        VariantTally t = tallies[variant];
        t.served(status, latencyMs);
        t.compared += compared;
        t.agreed += agreed;
    }

    private void applyOutcome(int variant, String requestId, Boolean converted, Double value, String label, Boolean correct) {
        VariantTally t = tallies[variant];
        t.outcomes++;
        RecentRequests.Routed routed = recent.get(requestId);
        if (converted != null) {
            if (converted) {
                t.conversions++;
            }
            mark(routed, RecentRequests.CONVERTED);
        }
        if (value != null) {
            t.value(value);
            mark(routed, RecentRequests.VALUE);
        }
        if (label != null) {
            t.labelled++;
            if (Boolean.TRUE.equals(correct)) {
                t.correct++;
            }
            mark(routed, RecentRequests.LABEL);
        }
        if (converted != null && spec.metric() == ExperimentSpec.Metric.CONVERSION
                || value != null && spec.metric() == ExperimentSpec.Metric.VALUE) {
            look();
        }
    }

    private static void mark(RecentRequests.Routed routed, int flag) {
        if (routed != null) {
            routed.reported |= flag;
        }
    }

    private void transition(Transition t, long now) {
        applyTransition(t);
        if (files != null) {
            ObjectNode e = event(t instanceof CanaryRamp.Step ? "step" : "rollback", now);
            switch (t) {
                case CanaryRamp.Step s -> {
                    e.put("step", s.step());
                    e.put("percent", s.percent());
                }
                case CanaryRamp.Rollback r -> e.put("reason", r.reason());
            }
            files.append(e);
            files.saveState(stateJson());
        }
        if (t instanceof CanaryRamp.Rollback r) {
            LOG.warn("experiment {}: canary {} rolled back: {}", spec.id(), spec.canary().variant(), r.reason());
            if (meters != null) {
                meters.rolledBack();
            }
        } else if (t instanceof CanaryRamp.Step s) {
            LOG.info("experiment {}: canary {} ramped to step {} ({}% of traffic)", spec.id(), spec.canary().variant(), s.step() + 1,
                    s.percent());
        }
    }

    private void applyTransition(Transition t) {
        canary.apply(t);
        if (t instanceof CanaryRamp.Rollback && state == State.RUNNING) {
            state = State.ROLLED_BACK;
        }
        split = TrafficSplit.of(spec, canary.percent());
        Arrays.fill(splitRequests, 0);
    }

    /** One look of the sequential test at every treatment; the always-valid p-value only ever falls. */
    private void look() {
        int control = spec.indexOf(spec.control().name());
        if (mixingVariance == null) {
            Moments c = tallies[control].valueMoments();
            if (c.count() < MIN_LOOK_UNITS || c.mean() == 0) {
                return;
            }
            mixingVariance = square(spec.minimumDetectableEffect() * c.mean());
        }
        MixtureSprt test = new MixtureSprt(mixingVariance);
        for (int t = 0; t < tallies.length; t++) {
            if (t == control || spec.variants().get(t).shadow()) {
                continue;
            }
            if (spec.metric() == ExperimentSpec.Metric.CONVERSION) {
                Proportion a = tallies[control].conversion();
                Proportion b = tallies[t].conversion();
                if (a.trials() >= MIN_LOOK_UNITS && b.trials() >= MIN_LOOK_UNITS) {
                    sequentialP[t] = test.compare(a, b, 1 - spec.alpha(), sequentialP[t]).pValue();
                }
            } else {
                Moments a = tallies[control].valueMoments();
                Moments b = tallies[t].valueMoments();
                if (a.count() >= MIN_LOOK_UNITS && b.count() >= MIN_LOOK_UNITS) {
                    sequentialP[t] = test.compare(a, b, 1 - spec.alpha(), sequentialP[t]).pValue();
                }
            }
        }
    }

    /** Ends the experiment as {@code promoted} (with the variant) or {@code stopped}. */
    synchronized void end(State end, String variant) {
        if (!state.routes()) {
            throw new ExperimentConflictException("experiment " + spec.id() + " has already ended: it is " + state.label());
        }
        state = end;
        promotedVariant = variant;
        endedAt = Instant.now();
        if (files != null) {
            files.saveState(stateJson());
        }
    }

    /** The rollback reason of the canary, if it was rolled back. */
    public synchronized String rollbackReason() {
        return canary == null ? null : canary.rollbackReason();
    }

    /** The decision the data supports now; see {@link ExperimentAnalysis}. */
    public synchronized ExperimentAnalysis.Verdict verdict() {
        return analysis().verdict();
    }

    /** Spec, state, per-variant counts, comparisons, sample-ratio check, power and verdict, as the JSON of {@code GET /api/experiments/ID}. */
    public synchronized Map<String, Object> status() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", spec.id());
        out.put("model", spec.model());
        out.put("state", state.label());
        out.put("created_at", createdAt.toString());
        out.put("ended_at", endedAt == null ? null : endedAt.toString());
        out.put("promoted_variant", promotedVariant);
        out.put("rollback_reason", rollbackReason());
        out.put("spec", ExperimentSpecJson.write(spec));
        out.put("remembered_requests", recent.capacity());
        out.put("canary", canaryJson());
        ExperimentAnalysis a = analysis();
        out.put("variants", a.variants());
        out.put("comparisons", a.comparisons());
        out.put("sample_ratio", a.sampleRatio());
        out.put("power", a.power());
        out.put("verdict", a.verdict().toJson());
        return out;
    }

    /** A short line for lists: id, model, state, verdict. */
    public synchronized Map<String, Object> summary() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", spec.id());
        out.put("model", spec.model());
        out.put("state", state.label());
        out.put("variants", spec.names());
        out.put("created_at", createdAt.toString());
        out.put("verdict", analysis().verdict().toJson());
        return out;
    }

    private ExperimentAnalysis analysis() {
        return new ExperimentAnalysis(spec, tallies, split, state.routes(), splitRequests, sequentialP, mixingVariance);
    }

    private Map<String, Object> canaryJson() {
        if (canary == null) {
            return null;
        }
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("variant", spec.canary().variant());
        c.put("step", canary.step() + 1);
        c.put("percent", canary.percent());
        c.put("steps", spec.canary().steps());
        c.put("requests_at_step", canary.requestsAtStep());
        c.put("errors_at_step", canary.errorsAtStep());
        c.put("p95_latency_ms_at_step", canary.p95AtStep());
        c.put("step_requests", spec.canary().stepRequests());
        c.put("completed", canary.completed());
        c.put("rolled_back", canary.rollbackReason() != null);
        return c;
    }

    /** The spec and state as {@code experiment.json} holds them. */
    synchronized ObjectNode stateJson() {
        ObjectNode o = ExperimentSpecJson.JSON.createObjectNode();
        o.set("spec", ExperimentSpecJson.write(spec));
        o.put("state", state.label());
        o.put("created_at", createdAt.toString());
        o.put("ended_at", endedAt == null ? null : endedAt.toString());
        o.put("promoted_variant", promotedVariant);
        o.put("rollback_reason", rollbackReason());
        o.put("canary_step", canary == null ? null : canary.step());
        ObjectNode p = o.putObject("sequential_p");
        for (int i = 0; i < sequentialP.length; i++) {
            if (!spec.variants().get(i).shadow() && i != spec.indexOf(spec.control().name())) {
                p.put(spec.variants().get(i).name(), sequentialP[i]);
            }
        }
        if (mixingVariance != null) {
            o.put("mixing_variance", mixingVariance);
        }
        return o;
    }

    /** Restores the state saved in {@code saved} and the counts from the event log; returns the corrupt lines skipped. */
    int restore(JsonNode saved) throws IOException {
        int skipped = files.replay(this::replay);
        State savedState = State.parse(saved.path("state").asText("running"));
        if (!savedState.routes()) {
            state = savedState;
        }
        if (!saved.path("ended_at").isNull() && saved.has("ended_at")) {
            endedAt = Instant.parse(saved.get("ended_at").asText());
        }
        promotedVariant = saved.path("promoted_variant").isTextual() ? saved.get("promoted_variant").asText() : null;
        JsonNode p = saved.path("sequential_p");
        for (int i = 0; i < sequentialP.length; i++) {
            JsonNode v = p.get(spec.variants().get(i).name());
            if (v != null && v.isNumber()) {
                sequentialP[i] = Math.min(sequentialP[i], v.asDouble());
            }
        }
        if (mixingVariance == null && saved.path("mixing_variance").isNumber()) {
            mixingVariance = saved.get("mixing_variance").asDouble();
        }
        return skipped;
    }

    private void replay(JsonNode e) {
        String type = e.get("type").asText();
        switch (type) {
            case "exposure" -> applyExposure(variant(e), text(e, "request_id"), RequestStatus.parse(text(e, "status")),
                    number(e, "latency_ms"), e.path("label").isTextual() ? e.get("label").asText() : null, e.path("time").asLong());
            case "shadow" -> applyShadow(variant(e), RequestStatus.parse(text(e, "status")), number(e, "latency_ms"),
                    e.path("compared").asLong(), e.path("agreed").asLong());
            case "outcome" -> applyOutcome(variant(e), text(e, "request_id"),
                    e.has("converted") ? e.get("converted").asBoolean() : null,
                    e.has("value") ? number(e, "value") : null,
                    e.path("label").isTextual() ? e.get("label").asText() : null,
                    e.has("correct") ? e.get("correct").asBoolean() : null);
            case "step" -> {
                requireCanary(type);
                applyTransition(new CanaryRamp.Step(e.path("step").asInt(), number(e, "percent")));
            }
            case "rollback" -> {
                requireCanary(type);
                applyTransition(new CanaryRamp.Rollback(text(e, "reason")));
            }
            default -> throw new IllegalArgumentException("unknown event type '" + type + "'");
        }
    }

    private void requireCanary(String type) {
        if (canary == null) {
            throw new IllegalArgumentException("a '" + type + "' event, but the experiment has no canary");
        }
    }

    private int variant(JsonNode e) {
        int v = spec.indexOf(text(e, "variant"));
        if (v < 0) {
            throw new IllegalArgumentException("unknown variant '" + e.get("variant").asText() + "'; the experiment has " + spec.names());
        }
        return v;
    }

    private static String text(JsonNode e, String field) {
        JsonNode v = e.get(field);
        if (v == null || !v.isTextual()) {
            throw new IllegalArgumentException("expected a string at /" + field);
        }
        return v.asText();
    }

    private static double number(JsonNode e, String field) {
        JsonNode v = e.get(field);
        if (v == null || !v.isNumber()) {
            throw new IllegalArgumentException("expected a number at /" + field);
        }
        return v.asDouble();
    }

    private ObjectNode event(String type, long time) {
        ObjectNode e = ExperimentSpecJson.JSON.createObjectNode();
        e.put("type", type);
        e.put("time", time);
        return e;
    }

    void close() {
        if (files != null) {
            files.close();
        }
    }

    private static double square(double x) {
        return x * x;
    }
}
