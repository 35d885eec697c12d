package dev.kiln.monitor.expect;

import dev.kiln.core.report.HtmlReport;
import dev.kiln.monitor.drift.DistributionChart;
import dev.kiln.monitor.drift.Histogram;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A validation result as one HTML page: the verdict, then a row per expectation with what was
 * observed and which rows offended, then the reference and current shares of each distribution
 * expectation.
 */
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
            if (r.expectation() instanceof Expectation.DistributionWithin d) {
                fields.put("reference", d.reference().labels().size() + " bins");
            }
            rows.add(List.of(r.success() ? "✓" : "✗", r.expectation().kind(),
                    r.expectation().column() == null ? "" : r.expectation().column(), fields.toString(),
                    r.observed() == null ? "" : r.observed(),
                    r.elementCount() == 0 ? "" : r.unexpectedCount() + String.format(" (%.2f%%)", r.unexpectedPercent()),
                    offenders(r)));
        }
        report.heading("Expectations");
        report.table(List.of("", "expectation", "column", "settings", "observed", "unexpected", "offending rows / values"), rows);
        distributions(result, report);
        return report.toHtml();
    }

    /** Reference against current shares for each distribution expectation checked with bins. */
    private static void distributions(ValidationResult result, HtmlReport report) {
        boolean first = true;
        for (ExpectationResult r : result.results()) {
            if (!(r.expectation() instanceof Expectation.DistributionWithin d) || r.bins().isEmpty()) {
                continue;
            }
            if (first) {
                report.heading("Distributions");
                first = false;
            }
            double[] edges = d.reference().binEdges();
            Histogram shares = new Histogram(r.bins().stream().map(DistributionBin::bin).toList(),
                    edges == null ? new double[0] : edges,
                    r.bins().stream().mapToDouble(DistributionBin::reference).toArray(),
                    r.bins().stream().mapToDouble(DistributionBin::current).toArray());
            report.inlineFigure(new DistributionChart(d.column(), shares), String.format(Locale.ROOT,
                    "%s: %s %.4g %s threshold %s — %s", d.column(), d.method().label(), (Double) r.observed(),
                    r.success() ? "≤" : ">", d.threshold(), r.success() ? "passed" : "failed"));
        }
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
