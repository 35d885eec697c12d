package dev.kiln.cli.explain;

import dev.kiln.cli.output.Table;
import dev.kiln.core.frame.Column;
import dev.kiln.core.frame.Frame;
import dev.kiln.core.io.TabularFile;
import dev.kiln.core.model.Model;
import dev.kiln.core.progress.Progress;
import dev.kiln.explain.fairness.AuditResult;
import dev.kiln.explain.fairness.FairnessAudit;
import dev.kiln.explain.fairness.FairnessMeasure;
import dev.kiln.explain.fairness.GroupMetric;
import dev.kiln.explain.fairness.GroupThresholds;
import dev.kiln.explain.fairness.Grouping;
import dev.kiln.explain.fairness.MitigationOutcome;
import dev.kiln.explain.fairness.Reweighing;
import dev.kiln.explain.fairness.ThresholdOptimizer;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The mitigations {@code kiln audit --mitigate} applies: reweighing and group thresholds. */
final class AuditMitigation {
    private AuditMitigation() {
    }

    /** A mitigation's outcome and the method-specific facts for the JSON (weights, thresholds). */
    record Result(MitigationOutcome outcome, Map<String, Object> details) {
    }

    static Result run(String method, AuditCommand.Audited audited, AuditCommand.Scored scored, AuditResult before, Path train, long seed) {
        return switch (method) {
            case "reweighing" -> reweighing(audited, scored, before, train, seed);
            case "threshold-dp" -> thresholds(ThresholdOptimizer.Constraint.DEMOGRAPHIC_PARITY, method, audited, scored, before, train, seed);
            case "threshold-eo" -> thresholds(ThresholdOptimizer.Constraint.EQUALIZED_ODDS, method, audited, scored, before, train, seed);
            default -> throw new IllegalArgumentException("--mitigate '" + method + "': expected reweighing, threshold-dp or threshold-eo");
        };
    }

    private static AuditResult audit(AuditCommand.Scored scored, AuditResult before, boolean[] predicted) {
        return FairnessAudit.run(scored.grouping(), scored.outcomes().withPredicted(predicted), before.privileged(),
                before.params().withReplicates(0), Progress.none());
    }

    private static Result reweighing(AuditCommand.Audited audited, AuditCommand.Scored scored, AuditResult before, Path train, long seed) {
        if (train == null) {
            throw new IllegalArgumentException("--mitigate reweighing refits the model on reweighed training rows: give them with --train FILE");
        }
        AuditRetraining recipe = AuditRetraining.of(audited.loaded().manifest(), audited.loaded().source());
        Frame rows = TabularFile.read(train);
        Column target = rows.column(audited.target());
        Grouping groups;
        try {
            groups = Grouping.of(rows, audited.features());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(train + ": " + e.getMessage(), e);
        }
        boolean[] labels = new boolean[rows.rowCount()];
        for (int i = 0; i < labels.length; i++) {
            if (target.isMissing(i)) {
                throw new IllegalArgumentException(train + ":" + (i + 2) + ": the target '" + target.name() + "' is missing");
            }
            labels[i] = target.text(i).equals(audited.positive());
        }
        double[] weights = Reweighing.weights(groups, labels);
        int[] drawn = Reweighing.resample(weights, seed);
        Model<?> refit = recipe.fit(rows.take(drawn), target.take(drawn));
        AuditCommand.Scored after = new AuditCommand.Audited(audited.loaded(), refit, audited.target(), audited.positive(),
                audited.features()).score(scored.frame(), scored.source());
        AuditResult afterAudit = audit(scored, before, after.outcomes().predicted());

        List<Object> cells = new ArrayList<>();
        for (int g = 0; g < groups.groupCount(); g++) {
            for (boolean y : new boolean[] {true, false}) {
                long n = 0;
                double w = Double.NaN;
                for (int i = 0; i < labels.length; i++) {
                    if (groups.groupOf(i) == g && labels[i] == y) {
                        n++;
                        w = weights[i];
                    }
                }
                if (n > 0) {
                    Map<String, Object> cell = new LinkedHashMap<>();
                    cell.put("group", groups.groups().get(g).name());
                    cell.put("label", y ? audited.positive() : "not " + audited.positive());
                    cell.put("rows", n);
                    cell.put("weight", w);
                    cells.add(cell);
                }
            }
        }
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("train", train.toString());
        details.put("train_rows", rows.rowCount());
        details.put("refitted_model", recipe.modelName());
        details.put("refitted_params", recipe.params());
        details.put("weights", cells);
        String description = "Reweighing (Kamiran & Calders 2012): each training row of group a and label y weighs P(a)P(y)/P(a,y). "
                + "Kiln's estimators take no per-row weights, so " + recipe.modelName() + " was refitted on " + drawn.length
                + " rows of " + train + " drawn with replacement in proportion to the weights (seed " + seed + ").";
        List<String> notes = List.of("Before: the saved model. After: the refitted model, scored on the same audited rows.",
                "If the saved model was trained on only part of " + train + " (kiln train without --test holds rows out),"
                        + " part of the difference comes from the extra rows, not the weights.");
        return new Result(new MitigationOutcome("reweighing", description, before, afterAudit, notes), details);
    }

    private static Result thresholds(ThresholdOptimizer.Constraint constraint, String method, AuditCommand.Audited audited,
                                     AuditCommand.Scored scored, AuditResult before, Path train, long seed) {
        if (!scored.outcomes().hasScores()) {
            throw new IllegalArgumentException("--mitigate " + method + " sets thresholds on predicted probabilities, but "
                    + audited.loaded().source() + " (" + audited.loaded().manifest().modelType() + ") gives none");
        }
        AuditCommand.Scored fitRows = train == null ? scored : audited.score(TabularFile.read(train), train);
        GroupThresholds fitted = ThresholdOptimizer.fit(fitRows.outcomes().scores(), fitRows.outcomes().truth(), fitRows.grouping(),
                constraint);
        boolean[] predicted = fitted.predict(scored.outcomes().scores(), scored.grouping(), seed);
        AuditResult after = audit(scored, before, predicted);

        Map<String, Object> rules = new LinkedHashMap<>();
        fitted.rules().forEach((group, r) -> {
            Map<String, Object> o = new LinkedHashMap<>();
            o.put("high", r.high());
            o.put("low", r.low());
            o.put("mix", r.mix());
            if (constraint == ThresholdOptimizer.Constraint.EQUALIZED_ODDS) {
                o.put("ignore", r.ignore());
                o.put("constant", r.constant());
            }
            rules.put(group, o);
        });
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("constraint", constraint.key());
        details.put("fitted_on", (train == null ? scored.frame() : fitRows.frame()).rowCount() + " rows of "
                + (train == null ? "the audited data" : train.toString()));
        details.put("expected_accuracy_on_fit_rows", fitted.expectedAccuracy());
        if (constraint == ThresholdOptimizer.Constraint.DEMOGRAPHIC_PARITY) {
            details.put("common_selection_rate", fitted.rate());
        } else {
            details.put("common_false_positive_rate", fitted.rate());
            details.put("common_true_positive_rate", fitted.truePositiveRate());
        }
        details.put("thresholds", rules);
        String description = "Group thresholds (Hardt, Price & Srebro 2016; Fairlearn's ThresholdOptimizer) under "
                + constraint.key().replace('_', ' ') + ": each group predicts the positive label when the score is at least its"
                + " upper threshold, and at random with probability 'mix' between its two thresholds"
                + (constraint == ThresholdOptimizer.Constraint.EQUALIZED_ODDS
                ? "; with probability 'ignore' it ignores the score and predicts positive with probability 'constant'" : "")
                + ". The thresholds maximise accuracy on the rows they were fitted on subject to the constraint.";
        List<String> notes = new ArrayList<>();
        notes.add("Predictions are randomised (seed " + seed + "); an upper threshold of null means +infinity (nobody selected by score).");
        notes.add("The rule uses the sensitive feature at prediction time, which the law may forbid where you work.");
        if (train == null) {
            notes.add("The thresholds were fitted on the audited rows themselves, so the 'after' figures are optimistic;"
                    + " give --train FILE to fit them on other rows.");
        }
        return new Result(new MitigationOutcome(method, description, before, after, notes), details);
    }

    static void print(PrintWriter w, MitigationOutcome m) {
        w.printf("%nmitigation: %s%n%s%n", m.method(), m.description());
        Table t = Table.withHeader("", "before", "after");
        t.row("accuracy", AuditCommand.three(m.before().overall().accuracy()), AuditCommand.three(m.after().overall().accuracy()));
        for (FairnessMeasure measure : FairnessMeasure.values()) {
            var b = m.before().measure(measure);
            var a = m.after().measure(measure);
            t.row(measure.key(), AuditCommand.three(b.value()) + (b.passed() ? "" : " FAIL"),
                    AuditCommand.three(a.value()) + (a.passed() ? "" : " FAIL"));
        }
        w.print(t);
        Table groups = Table.withHeader("group", "selection before", "after", "tpr before", "after");
        for (int g = 0; g < m.before().groups().size(); g++) {
            var b = m.before().groups().get(g);
            var a = m.after().groups().get(g);
            groups.row(b.group().name(), AuditCommand.three(b.value(GroupMetric.SELECTION_RATE)),
                    AuditCommand.three(a.value(GroupMetric.SELECTION_RATE)),
                    AuditCommand.three(b.value(GroupMetric.TRUE_POSITIVE_RATE)),
                    AuditCommand.three(a.value(GroupMetric.TRUE_POSITIVE_RATE)));
        }
        w.print(groups);
        for (String note : m.notes()) {
            w.println("note: " + note);
        }
    }
}
