package dev.kiln.monitor.expect;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The outcome of a suite on a data set: it succeeds when every expectation holds.
 *
 * @param suite   the suite's name
 * @param rows    rows validated
 * @param detail  how much the results say about offending rows
 * @param results one per expectation, in suite order
 */
public record ValidationResult(String suite, long rows, Detail detail, List<ExpectationResult> results) {

    public ValidationResult {
        results = List.copyOf(results);
    }

    public boolean success() {
        return failures().isEmpty();
    }

    public List<ExpectationResult> failures() {
        return results.stream().filter(r -> !r.success()).toList();
    }

    /** The result as a JSON-ready map with snake_case keys, as {@code kiln validate --json} prints it. */
    public Map<String, Object> toMap() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("success", success());
        out.put("suite", suite);
        out.put("rows", rows);
        out.put("detail", detail.name().toLowerCase(java.util.Locale.ROOT));
        Map<String, Object> statistics = new LinkedHashMap<>();
        int failed = failures().size();
        statistics.put("evaluated_expectations", results.size());
        statistics.put("successful_expectations", results.size() - failed);
        statistics.put("unsuccessful_expectations", failed);
        statistics.put("success_percent", results.isEmpty() ? 100.0 : 100.0 * (results.size() - failed) / results.size());
        out.put("statistics", statistics);
        out.put("results", results.stream().map(this::resultMap).toList());
        return out;
    }

    private Map<String, Object> resultMap(ExpectationResult r) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("expectation", r.expectation().toMap());
        out.put("success", r.success());
        out.put("observed_value", r.observed());
        if (r.note() != null) {
            out.put("note", r.note());
        }
        if (!r.bins().isEmpty()) {
            int shown = detail == Detail.COMPLETE ? r.bins().size() : Expectation.DistributionWithin.NAMED_BINS;
            out.put("moved_bins", r.movedMost(shown).stream().map(b -> {
                Map<String, Object> bin = new LinkedHashMap<>();
                bin.put("bin", b.bin());
                bin.put("reference", b.reference());
                bin.put("current", b.current());
                bin.put("contribution", b.contribution());
                return bin;
            }).toList());
        }
        if (r.elementCount() > 0) {
            out.put("element_count", r.elementCount());
            out.put("unexpected_count", r.unexpectedCount());
            out.put("unexpected_percent", r.unexpectedPercent());
            if (!r.unexpectedValues().isEmpty()) {
                out.put("unexpected_values", r.unexpectedValues());
            }
            if (!r.unexpectedRows().isEmpty()) {
                out.put("unexpected_rows", r.unexpectedRows());
            }
            if (!r.unexpectedCounts().isEmpty()) {
                out.put("unexpected_counts", r.unexpectedCounts());
            }
        }
        return out;
    }
}
