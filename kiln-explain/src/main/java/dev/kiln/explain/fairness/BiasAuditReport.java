package dev.kiln.explain.fairness;

import dev.kiln.core.plot.BarChart;
import dev.kiln.core.plot.LineChart;
import dev.kiln.core.report.HtmlReport;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A bias audit as one self-contained HTML page: the measures with their verdicts, per-group
 * metrics with bootstrap intervals, bar charts of selection rate, TPR and FPR with error bars,
 * per-group reliability curves, and a mitigation's accuracy/fairness trade-off. Charts are
 * inline SVG.
 */
public final class BiasAuditReport {
    private BiasAuditReport() {
    }

    /** The page for {@code audit} (and {@code mitigation}, which may be null), headed by {@code facts}. */
    public static HtmlReport of(String title, Map<String, ?> facts, AuditResult audit, MitigationOutcome mitigation) {
        HtmlReport page = new HtmlReport(title);
        page.keyValues(facts);
        List<MeasureResult> failed = audit.failed();
        page.heading("Fairness measures");
        page.paragraph(failed.isEmpty() ? "All " + audit.measures().size() + " checks passed."
                : failed.size() + " of " + audit.measures().size() + " checks failed: "
                + String.join(", ", failed.stream().map(m -> m.measure().key()).toList()) + ".");
        page.paragraph("Privileged group: " + audit.privilegedGroup().group().name()
                + (audit.privilegedGiven() ? " (given)." : " (the group with the highest selection rate)."));
        List<List<?>> measureRows = new ArrayList<>();
        for (MeasureResult m : audit.measures()) {
            measureRows.add(List.of(m.measure().key(), m.value(), interval(m.ci()),
                    m.measure().rule().symbol() + " " + number(m.threshold()), m.passed() ? "PASS" : "FAIL"));
        }
        page.table(List.of("measure", "value", ciHeader(audit), "rule", "verdict"), measureRows);

        page.heading("Metrics by group");
        List<GroupMetric> metrics = metrics(audit);
        List<String> header = new ArrayList<>(List.of("group", "count"));
        metrics.forEach(m -> header.add(m.key()));
        List<List<?>> groupRows = new ArrayList<>();
        for (GroupResult g : audit.groups()) {
            List<Object> row = new ArrayList<>(List.of(g.group().name(), g.counts().count()));
            for (GroupMetric m : metrics) {
                Interval ci = g.interval(m);
                row.add(number(g.value(m)) + (ci == null ? "" : " " + interval(ci)));
            }
            groupRows.add(row);
        }
        page.table(header, groupRows);
        if (audit.params().replicates() > 0) {
            page.paragraph("Intervals: " + Math.round(audit.params().confidence() * 100) + " % percentile bootstrap, "
                    + audit.params().replicates() + " replicates resampled within each group, seed " + audit.params().seed() + ".");
        }
        for (GroupMetric m : List.of(GroupMetric.SELECTION_RATE, GroupMetric.TRUE_POSITIVE_RATE, GroupMetric.FALSE_POSITIVE_RATE)) {
            BarChart chart = new BarChart(m.key() + " by group", m.key());
            for (GroupResult g : audit.groups()) {
                Interval ci = g.interval(m);
                chart.bar(g.group().name(), g.value(m), ci == null ? Double.NaN : ci.low(), ci == null ? Double.NaN : ci.high());
            }
            page.inlineFigure(chart, m.key() + " per group" + (audit.params().replicates() > 0 ? ", with bootstrap intervals" : ""));
        }
        if (!audit.groups().getFirst().calibration().isEmpty()) {
            page.heading("Calibration");
            page.paragraph("Mean predicted probability of the positive label against the observed positive rate, per score bin;"
                    + " a calibrated model lies on the diagonal.");
            LineChart curves = new LineChart("Reliability by group", "mean predicted probability", "observed positive rate")
                    .range(0, 1, 0, 1).diagonal();
            for (GroupResult g : audit.groups()) {
                List<CalibrationBin> bins = g.calibration();
                curves.series(g.group().name(), bins.stream().mapToDouble(CalibrationBin::meanPredicted).toArray(),
                        bins.stream().mapToDouble(CalibrationBin::observedRate).toArray());
            }
            page.inlineFigure(curves, "Reliability curves per group (" + audit.params().calibrationBins() + " equal-width bins)");
        }
        if (mitigation != null) {
            mitigationSection(page, mitigation);
        }
        return page;
    }

    private static void mitigationSection(HtmlReport page, MitigationOutcome m) {
        page.heading("Mitigation: " + m.method());
        page.paragraph(m.description());
        List<List<?>> rows = new ArrayList<>();
        rows.add(List.of("accuracy", m.before().overall().accuracy(), m.after().overall().accuracy(), "", ""));
        for (FairnessMeasure measure : FairnessMeasure.values()) {
            MeasureResult b = m.before().measure(measure);
            MeasureResult a = m.after().measure(measure);
            rows.add(List.of(measure.key(), b.value(), a.value(), b.passed() ? "PASS" : "FAIL", a.passed() ? "PASS" : "FAIL"));
        }
        page.table(List.of("", "before", "after", "verdict before", "verdict after"), rows);
        List<List<?>> groups = new ArrayList<>();
        for (int g = 0; g < m.before().groups().size(); g++) {
            GroupResult b = m.before().groups().get(g);
            GroupResult a = m.after().groups().get(g);
            groups.add(List.of(b.group().name(), b.value(GroupMetric.SELECTION_RATE), a.value(GroupMetric.SELECTION_RATE),
                    b.value(GroupMetric.TRUE_POSITIVE_RATE), a.value(GroupMetric.TRUE_POSITIVE_RATE),
                    b.value(GroupMetric.ACCURACY), a.value(GroupMetric.ACCURACY)));
        }
        page.table(List.of("group", "selection_rate before", "after", "true_positive_rate before", "after", "accuracy before", "after"), groups);
        BarChart chart = new BarChart("Selection rate before and after " + m.method(), "selection_rate");
        for (int g = 0; g < m.before().groups().size(); g++) {
            String name = m.before().groups().get(g).group().name();
            chart.bar(name + " (before)", m.before().groups().get(g).value(GroupMetric.SELECTION_RATE));
            chart.bar(name + " (after)", m.after().groups().get(g).value(GroupMetric.SELECTION_RATE));
        }
        page.inlineFigure(chart, "Selection rate per group before and after the mitigation");
        for (String note : m.notes()) {
            page.paragraph(note);
        }
    }

    static List<GroupMetric> metrics(AuditResult audit) {
        boolean scored = !audit.groups().getFirst().calibration().isEmpty();
        return java.util.Arrays.stream(GroupMetric.values())
                .filter(m -> scored || m != GroupMetric.MEAN_PREDICTED_PROBABILITY).toList();
    }

    private static String ciHeader(AuditResult audit) {
        return Math.round(audit.params().confidence() * 100) + " % interval";
    }

    private static String interval(Interval ci) {
        return ci == null ? "" : "[" + number(ci.low()) + ", " + number(ci.high()) + "]";
    }

    /** A number in the page's text cells, to 3 decimals. */
    private static String number(double v) {
        return Double.isNaN(v) ? "n/a" : String.format(Locale.ROOT, "%.3f", v);
    }
}
