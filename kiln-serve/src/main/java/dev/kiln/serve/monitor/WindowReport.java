package dev.kiln.serve.monitor;

import dev.kiln.monitor.drift.DatasetDrift;
import dev.kiln.monitor.expect.ValidationResult;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One comparison of a model version's recent traffic with what it was registered with: data
 * and prediction drift against the reference sample, and the expectations that need many rows
 * checked over the window.
 *
 * @param model         the model's name
 * @param version       its version
 * @param computedAt    when
 * @param windowRows    the rows compared
 * @param rowsSeen      the rows predicted since the server started
 * @param referenceRows the reference sample's rows (0 without one)
 * @param drift         the drift, or null without a reference
 * @param skipped       columns not compared, with the reason
 * @param expectations  the window's validation, or null without expectations
 */
public record WindowReport(String model, int version, Instant computedAt, int windowRows, long rowsSeen, int referenceRows,
                           DatasetDrift drift, Map<String, String> skipped, ValidationResult expectations) {
    public WindowReport {
        skipped = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(skipped));
    }

    /** The JSON form; {@code drift} has the shape of {@code kiln drift --json}. */
    public Map<String, Object> toMap() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("model", model);
        out.put("version", version);
        out.put("status", "computed");
        out.put("computed_at", computedAt.toString());
        out.put("window_rows", windowRows);
        out.put("rows_seen", rowsSeen);
        out.put("reference_rows", referenceRows);
        out.put("drift", drift == null ? null : drift.toMap());
        if (!skipped.isEmpty()) {
            out.put("skipped_columns", skipped);
        }
        out.put("expectations", expectations == null ? null : expectations.toMap());
        return out;
    }
}
