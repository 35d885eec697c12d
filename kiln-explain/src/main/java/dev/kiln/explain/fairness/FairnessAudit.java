package dev.kiln.explain.fairness;

import dev.kiln.core.progress.Progress;
import dev.kiln.core.random.Rng;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * A bias audit in the manner of Fairlearn's MetricFrame and AIF360's ClassificationMetric:
 * metrics disaggregated by (intersectional) group, each with a percentile bootstrap interval
 * resampled within each group (stratified; Efron and Tibshirani 1993), per-group reliability
 * curves, and the group fairness measures of {@link FairnessMeasure} held to thresholds.
 */
public final class FairnessAudit {

    /**
     * The audit's settings.
     *
     * @param replicates      bootstrap replicates (0 for no intervals; 1000 by default)
     * @param confidence      the interval's coverage, in (0, 1) (0.95)
     * @param calibrationBins equal-width score bins of the reliability curves (10)
     * @param seed            the bootstrap's seed
     * @param thresholds      a threshold for each measure (missing measures take their default)
     */
    public record Params(int replicates, double confidence, int calibrationBins, long seed, Map<FairnessMeasure, Double> thresholds) {

        public Params {
            if (replicates < 0) {
                throw new IllegalArgumentException("bootstrap replicates must be >= 0, got " + replicates);
            }
            if (!(confidence > 0 && confidence < 1)) {
                throw new IllegalArgumentException("confidence must be in (0, 1), got " + confidence);
            }
            if (calibrationBins < 1) {
                throw new IllegalArgumentException("calibration bins must be >= 1, got " + calibrationBins);
            }
            EnumMap<FairnessMeasure, Double> all = new EnumMap<>(FairnessMeasure.class);
            for (FairnessMeasure m : FairnessMeasure.values()) {
                double t = thresholds.getOrDefault(m, m.defaultThreshold());
                if (!Double.isFinite(t) || (m.rule() != FairnessMeasure.Rule.AT_LEAST && t < 0)) {
                    throw new IllegalArgumentException("threshold of " + m.key() + " must be a finite number"
                            + (m.rule() != FairnessMeasure.Rule.AT_LEAST ? " >= 0" : "") + ", got " + t);
                }
                all.put(m, t);
            }
            thresholds = Collections.unmodifiableMap(all);
        }

        /** 1000 replicates, 95 % intervals, 10 calibration bins, default thresholds. */
        public static Params defaults(long seed) {
            return new Params(1000, 0.95, 10, seed, Map.of());
        }

        public Params withReplicates(int n) {
            return new Params(n, confidence, calibrationBins, seed, thresholds);
        }

        public Params withThresholds(Map<FairnessMeasure, Double> t) {
            return new Params(replicates, confidence, calibrationBins, seed, t);
        }

        public double threshold(FairnessMeasure m) {
            return thresholds.get(m);
        }
    }

    private FairnessAudit() {
    }

    /**
     * Audits {@code outcomes} over {@code grouping}'s groups.
     *
     * @param privileged the index of the privileged group, or -1 for the group with the highest selection rate
     */
    public static AuditResult run(Grouping grouping, BinaryOutcomes outcomes, int privileged, Params params, Progress progress) {
        int n = outcomes.size();
        if (grouping.rowCount() != n) {
            throw new IllegalArgumentException("the grouping has " + grouping.rowCount() + " rows but there are " + n + " outcomes");
        }
        int groups = grouping.groupCount();
        if (groups < 2) {
            throw new IllegalArgumentException("all rows fall in one group (" + grouping.groups().getFirst().name()
                    + "); a bias audit compares at least two groups");
        }
        int[][] rows = rowsByGroup(grouping);
        List<ConfusionCounts> counts = new ArrayList<>(groups);
        for (int[] r : rows) {
            counts.add(ConfusionCounts.of(outcomes, r, 0, r.length));
        }
        boolean given = privileged >= 0;
        int priv = given ? privileged : highestSelectionRate(counts);
        if (priv >= groups) {
            throw new IllegalArgumentException("privileged group index " + priv + " is outside [0, " + groups + ")");
        }
        Replicates replicates = params.replicates() > 0 ? bootstrap(outcomes, rows, priv, params, progress) : null;

        List<GroupResult> groupResults = new ArrayList<>(groups);
        for (int g = 0; g < groups; g++) {
            Map<GroupMetric, Interval> intervals = new EnumMap<>(GroupMetric.class);
            if (replicates != null) {
                for (GroupMetric m : metrics(outcomes)) {
                    intervals.put(m, Interval.percentile(replicates.metric[m.ordinal()][g], params.confidence()));
                }
            }
            List<CalibrationBin> curve = outcomes.hasScores() ? reliabilityCurve(outcomes, rows[g], params.calibrationBins()) : List.of();
            groupResults.add(new GroupResult(grouping.groups().get(g), counts.get(g), intervals, curve));
        }
        List<MeasureResult> measures = new ArrayList<>();
        for (FairnessMeasure m : FairnessMeasure.values()) {
            double value = m.value(counts, priv);
            double threshold = params.threshold(m);
            Map<String, Double> byGroup = new java.util.LinkedHashMap<>();
            double[] per = m.byGroup(counts, priv);
            for (int g = 0; g < per.length; g++) {
                if (g != priv) {
                    byGroup.put(grouping.groups().get(g).name(), per[g]);
                }
            }
            Interval ci = replicates == null ? null : Interval.percentile(replicates.measure[m.ordinal()], params.confidence());
            measures.add(new MeasureResult(m, value, ci, threshold, m.rule().passes(value, threshold), byGroup));
        }
        ConfusionCounts overall = counts.stream().reduce(new ConfusionCounts(0, 0, 0, 0, 0), ConfusionCounts::plus);
        return new AuditResult(grouping.features(), groupResults, priv, given, overall, measures, params);
    }

    private static List<GroupMetric> metrics(BinaryOutcomes outcomes) {
        return java.util.Arrays.stream(GroupMetric.values())
                .filter(m -> outcomes.hasScores() || m != GroupMetric.MEAN_PREDICTED_PROBABILITY).toList();
    }

    static int highestSelectionRate(List<ConfusionCounts> counts) {
        int best = 0;
        for (int g = 1; g < counts.size(); g++) {
            if (counts.get(g).selectionRate() > counts.get(best).selectionRate()) {
                best = g;
            }
        }
        return best;
    }

    static int[][] rowsByGroup(Grouping grouping) {
        int[] size = new int[grouping.groupCount()];
        for (int i = 0; i < grouping.rowCount(); i++) {
            size[grouping.groupOf(i)]++;
        }
        int[][] rows = new int[size.length][];
        for (int g = 0; g < size.length; g++) {
            rows[g] = new int[size[g]];
        }
        int[] fill = new int[size.length];
        for (int i = 0; i < grouping.rowCount(); i++) {
            int g = grouping.groupOf(i);
            rows[g][fill[g]++] = i;
        }
        return rows;
    }

    /** Replicate values: metric[metric][group][replicate] and measure[measure][replicate]. */
    private record Replicates(double[][][] metric, double[][] measure) {
    }

    /**
     * Resamples each group's rows with replacement, keeping its size (a stratified bootstrap),
     * and recomputes every metric and measure; replicate b draws from its own stream of the
     * seed, so the result does not depend on the order replicates run in.
     */
    private static Replicates bootstrap(BinaryOutcomes outcomes, int[][] rows, int privileged, Params params, Progress progress) {
        int b = params.replicates();
        int groups = rows.length;
        double[][][] metric = new double[GroupMetric.values().length][groups][b];
        double[][] measure = new double[FairnessMeasure.values().length][b];
        Rng root = Rng.seeded(params.seed());
        int[] draw = new int[java.util.Arrays.stream(rows).mapToInt(r -> r.length).max().orElse(0)];
        try (progress) {
            for (int r = 0; r < b; r++) {
                Rng rng = root.stream(r);
                List<ConfusionCounts> counts = new ArrayList<>(groups);
                for (int g = 0; g < groups; g++) {
                    int[] own = rows[g];
                    for (int k = 0; k < own.length; k++) {
                        draw[k] = own[rng.nextInt(own.length)];
                    }
                    ConfusionCounts c = ConfusionCounts.of(outcomes, draw, 0, own.length);
                    counts.add(c);
                    for (GroupMetric m : GroupMetric.values()) {
                        metric[m.ordinal()][g][r] = m.of(c);
                    }
                }
                for (FairnessMeasure m : FairnessMeasure.values()) {
                    measure[m.ordinal()][r] = m.value(counts, privileged);
                }
                progress.step();
            }
        }
        return new Replicates(metric, measure);
    }

    /** Equal-width score bins over [0, 1] with their mean score and observed positive rate; empty bins are left out. */
    static List<CalibrationBin> reliabilityCurve(BinaryOutcomes outcomes, int[] rows, int bins) {
        long[] count = new long[bins];
        double[] scoreSum = new double[bins];
        long[] positives = new long[bins];
        for (int i : rows) {
            double s = outcomes.score(i);
            int bin = Math.min(bins - 1, (int) Math.floor(s * bins));
            count[bin]++;
            scoreSum[bin] += s;
            if (outcomes.truth(i)) {
                positives[bin]++;
            }
        }
        List<CalibrationBin> curve = new ArrayList<>();
        for (int k = 0; k < bins; k++) {
            if (count[k] > 0) {
                curve.add(new CalibrationBin((double) k / bins, (double) (k + 1) / bins, count[k], scoreSum[k] / count[k],
                        (double) positives[k] / count[k]));
            }
        }
        return curve;
    }
}
