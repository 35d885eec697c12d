package dev.kiln.serve.experiment;

import dev.kiln.monitor.experiment.Moments;
import dev.kiln.monitor.experiment.Proportion;
import dev.kiln.monitor.profile.QuantileSketch;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One variant's running counts: requests routed to it (answered, failed by the model, refused as
 * bad input), latency (Welford mean and a KLL sketch for the p95), outcomes (conversions, values,
 * labels against the predicted label), and for a shadow its agreement with the answering variant.
 * Mutable; its {@link Experiment} guards it.
 */
final class VariantTally {
    long requests;
    long answered;
    long errors;
    long outcomes;
    long conversions;
    long labelled;
    long correct;
    long compared;
    long agreed;
    private final Moments.Accumulator latency = new Moments.Accumulator();
    private final QuantileSketch latencySketch = new QuantileSketch();
    private final Moments.Accumulator values = new Moments.Accumulator();

    /** A request this variant served: {@code ok} answered, {@code error} the model failed, {@code rejected} the caller's bad input. */
    void served(RequestStatus status, double latencyMs) {
        requests++;
        switch (status) {
            case OK -> answered++;
            case ERROR -> errors++;
            case REJECTED -> {
            }
        }
        if (status != RequestStatus.REJECTED) {
            latency.add(latencyMs);
            latencySketch.add(latencyMs);
        }
    }

    void value(double v) {
        values.add(v);
    }

    /** The conversion counts: {@code conversions} of the answered requests. */
    Proportion conversion() {
        return new Proportion(answered, Math.min(conversions, answered));
    }

    Moments valueMoments() {
        return values.moments();
    }

    Moments latencyMoments() {
        return latency.moments();
    }

    /** The p95 latency in ms, NaN with none. */
    double latencyP95() {
        return latencySketch.count() == 0 ? Double.NaN : latencySketch.quantile(0.95);
    }

    /** The counts as JSON fields (NaN where there is nothing to divide). */
    Map<String, Object> toJson(boolean shadow) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("requests", requests);
        m.put("answered", answered);
        m.put("errors", errors);
        m.put("error_rate", ratio(errors, answered + errors));
        Map<String, Object> lat = new LinkedHashMap<>();
        Moments l = latencyMoments();
        lat.put("mean", l.count() == 0 ? Double.NaN : l.mean());
        lat.put("p95", latencyP95());
        m.put("latency_ms", lat);
        if (shadow) {
            Map<String, Object> a = new LinkedHashMap<>();
            a.put("compared", compared);
            a.put("agreed", agreed);
            a.put("rate", ratio(agreed, compared));
            m.put("agreement", a);
            return m;
        }
        m.put("outcomes", outcomes);
        m.put("conversions", conversions);
        m.put("conversion_rate", ratio(conversions, answered));
        Moments v = valueMoments();
        Map<String, Object> value = new LinkedHashMap<>();
        value.put("count", v.count());
        value.put("mean", v.count() == 0 ? Double.NaN : v.mean());
        value.put("sd", v.count() < 2 ? Double.NaN : Math.sqrt(v.variance()));
        m.put("value", value);
        Map<String, Object> accuracy = new LinkedHashMap<>();
        accuracy.put("labelled", labelled);
        accuracy.put("correct", correct);
        accuracy.put("rate", ratio(correct, labelled));
        m.put("accuracy", accuracy);
        return m;
    }

    static double ratio(long a, long b) {
        return b == 0 ? Double.NaN : (double) a / b;
    }
}
