package dev.kiln.learn.report;

import dev.kiln.core.metrics.ClassificationReport;
import dev.kiln.core.metrics.ConfusionMatrix;
import dev.kiln.core.metrics.RocCurve;
import dev.kiln.core.model.FeatureImportances;
import dev.kiln.core.model.Model;
import dev.kiln.core.model.PipelineModel;
import dev.kiln.core.plot.BarChart;
import dev.kiln.core.plot.Heatmap;
import dev.kiln.core.plot.LineChart;
import dev.kiln.core.plot.ScatterChart;
import dev.kiln.core.report.HtmlReport;
import dev.kiln.learn.selection.Evaluation;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The HTML page of a model's evaluation: the facts about the run, the metrics, and pictures —
 * confusion matrix and ROC curves for classifiers, residual plot for regressors, and the
 * features that matter most when the model can say (summed back to the user's columns
 * through the pipeline's lineage).
 */
public final class EvaluationReport {
    private static final int TOP_FEATURES = 20;

    private EvaluationReport() {
    }

    /**
     * The report of {@code evaluation} of {@code model}.
     *
     * @param facts what to show first (model, data, rows, parameters, timings)
     */
    public static HtmlReport of(String title, Map<String, ?> facts, Model<?> model, Evaluation evaluation) {
        HtmlReport report = new HtmlReport(title);
        report.heading("Run").keyValues(facts);
        report.heading("Metrics").keyValues(evaluation.metrics());
        switch (evaluation) {
            case Evaluation.Classification c -> classification(report, c);
            case Evaluation.Regression r -> regression(report, r);
        }
        importances(report, model);
        return report;
    }

    private static void classification(HtmlReport report, Evaluation.Classification c) {
        List<List<?>> rows = new ArrayList<>();
        for (ClassificationReport.ClassScores s : c.report().classes()) {
            rows.add(List.of(s.name(), s.precision(), s.recall(), s.f1(), s.support()));
        }
        report.heading("Per class").table(List.of("class", "precision", "recall", "f1", "support"), rows);
        ConfusionMatrix cm = c.confusion();
        String[] names = c.classes().toArray(String[]::new);
        double[][] counts = new double[names.length][names.length];
        for (int i = 0; i < names.length; i++) {
            for (int j = 0; j < names.length; j++) {
                counts[i][j] = cm.count(i, j);
            }
        }
        report.heading("Pictures");
        report.figure("confusion-matrix.svg", new Heatmap("Confusion matrix", "true class", "predicted class", names, names, counts),
                "Confusion matrix: rows are the true classes, columns the predicted ones");
        if (c.hasProbabilities()) {
            LineChart roc = new LineChart("ROC curve", "false positive rate", "true positive rate").range(0, 1, 0, 1).diagonal();
            int modelClasses = c.probabilities()[0].length;
            int curves = 0;
            for (int k = modelClasses == 2 ? 1 : 0; k < modelClasses; k++) {
                int[] binary = new int[c.truth().length];
                double[] scores = new double[binary.length];
                int positives = 0;
                for (int i = 0; i < binary.length; i++) {
                    binary[i] = c.truth()[i] == k ? 1 : 0;
                    positives += binary[i];
                    scores[i] = c.probabilities()[i][k];
                }
                if (positives == 0 || positives == binary.length) {
                    continue;
                }
                RocCurve curve = RocCurve.of(binary, scores);
                roc.series(String.format(Locale.ROOT, "%s (AUC %.3f)", names[k], curve.auc()), curve.fpr(), curve.tpr());
                curves++;
            }
            if (curves > 0) {
                report.figure("roc.svg", roc, modelClasses == 2 ? "ROC curve of class " + names[1]
                        : "ROC curves, each class against the rest");
            }
        }
    }

    private static void regression(HtmlReport report, Evaluation.Regression r) {
        double[] residual = new double[r.actual().length];
        for (int i = 0; i < residual.length; i++) {
            residual[i] = r.actual()[i] - r.predicted()[i];
        }
        report.heading("Pictures");
        report.figure("residuals.svg", new ScatterChart("Residuals", "predicted", "actual − predicted")
                .points("", r.predicted(), residual).referenceLine(0), "Residuals against predictions: a good fit scatters evenly about zero");
        report.figure("predicted-vs-actual.svg", new ScatterChart("Predicted against actual", "actual", "predicted")
                .points("", r.actual(), r.predicted()), "Predicted against actual values");
    }

    /** Importances of the model's inputs, summed per original column when the model is a pipeline. */
    static Map<String, Double> importancesByColumn(Model<?> model) {
        Model<?> inner = model instanceof PipelineModel<?> p ? p.model() : model;
        if (!(inner instanceof FeatureImportances fi)) {
            return Map.of();
        }
        double[] scores = fi.featureImportances();
        List<String> features = inner.inputSchema().names();
        Map<String, Double> out = new LinkedHashMap<>();
        for (int j = 0; j < features.size(); j++) {
            List<String> sources = model instanceof PipelineModel<?> p ? p.sources(features.get(j)) : List.of(features.get(j));
            for (String s : sources) {
                out.merge(s, scores[j] / sources.size(), Double::sum);
            }
        }
        return out;
    }

    private static void importances(HtmlReport report, Model<?> model) {
        Map<String, Double> byColumn = importancesByColumn(model);
        if (byColumn.isEmpty()) {
            return;
        }
        BarChart bars = new BarChart("Feature importance", "importance (the model's own measure)");
        byColumn.forEach(bars::bar);
        report.figure("importance.svg", bars.largest(TOP_FEATURES), "The columns the model leans on most");
    }
}
