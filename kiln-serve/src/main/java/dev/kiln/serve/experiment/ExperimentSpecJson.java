package dev.kiln.serve.experiment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kiln.serve.experiment.ExperimentSpec.Canary;
import dev.kiln.serve.experiment.ExperimentSpec.Metric;
import dev.kiln.serve.experiment.ExperimentSpec.Variant;
import dev.kiln.serve.input.InvalidInputException;
import dev.kiln.serve.input.Violation;
import dev.kiln.serve.registry.ModelRegistry;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * {@link ExperimentSpec}s as JSON (snake_case keys, as POSTed and stored): {@link #read} checks
 * every field and reports each wrong one by its JSON pointer, e.g.
 * {@code /variants/1/weight: expected a number > 0}; {@link #write} gives the spec back with its
 * defaults filled in.
 */
public final class ExperimentSpecJson {
    static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern HEADER = Pattern.compile("[A-Za-z0-9!#$%&'*+.^_`|~-]{1,64}");
    private static final Set<String> FIELDS = Set.of("id", "model", "variants", "salt", "unit", "metric", "minimum_detectable_effect",
            "alpha", "power", "baseline_rate", "baseline_mean", "canary");
    private static final Set<String> VARIANT_FIELDS = Set.of("name", "version", "weight", "shadow");
    private static final Set<String> CANARY_FIELDS = Set.of("variant", "steps", "step_requests", "max_error_rate", "max_latency_ms");

    private final List<Violation> violations = new ArrayList<>();

    private ExperimentSpecJson() {
    }

    /** The spec {@code node} describes; every problem found is listed in the {@link InvalidInputException}. */
    public static ExperimentSpec read(JsonNode node) {
        return new ExperimentSpecJson().spec(node);
    }

    private ExperimentSpec spec(JsonNode node) {
        if (node == null || !node.isObject()) {
            throw new InvalidInputException(List.of(new Violation("", "expected a JSON object: {\"id\": …, \"model\": …, \"variants\": […]}")), 0);
        }
        unknownFields(node, "", FIELDS);
        String id = name(node, "/id");
        String model = name(node, "/model");
        List<Variant> variants = variants(node.path("variants"));
        String salt = optionalText(node, "/salt", id == null ? "" : id);
        String unit = optionalText(node, "/unit", ExperimentSpec.DEFAULT_UNIT);
        if (unit != null && !HEADER.matcher(unit).matches()) {
            fail("/unit", "expected a request header name, e.g. X-User-Id");
        }
        Metric metric = metric(node.path("metric"));
        double mde = number(node, "/minimum_detectable_effect", ExperimentSpec.DEFAULT_MDE, 0, Double.POSITIVE_INFINITY,
                "a relative lift > 0, e.g. 0.05 for 5%");
        double alpha = number(node, "/alpha", ExperimentSpec.DEFAULT_ALPHA, 0, 0.5, "a significance level in (0, 0.5)");
        double power = number(node, "/power", ExperimentSpec.DEFAULT_POWER, 0, 1, "a probability in (0, 1)");
        double baseline = number(node, "/baseline_rate", ExperimentSpec.DEFAULT_BASELINE_RATE, 0, 1, "a conversion rate in (0, 1)");
        Double baselineMean = null;
        if (node.has("baseline_mean")) {
            JsonNode m = node.get("baseline_mean");
            if (!m.isNumber() || m.asDouble() == 0 || !Double.isFinite(m.asDouble())) {
                fail("/baseline_mean", "expected a non-zero number: the control's expected mean value");
            } else {
                baselineMean = m.asDouble();
            }
        }
        Canary canary = node.has("canary") ? canary(node.get("canary"), variants) : null;
        if (variants != null && variants.stream().allMatch(Variant::shadow)) {
            fail("/variants", "expected at least one variant that is not a shadow: the first one is the control");
        }
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations, 0);
        }
        return new ExperimentSpec(id, model, variants, salt, unit, metric, mde, alpha, power, baseline, baselineMean, canary);
    }

    private List<Variant> variants(JsonNode node) {
        if (!node.isArray() || node.size() < 2) {
            fail("/variants", "expected an array of two or more variants: {\"name\": \"A\", \"version\": 1, \"weight\": 1}");
            return null;
        }
        List<Variant> out = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (int i = 0; i < node.size(); i++) {
            String at = "/variants/" + i;
            JsonNode v = node.get(i);
            if (!v.isObject()) {
                fail(at, "expected an object {\"name\": …, \"version\": …, \"weight\": …}");
                continue;
            }
            unknownFields(v, at, VARIANT_FIELDS);
            String name = name(v, at + "/name");
            if (name != null && !names.add(name)) {
                fail(at + "/name", "variant '" + name + "' is named twice");
            }
            String version = version(v.path("version"), at + "/version");
            double weight = number(v, at + "/weight", 1, 0, Double.POSITIVE_INFINITY, "a number > 0");
            boolean shadow = false;
            if (v.has("shadow")) {
                if (!v.get("shadow").isBoolean()) {
                    fail(at + "/shadow", "expected true or false");
                } else {
                    shadow = v.get("shadow").asBoolean();
                }
            }
            if (name != null && version != null && weight > 0) {
                out.add(new Variant(name, version, weight, shadow));
            }
        }
        return out.size() == node.size() ? out : null;
    }

    private String version(JsonNode node, String at) {
        if (node.isIntegralNumber() && node.canConvertToInt() && node.asInt() >= 1) {
            return Integer.toString(node.asInt());
        }
        if (node.isTextual() && ModelRegistry.NAME.matcher(node.asText()).matches()) {
            return node.asText();
        }
        fail(at, "expected a version number (a whole number from 1) or an alias such as champion");
        return null;
    }

    private Metric metric(JsonNode node) {
        if (node.isMissingNode()) {
            return Metric.CONVERSION;
        }
        for (Metric m : Metric.values()) {
            if (node.isTextual() && node.asText().equals(m.label())) {
                return m;
            }
        }
        fail("/metric", "expected \"conversion\" or \"value\"");
        return Metric.CONVERSION;
    }

    private Canary canary(JsonNode node, List<Variant> variants) {
        if (!node.isObject()) {
            fail("/canary", "expected an object {\"variant\": …, \"steps\": [5, 25, 50, 100], …}");
            return null;
        }
        unknownFields(node, "/canary", CANARY_FIELDS);
        String variant = text(node, "/canary/variant");
        if (variant != null && variants != null) {
            Variant v = variants.stream().filter(x -> x.name().equals(variant)).findFirst().orElse(null);
            List<Variant> answering = variants.stream().filter(x -> !x.shadow()).toList();
            if (v == null) {
                fail("/canary/variant", "no variant named '" + variant + "'");
            } else if (v.shadow()) {
                fail("/canary/variant", "'" + variant + "' is a shadow; a canary must answer requests");
            } else if (!answering.isEmpty() && answering.get(0) == v) {
                fail("/canary/variant", "'" + variant + "' is the control (the first answering variant); name the candidate");
            }
        }
        List<Double> steps = new ArrayList<>();
        JsonNode s = node.path("steps");
        if (!s.isArray() || s.isEmpty()) {
            fail("/canary/steps", "expected a list of increasing percentages in (0, 100], e.g. [5, 25, 50, 100]");
        } else {
            for (int i = 0; i < s.size(); i++) {
                double p = s.get(i).asDouble();
                if (!s.get(i).isNumber() || !(p > 0 && p <= 100) || !steps.isEmpty() && p <= steps.get(steps.size() - 1)) {
                    fail("/canary/steps/" + i, "expected a percentage in (0, 100] above the step before");
                }
                steps.add(p);
            }
        }
        long stepRequests = Canary.DEFAULT_STEP_REQUESTS;
        if (node.has("step_requests")) {
            JsonNode r = node.get("step_requests");
            if (!r.isIntegralNumber() || !r.canConvertToLong() || r.asLong() < 1) {
                fail("/canary/step_requests", "expected a whole number >= 1: requests the candidate serves at a step before ramping");
            } else {
                stepRequests = r.asLong();
            }
        }
        double maxErrorRate = Canary.DEFAULT_MAX_ERROR_RATE;
        if (node.has("max_error_rate")) {
            JsonNode r = node.get("max_error_rate");
            if (!r.isNumber() || !(r.asDouble() >= 0 && r.asDouble() <= 1)) {
                fail("/canary/max_error_rate", "expected a rate in [0, 1]");
            } else {
                maxErrorRate = r.asDouble();
            }
        }
        Double maxLatency = null;
        if (node.has("max_latency_ms")) {
            JsonNode r = node.get("max_latency_ms");
            if (!r.isNumber() || !(r.asDouble() > 0) || !Double.isFinite(r.asDouble())) {
                fail("/canary/max_latency_ms", "expected a number of milliseconds > 0 (bounds the p95 latency)");
            } else {
                maxLatency = r.asDouble();
            }
        }
        return variant == null ? null : new Canary(variant, steps, stepRequests, maxErrorRate, maxLatency);
    }

    private String name(JsonNode parent, String at) {
        String text = text(parent, at);
        if (text != null && !ModelRegistry.NAME.matcher(text).matches()) {
            fail(at, "expected a name of letters, digits, '.', '_' or '-' (up to 64, starting with a letter or digit), got '"
                    + text + "'");
            return null;
        }
        return text;
    }

    private String text(JsonNode parent, String at) {
        JsonNode node = parent.path(last(at));
        if (!node.isTextual() || node.asText().isBlank()) {
            fail(at, node.isMissingNode() ? "missing; expected a string" : "expected a string");
            return null;
        }
        return node.asText();
    }

    private String optionalText(JsonNode parent, String at, String fallback) {
        return parent.has(last(at)) ? text(parent, at) : fallback;
    }

    private double number(JsonNode parent, String at, double fallback, double above, double upTo, String expected) {
        JsonNode node = parent.path(last(at));
        if (node.isMissingNode()) {
            return fallback;
        }
        double v = node.asDouble();
        if (!node.isNumber() || !(v > above && v < upTo) || Double.isInfinite(v)) {
            fail(at, "expected " + expected);
            return Double.NaN;
        }
        return v;
    }

    private void unknownFields(JsonNode node, String at, Set<String> known) {
        node.fieldNames().forEachRemaining(f -> {
            if (!known.contains(f)) {
                fail(at + "/" + f, "unknown field; expected one of " + known.stream().sorted().toList());
            }
        });
    }

    private void fail(String pointer, String message) {
        violations.add(new Violation(pointer, message));
    }

    private static String last(String pointer) {
        return pointer.substring(pointer.lastIndexOf('/') + 1);
    }

    /** The spec as JSON, defaults filled in. */
    public static ObjectNode write(ExperimentSpec spec) {
        ObjectNode o = JSON.createObjectNode();
        o.put("id", spec.id());
        o.put("model", spec.model());
        ArrayNode variants = o.putArray("variants");
        for (Variant v : spec.variants()) {
            ObjectNode n = variants.addObject();
            n.put("name", v.name());
            if (v.version().chars().allMatch(Character::isDigit)) {
                n.put("version", Integer.parseInt(v.version()));
            } else {
                n.put("version", v.version());
            }
            n.put("weight", v.weight());
            n.put("shadow", v.shadow());
        }
        o.put("salt", spec.salt());
        o.put("unit", spec.unit());
        o.put("metric", spec.metric().label());
        o.put("minimum_detectable_effect", spec.minimumDetectableEffect());
        o.put("alpha", spec.alpha());
        o.put("power", spec.power());
        o.put("baseline_rate", spec.baselineRate());
        if (spec.baselineMean() != null) {
            o.put("baseline_mean", spec.baselineMean());
        }
        if (spec.canary() != null) {
            Canary c = spec.canary();
            ObjectNode n = o.putObject("canary");
            n.put("variant", c.variant());
            ArrayNode steps = n.putArray("steps");
            c.steps().forEach(steps::add);
            n.put("step_requests", c.stepRequests());
            n.put("max_error_rate", c.maxErrorRate());
            if (c.maxLatencyMs() != null) {
                n.put("max_latency_ms", c.maxLatencyMs());
            }
        }
        return o;
    }
}
