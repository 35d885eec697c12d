package dev.kiln.monitor.expect;

import dev.kiln.core.report.HtmlReport;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A validation result as one HTML page: the verdict, then a row per expectation with what was observed and which rows offended. */
public final class ValidationReport {
    private ValidationReport() {
    }

    public static String html(ValidationResult result, String dataName) {
        HtmlReport report = new HtmlReport("Validation of " + dataName);
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("verdict", result.success() ? "PASSED" : "FAILED");
        summary.put("suite", result.suite());
        summary.put("rows", result.rows());
        summary.put("expectations", result.results().size());
        summary.put("failed", result.failures().size());
        report.keyValues(summary);
        List<List<?>> rows = new ArrayList<>();
        for (ExpectationResult r : result.results()) {
            Map<String, Object> fields = new LinkedHashMap<>(r.expectation().toMap());
            fields.remove("expect");
            fields.remove("column");
            rows.add(List.of(r.success() ? "✓" : "✗", r.expectation().kind(),
                    r.expectation().column() == null ? "" : r.expectation().column(), fields.toString(),
                    r.observed() == null ? "" : r.observed(),
                    r.elementCount() == 0 ? "" : r.unexpectedCount() + String.format(" (%.2f%%)", r.unexpectedPercent()),
                    offenders(r)));
        }
        report.heading("Expectations");
        report.table(List.of("", "expectation", "column", "settings", "observed", "unexpected", "offending rows / values"), rows);
        return report.toHtml();
    }

    private static String offenders(ExpectationResult r) {
        if (r.note() != null) {
            return r.note();
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < r.unexpectedValues().size(); i++) {
            if (i > 0) {
                out.append(", ");
            }
            if (i < r.unexpectedRows().size()) {
                out.append("row ").append(r.unexpectedRows().get(i)).append(": ");
            }
            out.append(r.unexpectedValues().get(i));
        }
        if (r.unexpectedValues().isEmpty() && !r.unexpectedRows().isEmpty()) {
            out.append("rows ").append(r.unexpectedRows());
        }
        return out.toString();
    }
}
