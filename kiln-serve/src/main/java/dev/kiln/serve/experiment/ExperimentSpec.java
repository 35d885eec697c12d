package dev.kiln.serve.experiment;

import dev.kiln.serve.registry.ModelRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What an online experiment on one registered model is: its variants (versions of the model with
 * traffic weights; shadows get copies of requests but never answer), how units are found and
 * salted for sticky assignment, the metric and the plan its verdict follows (minimum detectable
 * effect, α, power), and optionally a canary ramp for one candidate variant. Read and validated
 * by {@link ExperimentSpecReader}; the first answering variant is the control.
 *
 * @param id                      the experiment's name, as {@link ModelRegistry#NAME}
 * @param model                   the registered model it routes
 * @param variants                two or more variants, names unique
 * @param salt                    mixed into the assignment hash; another salt reshuffles the units
 * @param unit                    the request header that names the unit (user, session); without it the request id is the unit
 * @param metric                  what decides: conversions or a value per request
 * @param minimumDetectableEffect the smallest relative lift worth detecting (0.05: 5%)
 * @param alpha                   the significance level of the tests
 * @param power                   the wanted power at the minimum detectable effect
 * @param baselineRate            the control's expected conversion rate, for planning
 * @param baselineMean            the control's expected mean value, for planning with the value metric (null: the control's observed mean)
 * @param canary                  the progressive delivery of one candidate variant, or null
 */
public record ExperimentSpec(String id, String model, List<Variant> variants, String salt, String unit, Metric metric,
                             double minimumDetectableEffect, double alpha, double power, double baselineRate, Double baselineMean,
                             Canary canary) {
    public static final String DEFAULT_UNIT = "X-User-Id";
    public static final double DEFAULT_MDE = 0.05;
    public static final double DEFAULT_ALPHA = 0.05;
    public static final double DEFAULT_POWER = 0.8;
    public static final double DEFAULT_BASELINE_RATE = 0.1;

    public ExperimentSpec {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(model, "model");
        variants = List.copyOf(variants);
        Objects.requireNonNull(salt, "salt");
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(metric, "metric");
        if (variants.stream().noneMatch(v -> !v.shadow())) {
            throw new IllegalArgumentException("an experiment needs an answering (non-shadow) variant");
        }
    }

    /** What decides an experiment. */
    public enum Metric {
        /** The share of answered requests that converted (an outcome with {@code converted: true}). */
        CONVERSION,
        /** The mean of the values reported as outcomes. */
        VALUE;

        public String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /**
     * One variant: a version of the model (a number or an alias, resolved at each request), its
     * relative traffic weight, and whether it only shadows.
     */
    public record Variant(String name, String version, double weight, boolean shadow) {
        public Variant {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(version, "version");
            if (!(weight > 0) || Double.isInfinite(weight)) {
                throw new IllegalArgumentException("variant " + name + ": weight must be > 0, got " + weight);
            }
        }

        /**
         * The reference to resolve in the registry: {@code champion} means what a request without a
         * version gets (the champion alias, else the latest version), as {@link ModelRegistry#resolve} reads null.
         */
        public String reference() {
            return version.equals(ModelRegistry.CHAMPION) ? null : version;
        }
    }

    /**
     * Progressive delivery of {@code variant}: its share of traffic follows {@code steps} (percent),
     * moving on after {@code stepRequests} healthy requests at a step; an error rate above
     * {@code maxErrorRate} or a p95 latency above {@code maxLatencyMs} (null: no latency bound)
     * rolls it back.
     */
    public record Canary(String variant, List<Double> steps, long stepRequests, double maxErrorRate, Double maxLatencyMs) {
        public static final long DEFAULT_STEP_REQUESTS = 100;
        public static final double DEFAULT_MAX_ERROR_RATE = 0.01;

        public Canary {
            steps = List.copyOf(steps);
        }
    }

    /** The variants that answer requests, in order; the first is the control. */
    public List<Variant> answering() {
        return variants.stream().filter(v -> !v.shadow()).toList();
    }

    public List<Variant> shadows() {
        return variants.stream().filter(Variant::shadow).toList();
    }

    public Variant control() {
        return answering().get(0);
    }

    public Optional<Variant> variant(String name) {
        return variants.stream().filter(v -> v.name().equals(name)).findFirst();
    }

    /** The index of variant {@code name} in {@link #variants()}, or -1. */
    public int indexOf(String name) {
        for (int i = 0; i < variants.size(); i++) {
            if (variants.get(i).name().equals(name)) {
                return i;
            }
        }
        return -1;
    }

    /** The names of the variants, in order. */
    public List<String> names() {
        List<String> out = new ArrayList<>();
        variants.forEach(v -> out.add(v.name()));
        return out;
    }
}
