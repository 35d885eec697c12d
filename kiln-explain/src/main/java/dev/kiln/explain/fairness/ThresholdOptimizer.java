package dev.kiln.explain.fairness;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Post-processing by group-specific thresholds on the score (Hardt, Price and Srebro 2016, as
 * Fairlearn's ThresholdOptimizer): the thresholds that maximise accuracy subject to demographic
 * parity (equal selection rates) or equalized odds (equal TPR and FPR). Each group mixes two
 * neighbouring thresholds at random to hit the common rate exactly; for equalized odds a group
 * above the common ROC point also mixes in a constant random prediction.
 */
public final class ThresholdOptimizer {

    /** The fairness constraint the thresholds satisfy. */
    public enum Constraint {
        /** Equal selection rates P(ŷ=1 | g). */
        DEMOGRAPHIC_PARITY("demographic_parity"),
        /** Equal TPR and FPR. */
        EQUALIZED_ODDS("equalized_odds");

        private final String key;

        Constraint(String key) {
            this.key = key;
        }

        public String key() {
            return key;
        }
    }

    private ThresholdOptimizer() {
    }

    /** The thresholds of every group of {@code grouping} that maximise accuracy on these rows under {@code constraint}. */
    public static GroupThresholds fit(double[] scores, boolean[] truth, Grouping grouping, Constraint constraint) {
        int n = scores.length;
        if (truth.length != n || grouping.rowCount() != n) {
            throw new IllegalArgumentException("scores, labels and groups must have one entry per row: " + n + ", "
                    + truth.length + ", " + grouping.rowCount());
        }
        int[][] rows = FairnessAudit.rowsByGroup(grouping);
        List<Curve> curves = new ArrayList<>();
        for (int g = 0; g < rows.length; g++) {
            curves.add(Curve.of(scores, truth, rows[g]));
        }
        List<String> names = grouping.groups().stream().map(Grouping.Group::name).toList();
        return constraint == Constraint.DEMOGRAPHIC_PARITY ? demographicParity(curves, names, n) : equalizedOdds(curves, names, n);
    }

    private static GroupThresholds demographicParity(List<Curve> curves, List<String> names, int n) {
        TreeSet<Double> candidates = new TreeSet<>();
        for (Curve c : curves) {
            for (int k = 0; k <= c.levelCount(); k++) {
                candidates.add(c.rate(k));
            }
        }
        double bestRate = 0;
        double bestAccuracy = -1;
        for (double r : candidates) {
            double correct = 0;
            for (Curve c : curves) {
                correct += c.correctAtRate(r);
            }
            if (correct / n > bestAccuracy + 1e-12) {
                bestAccuracy = correct / n;
                bestRate = r;
            }
        }
        Map<String, GroupThresholds.Rule> rules = new LinkedHashMap<>();
        for (int g = 0; g < curves.size(); g++) {
            rules.put(names.get(g), curves.get(g).ruleAtRate(bestRate));
        }
        return new GroupThresholds(Constraint.DEMOGRAPHIC_PARITY, rules, bestAccuracy, bestRate, Double.NaN);
    }

    private static GroupThresholds equalizedOdds(List<Curve> curves, List<String> names, int n) {
        long positives = 0;
        for (int g = 0; g < curves.size(); g++) {
            Curve c = curves.get(g);
            if (c.positives == 0 || c.negatives == 0) {
                throw new IllegalArgumentException("group " + names.get(g) + " has no " + (c.positives == 0 ? "positive" : "negative")
                        + " rows, so its TPR or FPR is undefined; equalized-odds thresholds need both labels in every group");
            }
            positives += c.positives;
        }
        List<double[][]> hulls = curves.stream().map(Curve::rocHull).toList();
        TreeSet<Double> candidates = new TreeSet<>();
        for (double[][] h : hulls) {
            for (double[] p : h) {
                candidates.add(p[0]);
            }
        }
        double bestX = 0;
        double bestY = 0;
        double bestAccuracy = -1;
        for (double x : candidates) {
            double y = Double.POSITIVE_INFINITY;
            for (double[][] h : hulls) {
                y = Math.min(y, hullAt(h, x)[0]);
            }
            double accuracy = ((n - positives) * (1 - x) + positives * y) / n;
            if (accuracy > bestAccuracy + 1e-12) {
                bestAccuracy = accuracy;
                bestX = x;
                bestY = y;
            }
        }
        Map<String, GroupThresholds.Rule> rules = new LinkedHashMap<>();
        for (int g = 0; g < curves.size(); g++) {
            double[] at = hullAt(hulls.get(g), bestX);
            double hullTpr = at[0];
            int a = (int) at[1];
            int b = (int) at[2];
            double q = at[3];
            double ignore = hullTpr > bestX ? (hullTpr - bestY) / (hullTpr - bestX) : 0;
            Curve c = curves.get(g);
            rules.put(names.get(g), new GroupThresholds.Rule(c.threshold(a), c.threshold(b), q, Math.clamp(ignore, 0, 1), bestX));
        }
        return new GroupThresholds(Constraint.EQUALIZED_ODDS, rules, bestAccuracy, bestX, bestY);
    }

    /** The hull's TPR at FPR {@code x}, with the two vertices' threshold indices and the mixing weight of the second. */
    private static double[] hullAt(double[][] hull, double x) {
        int lo = 0;
        int hi = hull.length - 1;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (hull[mid][0] <= x) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        if (lo == hull.length - 1 || hull[lo][0] == x) {
            return new double[] {hull[lo][1], hull[lo][2], hull[lo][2], 0};
        }
        double q = (x - hull[lo][0]) / (hull[lo + 1][0] - hull[lo][0]);
        return new double[] {hull[lo][1] + q * (hull[lo + 1][1] - hull[lo][1]), hull[lo][2], hull[lo + 1][2], q};
    }

    /**
     * One group's deterministic threshold classifiers "score >= u_k", k = 0 … m over its
     * distinct scores u_1 > … > u_m (k = 0 selects nothing), with their cumulative counts.
     */
    private record Curve(double[] levels, long[] selected, long[] truePositives, long positives, long negatives) {

        static Curve of(double[] scores, boolean[] truth, int[] rows) {
            Integer[] order = new Integer[rows.length];
            for (int k = 0; k < rows.length; k++) {
                order[k] = rows[k];
            }
            Arrays.sort(order, (i, j) -> Double.compare(scores[j], scores[i]));
            List<Double> levels = new ArrayList<>();
            List<Long> selected = new ArrayList<>(List.of(0L));
            List<Long> tps = new ArrayList<>(List.of(0L));
            long sel = 0;
            long tp = 0;
            long pos = 0;
            for (int k = 0; k < order.length; k++) {
                int i = order[k];
                sel++;
                if (truth[i]) {
                    tp++;
                    pos++;
                }
                boolean lastOfLevel = k + 1 == order.length || scores[order[k + 1]] != scores[i];
                if (lastOfLevel) {
                    levels.add(scores[i]);
                    selected.add(sel);
                    tps.add(tp);
                }
            }
            return new Curve(levels.stream().mapToDouble(Double::doubleValue).toArray(),
                    selected.stream().mapToLong(Long::longValue).toArray(), tps.stream().mapToLong(Long::longValue).toArray(),
                    pos, rows.length - pos);
        }

        int levelCount() {
            return levels.length;
        }

        long size() {
            return positives + negatives;
        }

        /** The score threshold of classifier k: +∞ for k = 0, else u_k. */
        double threshold(int k) {
            return k == 0 ? Double.POSITIVE_INFINITY : levels[k - 1];
        }

        double rate(int k) {
            return (double) selected[k] / size();
        }

        /** Rows classified correctly by classifier k. */
        long correct(int k) {
            long fp = selected[k] - truePositives[k];
            return truePositives[k] + (negatives - fp);
        }

        double fpr(int k) {
            return (double) (selected[k] - truePositives[k]) / negatives;
        }

        double tpr(int k) {
            return (double) truePositives[k] / positives;
        }

        /** The index of the last classifier whose selection rate is at most r. */
        private int below(double r) {
            int lo = 0;
            int hi = levels.length;
            while (lo < hi) {
                int mid = (lo + hi + 1) >>> 1;
                if (rate(mid) <= r) {
                    lo = mid;
                } else {
                    hi = mid - 1;
                }
            }
            return lo;
        }

        /** Expected correct rows when mixing the classifiers around selection rate r. */
        double correctAtRate(double r) {
            int a = below(r);
            if (a == levels.length || rate(a) == r) {
                return correct(a);
            }
            double q = (r - rate(a)) / (rate(a + 1) - rate(a));
            return correct(a) + q * (correct(a + 1) - correct(a));
        }

        GroupThresholds.Rule ruleAtRate(double r) {
            int a = below(r);
            if (a == levels.length || rate(a) == r) {
                return new GroupThresholds.Rule(threshold(a), threshold(a), 0, 0, 0);
            }
            double q = (r - rate(a)) / (rate(a + 1) - rate(a));
            return new GroupThresholds.Rule(threshold(a), threshold(a + 1), q, 0, 0);
        }

        /**
         * The upper convex hull of the ROC points (FPR_k, TPR_k), from FPR 0 to 1: rows of
         * {fpr, tpr, k}.
         */
        double[][] rocHull() {
            List<double[]> points = new ArrayList<>();
            for (int k = 0; k <= levels.length; k++) {
                double[] p = {fpr(k), tpr(k), k};
                if (!points.isEmpty() && points.getLast()[0] == p[0]) {
                    points.set(points.size() - 1, p);
                } else {
                    points.add(p);
                }
            }
            List<double[]> hull = new ArrayList<>();
            for (double[] p : points) {
                while (hull.size() >= 2) {
                    double[] o = hull.get(hull.size() - 2);
                    double[] a = hull.getLast();
                    double cross = (a[0] - o[0]) * (p[1] - o[1]) - (a[1] - o[1]) * (p[0] - o[0]);
                    if (cross >= 0) {
                        hull.removeLast();
                    } else {
                        break;
                    }
                }
                hull.add(p);
            }
            return hull.toArray(double[][]::new);
        }
    }
}
