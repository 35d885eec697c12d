package dev.kiln.serve.experiment;

import dev.kiln.monitor.experiment.Comparison;
import dev.kiln.monitor.experiment.MixtureSprt;
import dev.kiln.monitor.experiment.Moments;
import dev.kiln.monitor.experiment.PowerAnalysis;
import dev.kiln.monitor.experiment.Proportion;
import dev.kiln.monitor.experiment.SampleRatioCheck;
import dev.kiln.monitor.experiment.TwoProportionZTest;
import dev.kiln.monitor.experiment.WelchTTest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What an experiment's counts say, at one moment: each treatment against the control by the
 * fixed-horizon test (two-proportion z-test for conversions, Welch's t-test for values) and by
 * the always-valid mixture SPRT, the sample-ratio check of the answering variants' requests since
 * the traffic split last changed, the units per arm the plan needs, and the {@link Verdict}. The
 * verdict follows the sequential test, so looking at it as often as one likes is safe; a sample
 * ratio mismatch overrides it.
 */
public final class ExperimentAnalysis {
    private final ExperimentSpec spec;
    private final VariantTally[] tallies;
    private final TrafficSplit split;
    private final boolean routing;
    private final long[] splitRequests;
    private final double[] sequentialP;
    private final Double mixingVariance;
    private final int control;

    /** A decision: {@code treatment_wins}, {@code control_wins}, {@code no_difference}, {@code keep_running} or {@code sample_ratio_mismatch}. */
    public record Verdict(String decision, String winner, String reason) {
        public Map<String, Object> toJson() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("decision", decision);
            m.put("winner", winner);
            m.put("reason", reason);
            return m;
        }
    }

    ExperimentAnalysis(ExperimentSpec spec, VariantTally[] tallies, TrafficSplit split, boolean routing, long[] splitRequests,
                       double[] sequentialP, Double mixingVariance) {
        this.spec = spec;
        this.tallies = tallies;
        this.split = split;
        this.routing = routing;
        this.splitRequests = splitRequests;
        this.sequentialP = sequentialP;
        this.mixingVariance = mixingVariance;
        this.control = spec.indexOf(spec.control().name());
    }

    List<Map<String, Object>> variants() {
        List<Map<String, Object>> out = new ArrayList<>();
        double weights = spec.answering().stream().mapToDouble(ExperimentSpec.Variant::weight).sum();
        for (int i = 0; i < tallies.length; i++) {
            ExperimentSpec.Variant v = spec.variants().get(i);
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", v.name());
            m.put("version", v.version());
            m.put("role", v.shadow() ? "shadow" : i == control ? "control" : "treatment");
            m.put("weight", v.shadow() ? 0.0 : v.weight() / weights);
            m.put("traffic_share", routing ? split.share(i) : 0.0);
            m.putAll(tallies[i].toJson(v.shadow()));
            out.add(m);
        }
        return out;
    }

    /** The treatments: answering variants other than the control. */
    private List<Integer> treatments() {
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < tallies.length; i++) {
            if (i != control && !spec.variants().get(i).shadow()) {
                out.add(i);
            }
        }
        return out;
    }

    List<Map<String, Object>> comparisons() {
        List<Map<String, Object>> out = new ArrayList<>();
        for (int t : treatments()) {
            out.add(comparison(t));
        }
        return out;
    }

    private Map<String, Object> comparison(int t) {
        boolean conversion = spec.metric() == ExperimentSpec.Metric.CONVERSION;
        double confidence = 1 - spec.alpha();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("treatment", spec.variants().get(t).name());
        m.put("control", spec.control().name());
        m.put("metric", spec.metric().label());
        Comparison fixed = fixedHorizon(t);
        m.put("control_value", conversion ? tallies[control].conversion().rate() : mean(tallies[control].valueMoments()));
        m.put("treatment_value", conversion ? tallies[t].conversion().rate() : mean(tallies[t].valueMoments()));
        m.put("difference", fixed == null ? Double.NaN : fixed.difference());
        m.put("relative_lift", fixed == null ? Double.NaN : fixed.relativeLift());
        m.put("fixed_horizon", fixed == null ? null : comparisonJson(fixed, fixed.significant()));
        Map<String, Object> seq = new LinkedHashMap<>();
        seq.put("test", "msprt");
        seq.put("p_value", sequentialP[t]);
        Comparison now = sequentialNow(t);
        seq.put("ci_lower", now == null ? Double.NaN : now.lower());
        seq.put("ci_upper", now == null ? Double.NaN : now.upper());
        seq.put("confidence", confidence);
        seq.put("significant", sequentialP[t] < spec.alpha());
        seq.put("mixing_variance", mixingVariance == null ? Double.NaN : mixingVariance);
        seq.put("looks_from_units", Experiment.MIN_LOOK_UNITS);
        m.put("sequential", seq);
        return m;
    }

    private static Map<String, Object> comparisonJson(Comparison c, boolean significant) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("test", c.test());
        m.put("statistic", c.statistic());
        m.put("p_value", c.pValue());
        m.put("ci_lower", c.lower());
        m.put("ci_upper", c.upper());
        m.put("confidence", c.confidence());
        m.put("significant", significant);
        return m;
    }

    /** The fixed-horizon comparison of treatment {@code t} with the control, or null with too few units. */
    Comparison fixedHorizon(int t) {
        double confidence = 1 - spec.alpha();
        if (spec.metric() == ExperimentSpec.Metric.CONVERSION) {
            Proportion a = tallies[control].conversion();
            Proportion b = tallies[t].conversion();
            return a.trials() < 2 || b.trials() < 2 ? null : TwoProportionZTest.compare(a, b, confidence);
        }
        Moments a = tallies[control].valueMoments();
        Moments b = tallies[t].valueMoments();
        return a.count() < 2 || b.count() < 2 ? null : WelchTTest.compare(a, b, confidence);
    }

    /** The confidence sequence at the current counts (its p-value is no lower than the one kept), or null before the looks start. */
    private Comparison sequentialNow(int t) {
        if (mixingVariance == null) {
            return null;
        }
        MixtureSprt test = new MixtureSprt(mixingVariance);
        double confidence = 1 - spec.alpha();
        if (spec.metric() == ExperimentSpec.Metric.CONVERSION) {
            Proportion a = tallies[control].conversion();
            Proportion b = tallies[t].conversion();
            return units(a.trials(), b.trials()) ? test.compare(a, b, confidence, 1) : null;
        }
        Moments a = tallies[control].valueMoments();
        Moments b = tallies[t].valueMoments();
        return units(a.count(), b.count()) ? test.compare(a, b, confidence, 1) : null;
    }

    private static boolean units(long a, long b) {
        return a >= Experiment.MIN_LOOK_UNITS && b >= Experiment.MIN_LOOK_UNITS;
    }

    /** The chi-squared test of the requests each answering variant got since the split last changed, against its share; null with fewer than two variants sharing traffic. */
    Map<String, Object> sampleRatio() {
        SampleRatioCheck check = sampleRatioCheck();
        if (check == null) {
            return null;
        }
        Map<String, Object> m = new LinkedHashMap<>();
        Map<String, Object> observed = new LinkedHashMap<>();
        Map<String, Object> expected = new LinkedHashMap<>();
        for (int i = 0; i < tallies.length; i++) {
            if (!spec.variants().get(i).shadow() && split.share(i) > 0) {
                observed.put(spec.variants().get(i).name(), splitRequests[i]);
                expected.put(spec.variants().get(i).name(), split.share(i));
            }
        }
        m.put("observed", observed);
        m.put("expected_share", expected);
        m.put("statistic", check.statistic());
        m.put("p_value", check.pValue());
        m.put("alpha", check.alpha());
        m.put("mismatch", check.mismatch());
        return m;
    }

    private SampleRatioCheck sampleRatioCheck() {
        List<Long> counts = new ArrayList<>();
        List<Double> shares = new ArrayList<>();
        for (int i = 0; i < tallies.length; i++) {
            if (!spec.variants().get(i).shadow() && split.share(i) > 0) {
                counts.add(splitRequests[i]);
                shares.add(split.share(i));
            }
        }
        if (counts.size() < 2) {
            return null;
        }
        return SampleRatioCheck.of(counts.stream().mapToLong(Long::longValue).toArray(), shares.stream().mapToDouble(Double::doubleValue).toArray());
    }

    /** Units per arm the plan needs (null when it cannot be computed yet), and the smallest arm's progress toward it. */
    Map<String, Object> power() {
        Map<String, Object> m = new LinkedHashMap<>();
        Long needed = unitsPerArm();
        long smallest = smallestArm();
        m.put("metric", spec.metric().label());
        m.put("minimum_detectable_effect", spec.minimumDetectableEffect());
        m.put("alpha", spec.alpha());
        m.put("power", spec.power());
        if (spec.metric() == ExperimentSpec.Metric.CONVERSION) {
            m.put("baseline_rate", spec.baselineRate());
        } else {
            m.put("baseline_mean", spec.baselineMean() != null ? spec.baselineMean() : mean(tallies[control].valueMoments()));
        }
        m.put("units_per_arm", needed);
        m.put("smallest_arm", smallest);
        m.put("progress", needed == null ? Double.NaN : Math.min(1.0, (double) smallest / needed));
        return m;
    }

    /** Units per arm for the fixed-horizon test to detect the minimum detectable effect with the planned power. */
    Long unitsPerArm() {
        PowerAnalysis plan = new PowerAnalysis(spec.alpha(), spec.power());
        if (spec.metric() == ExperimentSpec.Metric.CONVERSION) {
            double treated = spec.baselineRate() * (1 + spec.minimumDetectableEffect());
            return treated < 1 ? plan.unitsPerArm(spec.baselineRate(), treated) : null;
        }
        Moments c = tallies[control].valueMoments();
        double baseline = spec.baselineMean() != null ? spec.baselineMean() : c.mean();
        if (c.count() < 2 || !(c.variance() > 0) || baseline == 0) {
            return null;
        }
        return plan.unitsPerArmForMeans(Math.sqrt(c.variance()), spec.minimumDetectableEffect() * baseline);
    }

    /** Units in the smallest of the control and the treatments: answered requests, or reported values. */
    private long smallestArm() {
        long smallest = unitsOf(control);
        for (int t : treatments()) {
            smallest = Math.min(smallest, unitsOf(t));
        }
        return smallest;
    }

    private long unitsOf(int i) {
        return spec.metric() == ExperimentSpec.Metric.CONVERSION ? tallies[i].answered : tallies[i].valueMoments().count();
    }

    Verdict verdict() {
        SampleRatioCheck srm = sampleRatioCheck();
        if (srm != null && srm.mismatch()) {
            return new Verdict("sample_ratio_mismatch", null, String.format(Locale.ROOT,
                    "the requests per variant %s do not fit the traffic shares (chi-squared p = %.3g < %s): assignment or logging is"
                            + " broken, so the comparisons cannot be trusted", sampleRatio().get("observed"), srm.pValue(), srm.alpha()));
        }
        List<Integer> treatments = treatments();
        if (treatments.isEmpty()) {
            return new Verdict("keep_running", null, "only one variant answers: shadows are compared by agreement, errors and latency");
        }
        int best = -1;
        double bestDifference = 0;
        boolean allWorse = true;
        for (int t : treatments) {
            Comparison c = fixedHorizon(t);
            boolean significant = sequentialP[t] < spec.alpha();
            double difference = c == null ? 0 : c.difference();
            if (significant && difference > 0 && (best < 0 || difference > bestDifference)) {
                best = t;
                bestDifference = difference;
            }
            allWorse &= significant && difference < 0;
        }
        String metric = spec.metric() == ExperimentSpec.Metric.CONVERSION ? "conversion rate" : "mean value";
        if (best >= 0) {
            Comparison c = fixedHorizon(best);
            return new Verdict("treatment_wins", spec.variants().get(best).name(), String.format(Locale.ROOT,
                    "%s's %s %.4g beats %s's %.4g (%+.1f%%), always-valid p = %.3g < alpha %s", spec.variants().get(best).name(), metric,
                    c.treatment(), spec.control().name(), c.control(), 100 * c.relativeLift(), sequentialP[best], spec.alpha()));
        }
        if (allWorse) {
            return new Verdict("control_wins", spec.control().name(), String.format(Locale.ROOT,
                    "every treatment's %s is below the control's with always-valid p < alpha %s", metric, spec.alpha()));
        }
        Long needed = unitsPerArm();
        long smallest = smallestArm();
        if (needed != null && smallest >= needed) {
            return new Verdict("no_difference", null, String.format(Locale.ROOT,
                    "%d units in the smallest arm reached the %d planned to detect a %.1f%% lift, and no treatment beats the control"
                            + " (always-valid p >= alpha %s)", smallest, needed, 100 * spec.minimumDetectableEffect(), spec.alpha()));
        }
        return new Verdict("keep_running", null, needed == null
                ? "too few units yet to plan or to decide (" + smallest + " in the smallest arm)"
                : String.format(Locale.ROOT, "%d of %d units per arm (%.1f%%) and no always-valid p below alpha %s yet", smallest, needed,
                        100.0 * smallest / needed, spec.alpha()));
    }

    private static double mean(Moments m) {
        return m.count() == 0 ? Double.NaN : m.mean();
    }
}
