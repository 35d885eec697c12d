package dev.kiln.explain.report;

import dev.kiln.core.frame.Frame;
import dev.kiln.core.report.HtmlReport;
import dev.kiln.explain.Explanation;
import dev.kiln.explain.importance.FeatureRanking;
import dev.kiln.explain.importance.MeanAbsoluteShap;
import dev.kiln.explain.importance.PartialDependence;
import dev.kiln.explain.importance.PermutationImportance;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One self-contained HTML page explaining a model: for a single explanation its waterfall and
 * force plots and a table of contributions; for many the beeswarm summary, the mean |value| bars
 * and a table of them; then any partial dependence plots and the permutation importance table.
 * Every chart is inline SVG, so the file stands alone.
 */
public final class ExplanationReport {
    private static final int SINGLE_ROW_FEATURES = 12;
    private static final int SUMMARY_FEATURES = 20;
    private static final int ICE_CURVES = 50;

    private final String title;
    private final List<Explanation> explanations;
    private final Frame rows;
    private final List<PartialDependence.Curve> curves = new ArrayList<>();
    private PermutationImportance.Result permutation;
    private final List<String> notes = new ArrayList<>();

    /**
     * A report on {@code explanations} (at least one); {@code rows} are the explained rows, in the
     * same order, whose values label and colour the plots (null when not at hand).
     */
    public ExplanationReport(String title, List<Explanation> explanations, Frame rows) {
        this.title = Objects.requireNonNull(title, "title");
        if (explanations.isEmpty()) {
            throw new IllegalArgumentException("a report needs at least one explanation");
        }
        if (rows != null && rows.rowCount() != explanations.size()) {
            throw new IllegalArgumentException(explanations.size() + " explanations but " + rows.rowCount() + " rows");
        }
        this.explanations = List.copyOf(explanations);
        this.rows = rows;
    }

    /** Adds a partial dependence plot. */
    public ExplanationReport partialDependence(PartialDependence.Curve curve) {
        curves.add(Objects.requireNonNull(curve, "curve"));
        return this;
    }

    /** Adds the permutation importance table and chart. */
    public ExplanationReport permutationImportance(PermutationImportance.Result result) {
        this.permutation = Objects.requireNonNull(result, "result");
        return this;
    }

    /** Adds a paragraph under the title (the model, the data, the settings). */
    public ExplanationReport note(String text) {
        notes.add(text);
        return this;
    }

    /** The page. */
    public HtmlReport build() {
        HtmlReport html = new HtmlReport(title);
        notes.forEach(html::paragraph);
        Explanation first = explanations.get(0);
        if (explanations.size() == 1) {
            single(html, first);
        } else {
            summary(html, first);
        }
        for (PartialDependence.Curve curve : curves) {
            html.heading("Partial dependence on " + curve.feature());
            html.inlineFigure(new PartialDependenceChart(curve, ICE_CURVES),
                    "The average prediction as " + curve.feature() + " varies with the other columns as they are (line), "
                            + "over individual rows (grey).");
        }
        if (permutation != null) {
            FeatureRanking r = permutation.ranking().sorted();
            html.heading("Permutation importance");
            html.paragraph(permutation.metric() + " on the unshuffled data: " + ValueAxis.format(permutation.baseline())
                    + "; each column shuffled " + permutation.drops()[0].length + " times.");
            html.inlineFigure(new ImportanceChart("Permutation importance", r, SUMMARY_FEATURES), r.measure() + " when a column is shuffled");
            List<List<?>> table = new ArrayList<>();
            for (int i = 0; i < r.features().size(); i++) {
                table.add(List.of(r.features().get(i), r.scores()[i], r.spreads()[i]));
            }
            html.table(List.of("feature", r.measure() + " (mean)", "standard deviation"), table);
        }
        return html;
    }

    /** Writes the page to {@code file} (an .html file); returns it. */
    public Path write(Path file) {
        return build().writeFile(file);
    }

    private void single(HtmlReport html, Explanation e) {
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("method", e.method());
        facts.put("output", Contributions.outputName(e));
        facts.put("base value", e.baseValue());
        facts.put("prediction", e.prediction());
        facts.put("base + sum of contributions − prediction", e.additivityGap());
        html.heading("One prediction");
        html.keyValues(facts);
        html.inlineFigure(new WaterfallChart(e, rows, SINGLE_ROW_FEATURES),
                "Waterfall: from the base value (bottom) each feature moves the output to the prediction (top)");
        html.inlineFigure(new ForceChart(e, rows, SINGLE_ROW_FEATURES),
                "Force plot: red features push the output up, blue ones down");
        double[] v = e.values();
        List<Integer> order = new ArrayList<>();
        for (int j = 0; j < v.length; j++) {
            order.add(j);
        }
        order.sort((a, b) -> Double.compare(Math.abs(v[b]), Math.abs(v[a])));
        List<List<?>> table = new ArrayList<>();
        for (int j : order) {
            String value = rows != null && rows.hasColumn(e.features().get(j)) ? rows.column(e.features().get(j)).text(0) : "";
            table.add(List.of(e.features().get(j), value == null ? "(missing)" : value, v[j]));
        }
        html.table(List.of("feature", "value", "contribution"), table);
    }

    private void summary(HtmlReport html, Explanation first) {
        FeatureRanking ranking = MeanAbsoluteShap.of(explanations).sorted();
        html.heading(explanations.size() + " predictions");
        html.paragraph("Output explained: " + Contributions.outputName(first) + " (method " + first.method() + ").");
        html.inlineFigure(new BeeswarmChart(explanations, rows, SUMMARY_FEATURES),
                "Each point is one row: its feature's contribution (x), coloured by the feature's value");
        html.inlineFigure(new ImportanceChart("Global importance", ranking, SUMMARY_FEATURES),
                "Mean absolute contribution of each feature over the rows");
        List<List<?>> table = new ArrayList<>();
        for (int i = 0; i < ranking.features().size(); i++) {
            table.add(List.of(ranking.features().get(i), ranking.scores()[i], ranking.spreads()[i]));
        }
        html.table(List.of("feature", ranking.measure(), "standard deviation of |value|"), table);
    }
}
