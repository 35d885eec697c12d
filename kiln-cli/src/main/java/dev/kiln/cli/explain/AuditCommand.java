package dev.kiln.cli.explain;

import dev.kiln.cli.output.JsonOutput;
import dev.kiln.cli.output.Table;
import dev.kiln.core.frame.Column;
import dev.kiln.core.frame.Frame;
import dev.kiln.core.io.TabularFile;
import dev.kiln.core.model.ClassificationPrediction;
import dev.kiln.core.model.Model;
import dev.kiln.core.model.Prediction;
import dev.kiln.core.modelfile.LoadedModel;
import dev.kiln.core.modelfile.ModelFile;
import dev.kiln.core.progress.Progress;
import dev.kiln.explain.fairness.AuditResult;
import dev.kiln.explain.fairness.BiasAuditReport;
import dev.kiln.explain.fairness.BinaryOutcomes;
import dev.kiln.explain.fairness.FairnessAudit;
import dev.kiln.explain.fairness.FairnessMeasure;
import dev.kiln.explain.fairness.GroupMetric;
import dev.kiln.explain.fairness.GroupResult;
import dev.kiln.explain.fairness.Grouping;
import dev.kiln.explain.fairness.Interval;
import dev.kiln.explain.fairness.MeasureResult;
import dev.kiln.explain.fairness.SensitiveFeature;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code kiln audit}: a bias audit of a saved classifier on labelled rows, as Fairlearn and
 * AIF360 do it: metrics by sensitive group with bootstrap intervals, fairness measures held to
 * thresholds (exit 1 when one fails), and optionally a mitigation with its trade-off.
 */
@Command(name = "audit", description = {"Audit a saved classifier for bias across sensitive groups.",
    "Exits 1 when a fairness measure fails its threshold, like a CI gate."})
public final class AuditCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--model", required = true, paramLabel = "DIR", description = "A classifier saved by 'kiln train'.")
    Path modelPath;

    @Option(names = "--data", required = true, paramLabel = "FILE", description = "Labelled rows to audit (.csv, .tsv or .jsonl), ideally held out from training.")
    Path data;

    @Option(names = "--sensitive", required = true, paramLabel = "COL[,COL]", description = {
        "Sensitive feature(s); several intersect (sex,age_group). Numeric columns with many values need bins:",
        "COL:25 or COL:25,60 (thresholds: <25, [25,60), >=60) or COL:q4 (quartiles of --data)."})
    List<String> sensitive;

    @Option(names = "--target", paramLabel = "COL", description = "The true label column (default: the model's target).")
    String target;

    @Option(names = "--positive", paramLabel = "LABEL", description = "The favourable label (default: the second of the model's two classes, in sorted order).")
    String positive;

    @Option(names = "--privileged", paramLabel = "COL=VALUE[,COL=VALUE]", description = "The privileged group (default: the group with the highest selection rate).")
    String privileged;

    @Option(names = "--threshold", paramLabel = "MEASURE=VALUE", description = "A measure's threshold (repeatable), e.g. --threshold disparate_impact=0.9.")
    Map<String, String> thresholds = new LinkedHashMap<>();

    @Option(names = "--mitigate", paramLabel = "METHOD", description = "reweighing (refits on --train), threshold-dp or threshold-eo; reports the trade-off.")
    String mitigate;

    @Option(names = "--train", paramLabel = "FILE", description = "Training rows: refitted on by reweighing, and where threshold-dp/-eo fit their thresholds (default: --data).")
    Path train;

    @Option(names = "--n-boot", paramLabel = "N", description = "Bootstrap replicates for the intervals, 0 for none (default: ${DEFAULT-VALUE}).")
    int replicates = 1000;

    @Option(names = "--confidence", paramLabel = "LEVEL", description = "Interval coverage (default: ${DEFAULT-VALUE}).")
    double confidence = 0.95;

    @Option(names = "--seed", paramLabel = "S", description = "Seed of the bootstrap, the resampling and the randomised thresholds (default: ${DEFAULT-VALUE}).")
    long seed = 42;

    @Option(names = "--report", paramLabel = "FILE", description = "Write the audit as one HTML file (charts inline).")
    Path report;

    @Option(names = "--json", description = "Print one JSON object instead of tables.")
    boolean json;

    /** The model, the audited rows and what was read from them. */
    record Audited(LoadedModel loaded, Model<?> model, String target, String positive, List<SensitiveFeature.Binned> features) {

        /** The model's predictions for {@code frame}'s rows. */
        static ClassificationPrediction classify(LoadedModel loaded, Model<?> model, Frame frame) {
            Prediction p = model.predict(frame.select(model.inputSchema().names()));
            if (!(p instanceof ClassificationPrediction prediction)) {
                throw new IllegalArgumentException(loaded.source() + ": holds a " + loaded.manifest().modelType()
                        + " model, which does not classify; a bias audit needs a classifier");
            }
            return prediction;
        }

        /** The outcomes and groups of {@code frame}'s rows under this model. */
        Scored score(Frame frame, Path source) {
            return score(frame, classify(loaded, model, frame), source);
        }

        Scored score(Frame frame, ClassificationPrediction prediction, Path source) {
            Column truth = frame.column(target);
            List<String> labels = new ArrayList<>(truth.size());
            for (int i = 0; i < truth.size(); i++) {
                labels.add(truth.text(i));
            }
            try {
                return new Scored(frame, BinaryOutcomes.of(prediction, labels, positive), Grouping.of(frame, features), source);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(source + ": " + e.getMessage(), e);
            }
        }
    }

    /** Rows with their outcomes and groups. */
    record Scored(Frame frame, BinaryOutcomes outcomes, Grouping grouping, Path source) {
    }

    /** Groups smaller than this get a warning: their rates swing with a handful of rows. */
    private static final int SMALL_GROUP = 30;

    private static final Logger LOG = LoggerFactory.getLogger(AuditCommand.class);

    @Override
    public Integer call() {
        if (mitigate != null && !List.of("reweighing", "threshold-dp", "threshold-eo").contains(mitigate)) {
            throw new IllegalArgumentException("--mitigate '" + mitigate + "': expected reweighing, threshold-dp or threshold-eo");
        }
        LoadedModel loaded = ModelFile.load(modelPath);
        Model<?> model = loaded.as(Model.class);
        String targetName = target != null ? target : loaded.manifest().target();
        if (targetName == null) {
            throw new IllegalArgumentException(modelPath + ": the manifest names no target column; give it with --target");
        }
        Frame frame = TabularFile.read(data);
        Column truth = frame.column(targetName);
        checkBinary(truth);
        ClassificationPrediction prediction = Audited.classify(loaded, model, frame);
        List<String> classes = prediction.classes();
        if (classes.size() != 2) {
            throw new IllegalArgumentException(modelPath + ": the fairness measures need binary labels, but the model has "
                    + classes.size() + " classes " + classes);
        }
        String positiveLabel = positive != null ? positive : classes.get(1);
        if (!classes.contains(positiveLabel)) {
            throw new IllegalArgumentException("--positive '" + positiveLabel + "' is not one of the model's classes " + classes);
        }
        List<SensitiveFeature> wanted = new ArrayList<>();
        for (String s : sensitive) {
            wanted.addAll(SensitiveFeature.parseList(s));
        }
        List<SensitiveFeature.Binned> binned = new ArrayList<>();
        for (SensitiveFeature f : wanted) {
            binned.add(f.bin(frame));
        }
        Audited audited = new Audited(loaded, model, targetName, positiveLabel, binned);
        Scored scored = audited.score(frame, prediction, data);
        int privilegedIndex = privileged == null ? -1 : scored.grouping().indexOf(parsePrivileged(privileged));
        FairnessAudit.Params params = new FairnessAudit.Params(replicates, confidence, 10, seed, parseThresholds(thresholds));
        AuditResult audit = FairnessAudit.run(scored.grouping(), scored.outcomes(), privilegedIndex, params,
                replicates > 0 ? Progress.start("bootstrap", replicates) : Progress.none());
        for (GroupResult g : audit.groups()) {
            if (g.counts().count() < SMALL_GROUP) {
                LOG.warn("group {} has only {} rows: its rates are unreliable (see the intervals)", g.group().name(), g.counts().count());
            }
        }

        AuditMitigation.Result mitigation = mitigate == null ? null
                : AuditMitigation.run(mitigate, audited, scored, audit, train, seed);

        Map<String, Object> result = new LinkedHashMap<>();
        result.put("model_path", modelPath.toString());
        result.put("data", data.toString());
        result.put("target", targetName);
        result.put("positive_label", positiveLabel);
        result.put("rows", frame.rowCount());
        result.put("sensitive", sensitiveJson(binned));
        AuditJson.putAudit(result, audit);
        Map<String, Object> boot = new LinkedHashMap<>();
        boot.put("n_boot", replicates);
        boot.put("confidence", confidence);
        boot.put("stratified_by", "group");
        boot.put("seed", seed);
        result.put("bootstrap", boot);
        if (mitigation != null) {
            result.put("mitigation", AuditJson.mitigation(mitigation.outcome(), mitigation.details()));
        }
        if (report != null) {
            Map<String, Object> facts = new LinkedHashMap<>();
            facts.put("model", modelPath.toString() + " (" + loaded.manifest().modelType() + ")");
            facts.put("data", data + " (" + frame.rowCount() + " rows)");
            facts.put("target", targetName + ", positive label '" + positiveLabel + "'");
            facts.put("sensitive features", String.join(", ", binned.stream().map(AuditCommand::describe).toList()));
            facts.put("accuracy", audit.overall().accuracy());
            result.put("report", BiasAuditReport.of("Kiln: bias audit of " + modelPath.getFileName(), facts, audit,
                    mitigation == null ? null : mitigation.outcome()).writeFile(report).toString());
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            JsonOutput.print(out, result);
        } else {
            printTables(out, frame.rowCount(), targetName, positiveLabel, binned, audit);
            if (mitigation != null) {
                AuditMitigation.print(out, mitigation.outcome());
            }
            if (report != null) {
                out.println("report: " + result.get("report"));
            }
        }
        return audit.passed() ? 0 : 1;
    }

    /** Refuses a target with missing values or more than two classes. */
    private void checkBinary(Column truth) {
        TreeSet<String> values = new TreeSet<>();
        for (int i = 0; i < truth.size(); i++) {
            if (truth.isMissing(i)) {
                throw new IllegalArgumentException(data + ":" + (i + 2) + ": the target '" + truth.name() + "' is missing; fill it in or drop the row");
            }
            values.add(truth.text(i));
        }
        if (values.size() > 2) {
            throw new IllegalArgumentException(data + ": the fairness measures need binary labels, but the target '" + truth.name()
                    + "' has " + values.size() + " classes " + values + "; audit one class against the rest by making a two-valued column");
        }
    }

    private static Map<String, String> parsePrivileged(String text) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String part : text.split(",")) {
            int eq = part.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("--privileged '" + text + "': expected COL=VALUE[,COL=VALUE], e.g. sex=male");
            }
            values.put(part.substring(0, eq).strip(), part.substring(eq + 1).strip());
        }
        return values;
    }

    private static Map<FairnessMeasure, Double> parseThresholds(Map<String, String> given) {
        Map<FairnessMeasure, Double> out = new EnumMap<>(FairnessMeasure.class);
        given.forEach((k, v) -> {
            FairnessMeasure m = FairnessMeasure.fromKey(k);
            try {
                out.put(m, Double.parseDouble(v));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("--threshold " + k + "=" + v + ": '" + v + "' is not a number");
            }
        });
        return out;
    }

    private static List<Object> sensitiveJson(List<SensitiveFeature.Binned> binned) {
        List<Object> out = new ArrayList<>();
        for (SensitiveFeature.Binned b : binned) {
            Map<String, Object> o = new LinkedHashMap<>();
            o.put("column", b.column());
            if (b.edges() != null) {
                o.put("edges", b.edges());
                o.put("bins", b.binLabels());
            }
            out.add(o);
        }
        return out;
    }

    private static String describe(SensitiveFeature.Binned b) {
        return b.edges() == null ? b.column() : b.column() + " (bins " + String.join(" ", b.binLabels()) + ")";
    }

    private void printTables(PrintWriter w, int rows, String targetName, String positiveLabel, List<SensitiveFeature.Binned> binned,
                             AuditResult audit) {
        w.printf("Bias audit of %s on %s (%d rows, target '%s', positive label '%s')%n", modelPath, data, rows, targetName, positiveLabel);
        w.printf("sensitive: %s; privileged group: %s (%s)%n%n", String.join(", ", binned.stream().map(AuditCommand::describe).toList()),
                audit.privilegedGroup().group().name(), audit.privilegedGiven() ? "given" : "highest selection rate");
        boolean scoredRows = !audit.groups().getFirst().calibration().isEmpty();
        Table groups = scoredRows
                ? Table.withHeader("group", "count", "selection", "accuracy", "precision", "tpr", "fpr", "fnr", "observed", "mean_prob")
                : Table.withHeader("group", "count", "selection", "accuracy", "precision", "tpr", "fpr", "fnr", "observed");
        for (GroupResult g : audit.groups()) {
            List<Object> cells = new ArrayList<>(List.of(g.group().name(), g.counts().count()));
            for (GroupMetric m : GroupMetric.values()) {
                if (scoredRows || m != GroupMetric.MEAN_PREDICTED_PROBABILITY) {
                    cells.add(three(g.value(m)));
                }
            }
            groups.row(cells.toArray());
        }
        w.print(groups);
        if (audit.params().replicates() > 0) {
            String level = Math.round(audit.params().confidence() * 100) + "%";
            w.printf("%n%s bootstrap intervals (%d replicates within each group):%n", level, audit.params().replicates());
            Table cis = Table.withHeader("group", "selection", "accuracy", "tpr", "fpr");
            for (GroupResult g : audit.groups()) {
                cis.row(g.group().name(), interval(g.interval(GroupMetric.SELECTION_RATE)), interval(g.interval(GroupMetric.ACCURACY)),
                        interval(g.interval(GroupMetric.TRUE_POSITIVE_RATE)), interval(g.interval(GroupMetric.FALSE_POSITIVE_RATE)));
            }
            w.print(cis);
        }
        w.println();
        Table measures = Table.withHeader("measure", "value", "interval", "rule", "verdict");
        for (MeasureResult m : audit.measures()) {
            measures.row(m.measure().key(), three(m.value()), interval(m.ci()),
                    m.measure().rule().symbol() + " " + Table.number(m.threshold()), m.passed() ? "pass" : "FAIL");
        }
        w.print(measures);
        List<MeasureResult> failed = audit.failed();
        w.println(failed.isEmpty() ? "all " + audit.measures().size() + " checks passed"
                : failed.size() + " of " + audit.measures().size() + " checks failed (exit code 1)");
    }

    static String three(double v) {
        return Double.isNaN(v) ? "n/a" : String.format(Locale.ROOT, "%.3f", v);
    }

    private static String interval(Interval ci) {
        return ci == null || Double.isNaN(ci.low()) ? "" : "[" + three(ci.low()) + ", " + three(ci.high()) + "]";
    }
}
