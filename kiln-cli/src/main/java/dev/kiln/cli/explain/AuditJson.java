package dev.kiln.cli.explain;

import dev.kiln.explain.fairness.AuditResult;
import dev.kiln.explain.fairness.CalibrationBin;
import dev.kiln.explain.fairness.ConfusionCounts;
import dev.kiln.explain.fairness.GroupMetric;
import dev.kiln.explain.fairness.GroupResult;
import dev.kiln.explain.fairness.Interval;
import dev.kiln.explain.fairness.MeasureResult;
import dev.kiln.explain.fairness.MitigationOutcome;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The JSON shape of a bias audit: snake_case keys, intervals as [low, high], undefined values as null. */
final class AuditJson {
    private AuditJson() {
    }

    /** The measures (one object each, keyed by name), the verdict, the groups and the overall metrics. */
    static void putAudit(Map<String, Object> out, AuditResult audit) {
        out.put("privileged_group", audit.privilegedGroup().group().name());
        out.put("privileged_rule", audit.privilegedGiven() ? "given" : "highest_selection_rate");
        for (MeasureResult m : audit.measures()) {
            out.put(m.measure().key(), measure(m));
        }
        out.put("passed", audit.passed());
        out.put("failed_checks", audit.failed().stream().map(m -> m.measure().key()).toList());
        out.put("overall", overall(audit.overall(), scored(audit)));
        List<Object> groups = new ArrayList<>();
        for (GroupResult g : audit.groups()) {
            groups.add(group(g, scored(audit)));
        }
        out.put("groups", groups);
    }

    static Map<String, Object> measure(MeasureResult m) {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("value", m.value());
        if (m.ci() != null) {
            o.put("ci", interval(m.ci()));
        }
        o.put("threshold", m.threshold());
        o.put("rule", m.measure().rule().symbol());
        o.put("passed", m.passed());
        if (!m.byGroup().isEmpty()) {
            o.put("by_group", m.byGroup());
        }
        return o;
    }

    private static boolean scored(AuditResult audit) {
        return !audit.groups().getFirst().calibration().isEmpty();
    }

    static Map<String, Object> overall(ConfusionCounts c, boolean scored) {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("count", c.count());
        for (GroupMetric m : GroupMetric.values()) {
            if (scored || m != GroupMetric.MEAN_PREDICTED_PROBABILITY) {
                o.put(m.key(), m.of(c));
            }
        }
        return o;
    }

    private static Map<String, Object> group(GroupResult g, boolean scored) {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("group", g.group().name());
        o.put("values", g.group().values());
        o.put("count", g.counts().count());
        Map<String, Object> confusion = new LinkedHashMap<>();
        confusion.put("tp", g.counts().tp());
        confusion.put("fp", g.counts().fp());
        confusion.put("tn", g.counts().tn());
        confusion.put("fn", g.counts().fn());
        o.put("confusion", confusion);
        for (GroupMetric m : GroupMetric.values()) {
            if (!scored && m == GroupMetric.MEAN_PREDICTED_PROBABILITY) {
                continue;
            }
            o.put(m.key(), g.value(m));
            Interval ci = g.interval(m);
            if (ci != null) {
                o.put(m.key() + "_ci", interval(ci));
            }
        }
        if (scored) {
            List<Object> curve = new ArrayList<>();
            for (CalibrationBin b : g.calibration()) {
                Map<String, Object> bin = new LinkedHashMap<>();
                bin.put("bin_low", b.low());
                bin.put("bin_high", b.high());
                bin.put("count", b.count());
                bin.put("mean_predicted", b.meanPredicted());
                bin.put("observed_rate", b.observedRate());
                curve.add(bin);
            }
            o.put("calibration_curve", curve);
        }
        return o;
    }

    /** The trade-off: accuracy and every measure before and after, and the per-group selection rates. */
    static Map<String, Object> mitigation(MitigationOutcome m, Map<String, Object> details) {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("method", m.method());
        o.put("description", m.description());
        o.put("before", summary(m.before()));
        o.put("after", summary(m.after()));
        o.put("accuracy_change", m.accuracyChange());
        o.putAll(details);
        o.put("notes", m.notes());
        return o;
    }

    private static Map<String, Object> summary(AuditResult a) {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("accuracy", a.overall().accuracy());
        o.put("selection_rate", a.overall().selectionRate());
        for (MeasureResult m : a.measures()) {
            o.put(m.measure().key(), m.value());
        }
        o.put("passed", a.passed());
        o.put("failed_checks", a.failed().stream().map(x -> x.measure().key()).toList());
        Map<String, Object> groups = new LinkedHashMap<>();
        for (GroupResult g : a.groups()) {
            Map<String, Object> rates = new LinkedHashMap<>();
            for (GroupMetric m : List.of(GroupMetric.SELECTION_RATE, GroupMetric.TRUE_POSITIVE_RATE,
                    GroupMetric.FALSE_POSITIVE_RATE, GroupMetric.ACCURACY)) {
                rates.put(m.key(), g.value(m));
            }
            groups.put(g.group().name(), rates);
        }
        o.put("groups", groups);
        return o;
    }

    static List<Double> interval(Interval ci) {
        List<Double> pair = new ArrayList<>(2);
        pair.add(ci.low());
        pair.add(ci.high());
        return pair;
    }
}
