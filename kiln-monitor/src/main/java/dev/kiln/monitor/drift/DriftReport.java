package dev.kiln.monitor.drift;

import dev.kiln.core.io.AtomicWrite;
import dev.kiln.core.report.HtmlReport;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The HTML page of a drift check: the dataset verdict and share of drifted columns, a table of
 * every column's test, statistic, p-value or threshold and verdict, and per column the two
 * distributions on the same bins ({@link DistributionChart}).
 */
public final class DriftReport {
    private final DatasetDrift drift;
    private final EmbeddingDrift embedding;
    private final String referenceName;
    private final String currentName;

    /**
     * @param embedding the embedding drift to show as well, or null
     */
    public DriftReport(DatasetDrift drift, EmbeddingDrift embedding, String referenceName, String currentName) {
        this.drift = drift;
        this.embedding = embedding;
        this.referenceName = referenceName;
        this.currentName = currentName;
    }

    /** The page, with figures as files to be written beside it. */
    HtmlReport page() {
        HtmlReport html = new HtmlReport("Data drift: " + currentName + " against " + referenceName);
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("dataset drift", drift.datasetDrift() ? "yes" : "no");
        summary.put("drifted columns", drift.numberOfDriftedColumns() + " of " + drift.numberOfColumns());
        summary.put("share of drifted columns", drift.driftShare());
        summary.put("drift share threshold", drift.driftShareThreshold());
        if (embedding != null) {
            summary.put("embedding drift", (embedding.drift() ? "yes" : "no") + " (domain classifier ROC AUC "
                    + number(embedding.classifier().rocAuc()) + ", threshold "
                    + number(embedding.classifier().threshold()) + "; MMD p-value "
                    + number(embedding.mmd().pValue()) + ")");
        }
        html.keyValues(summary);
        List<List<?>> rows = new ArrayList<>();
        for (ColumnDrift c : drift.columns()) {
            rows.add(List.of(c.column(), c.kind().label(), c.method().label(), c.statistic(),
                    c.method().isTest() ? (Object) c.pValue() : "", c.threshold(), c.drift() ? "DRIFT" : "ok",
                    c.missingReference() + " / " + c.missingCurrent()));
        }
        html.table(List.of("column", "type", "test", "statistic", "p-value", "threshold", "verdict",
                "missing (ref / cur)"), rows);
        if (!drift.skipped().isEmpty()) {
            html.paragraph("Not tested: " + drift.skipped());
        }
        int i = 0;
        for (ColumnDrift c : drift.columns()) {
            String verdict = c.drift() ? "drift" : "no drift";
            String measured = c.column() + ": " + c.method().description() + " " + number(c.method().isTest() ? c.pValue() : c.statistic())
                    + (c.method().isTest() ? " (statistic " + number(c.statistic()) + ")" : "")
                    + ", threshold " + number(c.threshold()) + ": " + verdict;
            html.figure("column-" + (i++) + ".svg", new DistributionChart(c.column(), c.histogram()), measured);
        }
        return html;
    }

    /**
     * Writes the report: a path ending in .html becomes one self-contained page (figures inlined
     * as SVG data URIs); any other path a folder with index.html and the figures as SVG files.
     * Returns the page's path.
     */
    public Path write(Path target) {
        String name = target.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
        if (!name.endsWith(".html") && !name.endsWith(".htm")) {
            return page().write(target);
        }
        AtomicWrite.text(target, toHtml());
        return target;
    }

    /** The report as one self-contained page, figures inlined as SVG data URIs. */
    public String toHtml() {
        String page = page().toHtml();
        int i = 0;
        for (ColumnDrift c : drift.columns()) {
            String svg = new DistributionChart(c.column(), c.histogram()).toSvg();
            String uri = "data:image/svg+xml;base64," + Base64.getEncoder().encodeToString(svg.getBytes(StandardCharsets.UTF_8));
            page = page.replace("src=\"column-" + (i++) + ".svg\"", "src=\"" + uri + "\"");
        }
        return page;
    }

    /** Up to 4 significant digits, without trailing zeros. */
    private static String number(double v) {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            return Double.toString(v);
        }
        String s = String.format(java.util.Locale.ROOT, "%.4g", v);
        return s.replaceFirst("\\.?0+(e|$)", "$1");
    }
}
