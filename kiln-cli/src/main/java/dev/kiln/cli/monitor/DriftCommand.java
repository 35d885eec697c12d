package dev.kiln.cli.monitor;

import dev.kiln.cli.ExitCodes;
import dev.kiln.cli.output.JsonOutput;
import dev.kiln.cli.output.Table;
import dev.kiln.core.frame.Column;
import dev.kiln.core.frame.Frame;
import dev.kiln.core.io.TabularFile;
import dev.kiln.core.model.ClusterPrediction;
import dev.kiln.core.model.Model;
import dev.kiln.core.model.Prediction;
import dev.kiln.core.modelfile.LoadedModel;
import dev.kiln.core.modelfile.ModelFile;
import dev.kiln.monitor.drift.ColumnDrift;
import dev.kiln.monitor.drift.DataDrift;
import dev.kiln.monitor.drift.DatasetDrift;
import dev.kiln.monitor.drift.DriftMethod;
import dev.kiln.monitor.drift.DriftReport;
import dev.kiln.monitor.drift.DriftSettings;
import dev.kiln.monitor.drift.EmbeddingDrift;
import dev.kiln.monitor.drift.PredictionColumn;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code kiln drift}: compares a current data file with a reference file column by column with
 * Evidently's default tests (or the ones asked for), optionally a model's predictions on both and
 * a group of embedding columns, and says whether the data set drifted.
 */
@Command(name = "drift", description = {"Compare current data with reference data column by column and decide whether",
    "the data set drifted. Default tests as Evidently picks them: with <= 1000 reference rows KS (numeric,",
    "> 5 distinct values), chi-squared or z-test (others); above, normed Wasserstein (numeric) or",
    "Jensen-Shannon (others). Exit 1 with --fail-on-drift when the data set drifted (a CI gate)."})
public final class DriftCommand implements Callable<Integer> {
    private static final String PREDICTION = PredictionColumn.NAME;

    @Spec
    CommandSpec spec;

    @Option(names = "--reference", required = true, paramLabel = "FILE", description = "Reference rows (.csv, .tsv or .jsonl), e.g. the training data.")
    Path reference;

    @Option(names = "--current", required = true, paramLabel = "FILE", description = "Current rows to compare with it.")
    Path current;

    @Option(names = "--columns", split = ",", paramLabel = "NAME", description = "Compare only these columns (default: all but free text).")
    List<String> columns = new ArrayList<>();

    @Option(names = "--drift-share", paramLabel = "SHARE", description = "Dataset drift when at least this share of the columns drift (default: ${DEFAULT-VALUE}, as Evidently).")
    double driftShare = DriftSettings.DEFAULT_DRIFT_SHARE;

    @Option(names = "--method", paramLabel = "[COLUMN=]METHOD",
            description = {"A test for every column, or COLUMN=METHOD for one (repeatable): ks, chisquare, chisquare_gof, z,",
                "wasserstein, jensenshannon, psi, hellinger."})
    List<String> methods = new ArrayList<>();

    @Option(names = "--threshold", paramLabel = "[COLUMN=]VALUE",
            description = "A threshold for every column, or COLUMN=VALUE for one (repeatable): a significance level for tests, a distance otherwise.")
    List<String> thresholds = new ArrayList<>();

    @Option(names = "--model", paramLabel = "DIR", description = "Also compare this saved model's predictions on both files, as a column 'prediction'.")
    Path modelPath;

    @Option(names = "--embedding", paramLabel = "PREFIX",
            description = "Compare the numeric columns whose names start with PREFIX as one vector (domain classifier and MMD) instead of one by one.")
    String embeddingPrefix;

    @Option(names = "--seed", paramLabel = "N", description = "Seed of the embedding drift's folds and permutations (default: ${DEFAULT-VALUE}).")
    long seed = 42;

    @Option(names = "--report", paramLabel = "PATH", description = "Write an HTML report: one page for a path ending in .html, otherwise a folder.")
    Path report;

    @Option(names = "--json", description = "Print one JSON object instead of a table.")
    boolean json;

    @Option(names = "--fail-on-drift", description = "Exit with status 1 when the data set (or the embedding) drifted.")
    boolean failOnDrift;

    @Override
    public Integer call() {
        Frame ref = TabularFile.read(reference);
        Frame cur = TabularFile.read(current);
        List<String> tested = new ArrayList<>(columns);
        if (modelPath != null) {
            LoadedModel loaded = ModelFile.load(modelPath);
            Model<?> model = loaded.as(Model.class);
            String target = loaded.manifest().target();
            Column refPredictions = predictions(model, ref, target, reference);
            Column curPredictions = predictions(model, cur, target, current);
            ref = ref.withColumn(refPredictions);
            cur = cur.withColumn(curPredictions);
            if (!tested.isEmpty()) {
                tested.add(PREDICTION);
            }
        }
        EmbeddingDrift embedding = null;
        if (embeddingPrefix != null) {
            List<String> vector = EmbeddingColumns.named(ref, embeddingPrefix);
            embedding = EmbeddingDrift.compare(EmbeddingColumns.rows(ref, vector, reference),
                    EmbeddingColumns.rows(cur, vector, current), seed);
            ref = ref.drop(vector);
            cur = cur.drop(vector.stream().filter(cur::hasColumn).toList());
        }
        DatasetDrift drift = new DataDrift(settings()).compare(ref, cur, tested);
        Map<String, Object> out = new LinkedHashMap<>(drift.toMap());
        out.put("reference", reference.toString());
        out.put("current", current.toString());
        out.put("reference_rows", ref.rowCount());
        out.put("current_rows", cur.rowCount());
        if (embedding != null) {
            out.put("embedding_drift", embedding.toMap());
        }
        if (report != null) {
            out.put("report", new DriftReport(drift, embedding, reference.getFileName().toString(),
                    current.getFileName().toString()).write(report).toString());
        }
        if (json) {
            JsonOutput.print(spec.commandLine().getOut(), out);
        } else {
            printTable(drift, embedding, ref.rowCount(), cur.rowCount(), (String) out.get("report"));
        }
        boolean drifted = drift.datasetDrift() || (embedding != null && embedding.drift());
        return failOnDrift && drifted ? ExitCodes.CHECK_FAILED : ExitCodes.OK;
    }

    private DriftSettings settings() {
        DriftSettings s = DriftSettings.defaults().withDriftShare(driftShare);
        Map<String, DriftMethod> byColumn = new LinkedHashMap<>();
        for (String m : methods) {
            int eq = m.indexOf('=');
            if (eq < 0) {
                s = s.withMethod(DriftMethod.fromLabel(m));
            } else {
                byColumn.put(m.substring(0, eq).trim(), DriftMethod.fromLabel(m.substring(eq + 1)));
            }
        }
        Map<String, Double> thresholdByColumn = new LinkedHashMap<>();
        for (String t : thresholds) {
            int eq = t.indexOf('=');
            if (eq < 0) {
                s = s.withThreshold(number(t, "--threshold"));
            } else {
                thresholdByColumn.put(t.substring(0, eq).trim(), number(t.substring(eq + 1), "--threshold " + t));
            }
        }
        return s.withMethods(byColumn).withThresholds(thresholdByColumn);
    }

    private static double number(String text, String where) {
        try {
            return Double.parseDouble(text.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(where + ": expected a number, got '" + text.trim() + "'");
        }
    }

    /** The model's predictions on {@code frame} as a column: labels for classifiers, numbers for regressors. */
    private Column predictions(Model<?> model, Frame frame, String target, Path file) {
        if (frame.hasColumn(PREDICTION)) {
            throw new IllegalArgumentException(file + " already has a column '" + PREDICTION + "'; rename it to compare the model's predictions");
        }
        Frame features = target != null && frame.hasColumn(target) ? frame.drop(target) : frame;
        Prediction p = model.predict(features);
        if (p instanceof ClusterPrediction) {
            throw new IllegalArgumentException(modelPath + " predicts " + p.getClass().getSimpleName()
                    + ", which 'kiln drift' cannot compare as a column");
        }
        return PredictionColumn.of(p);
    }

    private void printTable(DatasetDrift drift, EmbeddingDrift embedding, int refRows, int curRows, String reportPath) {
        var w = spec.commandLine().getOut();
        w.printf("reference %s (%d rows), current %s (%d rows)%n%n", reference, refRows, current, curRows);
        Table t = Table.withHeader("column", "type", "test", "statistic", "p_value", "threshold", "drift", "missing ref/cur");
        for (ColumnDrift c : drift.columns()) {
            t.row(c.column(), c.kind().label(), c.method().label(), c.statistic(), c.method().isTest() ? c.pValue() : null,
                    c.threshold(), c.drift() ? "DRIFT" : "no", c.missingReference() + "/" + c.missingCurrent());
        }
        w.print(t);
        drift.skipped().forEach((name, why) -> w.println("skipped " + name + ": " + why));
        w.printf("%ndataset drift: %s (%d of %d columns drifted, share %s; threshold %s)%n",
                drift.datasetDrift() ? "YES" : "no", drift.numberOfDriftedColumns(), drift.numberOfColumns(),
                Table.number(drift.driftShare()), Table.number(drift.driftShareThreshold()));
        if (embedding != null) {
            w.printf("embedding drift (%s*, %d dimensions): %s (domain classifier ROC AUC %s, threshold %s; MMD² %s, p %s)%n",
                    embeddingPrefix, embedding.dimensions(), embedding.drift() ? "YES" : "no",
                    Table.number(embedding.classifier().rocAuc()), Table.number(embedding.classifier().threshold()),
                    Table.number(embedding.mmd().mmd2()), Table.number(embedding.mmd().pValue()));
        }
        if (reportPath != null) {
            w.println("report: " + reportPath);
        }
    }
}
