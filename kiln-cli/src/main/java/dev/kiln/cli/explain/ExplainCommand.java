package dev.kiln.cli.explain;

import dev.kiln.cli.output.JsonOutput;
import dev.kiln.cli.output.Table;
import dev.kiln.core.frame.Frame;
import dev.kiln.core.io.TabularFile;
import dev.kiln.core.model.Model;
import dev.kiln.core.modelfile.ModelFile;
import dev.kiln.core.progress.Progress;
import dev.kiln.explain.Explainer;
import dev.kiln.explain.ExplainerChooser;
import dev.kiln.explain.lime.LimeExplainer;
import dev.kiln.explain.lime.LimeExplanation;
import dev.kiln.explain.report.ExplanationReport;
import dev.kiln.explain.Explanation;
import dev.kiln.explain.ExplanationJson;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code kiln explain}: SHAP values (or LIME weights) of a saved model's predictions, for one
 * row of a data file or all of them, as a table of contributions, one JSON object, or an HTML
 * report with waterfall and force plots (one row) or beeswarm and importance charts (all rows).
 */
@Command(name = "explain", description = {"Explain a saved model's predictions with SHAP values: how much each input",
    "column moved a row's prediction away from the base value (the expected prediction); or with LIME."})
public final class ExplainCommand implements Callable<Integer> {
    /** Rows explained between two progress updates. */
    private static final int BLOCK = 256;

    @Spec
    CommandSpec spec;

    @Option(names = "--model", required = true, paramLabel = "DIR", description = "A model saved by 'kiln train'.")
    Path modelPath;

    @Option(names = "--data", required = true, paramLabel = "FILE",
            description = "Rows to explain (.csv, .tsv or .jsonl); background rows are sampled from it too.")
    Path data;

    @Option(names = "--row", paramLabel = "N", description = "The row to explain, counted from 0 (default: 0).")
    Integer row;

    @Option(names = "--all", description = "Explain every row; the summary ranks columns by mean |contribution|.")
    boolean all;

    @Option(names = "--method", paramLabel = "NAME", defaultValue = "auto",
            description = "auto (default: tree, linear, exact up to 12 columns, else kernel), tree, linear, exact, kernel or lime.")
    String method;

    @Option(names = "--class", paramLabel = "NAME",
            description = "The class whose output to explain (default: the second of two classes, else the predicted one).")
    String outputClass;

    @Option(names = "--background", paramLabel = "N",
            description = "Background rows to sample (default: linear 1000, exact 50, kernel a 50-row k-means summary); with"
                    + " trees, asks for interventional TreeSHAP against N rows instead of the path-dependent kind.")
    Integer background;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "0", description = "Seeds the background sample (default: 0).")
    long seed;

    @Option(names = "--correlated", description = "Linear SHAP with correlated features (Gaussian conditional expectation).")
    boolean correlated;

    @Option(names = "--report", paramLabel = "FILE",
            description = "Also write one self-contained HTML page: waterfall and force plots for one row, beeswarm and"
                    + " importance bars for --all.")
    Path report;

    @Option(names = "--json", description = "Print one JSON object instead of tables.")
    boolean json;

    @Override
    public Integer call() {
        if (row != null && all) {
            throw new IllegalArgumentException("give --row N or --all, not both");
        }
        Model<?> model = ModelFile.load(modelPath).as(Model.class);
        Frame frame = TabularFile.read(data);
        List<String> missing = model.inputSchema().names().stream().filter(c -> !frame.hasColumn(c)).toList();
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException(data + " lacks the model's column" + (missing.size() == 1 ? " " : "s ")
                    + missing + "; the model reads " + model.inputSchema().names());
        }
        int index = row == null ? 0 : row;
        if (!all && (index < 0 || index >= frame.rowCount())) {
            throw new IllegalArgumentException("--row " + index + " is out of range: " + data + " has " + frame.rowCount()
                    + " row" + (frame.rowCount() == 1 ? "" : "s") + (frame.rowCount() == 0 ? "" : " (0 to " + (frame.rowCount() - 1) + ")"));
        }
        Explainer explainer = explainer(model, frame);
        Frame rows = all ? frame : frame.slice(index, index + 1);
        List<Double> fidelity = new ArrayList<>();
        List<Explanation> explanations;
        if (explainer instanceof LimeExplainer lime) {
            explanations = new ArrayList<>();
            for (LimeExplanation e : lime.explainDetailed(rows)) {
                explanations.add(e.explanation());
                fidelity.add(e.fidelity());
            }
        } else {
            explanations = explain(explainer, rows);
        }
        if (report != null) {
            new ExplanationReport("kiln explain: " + modelPath.getFileName(), explanations, rows)
                    .note("method " + explanations.get(0).method() + ", data " + data + ", seed " + seed).write(report);
        }
        PrintWriter out = spec.commandLine().getOut();
        if (all) {
            if (json) {
                Map<String, Object> all = new LinkedHashMap<>(ExplanationJson.all(explanations, rows));
                if (!fidelity.isEmpty()) {
                    all.put("mean_fidelity", fidelity.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN));
                }
                JsonOutput.print(out, all);
            } else {
                printSummary(out, explanations);
            }
        } else if (json) {
            Map<String, Object> one = new LinkedHashMap<>();
            one.put("row", index);
            one.putAll(ExplanationJson.row(explanations.get(0), rows, 0));
            if (!fidelity.isEmpty()) {
                one.put("fidelity", fidelity.get(0));
            }
            JsonOutput.print(out, one);
        } else {
            printRow(out, explanations.get(0), rows);
            if (!fidelity.isEmpty()) {
                out.println("LIME surrogate fidelity (weighted R² on its samples): " + Table.number(fidelity.get(0)));
            }
        }
        if (report != null && !json) {
            out.println("report written to " + report);
        }
        out.flush();
        return 0;
    }

    /** The explainer {@code --method} names for {@code model}, its background drawn from {@code frame}. */
    private Explainer explainer(Model<?> model, Frame frame) {
        ExplainerChooser.Method chosen = ExplainerChooser.Method.parse(method);
        return ExplainerChooser.choose(model, new ExplainerChooser.Request(chosen, outputClass, frame, background, seed,
                correlated));
    }

    private static List<Explanation> explain(Explainer explainer, Frame rows) {
        if (rows.rowCount() <= BLOCK) {
            return explainer.explain(rows);
        }
        List<Explanation> out = new ArrayList<>(rows.rowCount());
        try (Progress progress = Progress.start("explaining", rows.rowCount())) {
            for (int from = 0; from < rows.rowCount(); from += BLOCK) {
                int to = Math.min(rows.rowCount(), from + BLOCK);
                out.addAll(explainer.explain(rows.slice(from, to)));
                progress.advance(to - from);
            }
        }
        return out;
    }

    private static void printRow(PrintWriter out, Explanation e, Frame rows) {
        out.println(heading(e));
        Table table = Table.withHeader("feature", "value", "contribution");
        Map<String, Double> values = e.byFeature();
        values.entrySet().stream()
                .sorted(Comparator.comparingDouble((Map.Entry<String, Double> en) -> -Math.abs(en.getValue())))
                .forEach(en -> table.row(en.getKey(),
                        rows.hasColumn(en.getKey()) ? ExplanationJson.cell(rows.column(en.getKey()), 0) : null, en.getValue()));
        out.print(table);
        Map<String, Object> totals = new LinkedHashMap<>();
        totals.put("base value", e.baseValue());
        totals.put("prediction", e.prediction());
        out.print(Table.keyValues(totals));
        out.flush();
    }

    private static void printSummary(PrintWriter out, List<Explanation> explanations) {
        if (explanations.isEmpty()) {
            out.println("no rows to explain");
            out.flush();
            return;
        }
        out.println(heading(explanations.get(0)) + ", " + explanations.size() + " rows");
        Table table = Table.withHeader("feature", "mean |contribution|");
        ExplanationJson.meanAbs(explanations).forEach(table::row);
        out.print(table);
        out.flush();
    }

    private static String heading(Explanation e) {
        String what = switch (e.output()) {
            case PROBABILITY -> "probability of class '" + e.outputClass() + "'";
            case LOG_ODDS -> "log-odds of class '" + e.outputClass() + "'";
            case VALUE -> "predicted value";
        };
        return (e.method().equals("lime") ? "LIME weights" : "SHAP values (" + e.method() + ")") + " of the " + what;
    }
}
