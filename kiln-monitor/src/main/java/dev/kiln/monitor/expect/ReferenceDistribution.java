package dev.kiln.monitor.expect;

import dev.kiln.core.frame.Column;
import dev.kiln.monitor.profile.ColumnProfile;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The reference distribution a {@link Expectation.DistributionWithin} compares against, small
 * enough to keep and edit in an expectations file: shares of numeric bins ({@link Bins}) or of
 * categories ({@link Categories}). Shares may be rounded: they must sum to 1 within
 * {@link #SUM_TOLERANCE} and are scaled to sum to 1 before a distance is computed.
 */
public sealed interface ReferenceDistribution {
    /** How far the shares may sum from 1. */
    double SUM_TOLERANCE = 0.01;

    /** One label per bin, in order. */
    List<String> labels();

    /** The reference's shares, one per bin, scaled to sum to 1. */
    double[] shares();

    /** The bin edges, or null for categories. */
    double[] binEdges();

    /** Why {@code column} cannot be binned this way, or null when it can. */
    String incompatibility(Column column);

    /** How many present values of {@code column} fall in each bin. */
    double[] counts(Column column);

    /** The fields as written in a file. */
    Map<String, Object> toMap();

    /**
     * Numeric bins: bin i holds values in [edges[i], edges[i+1]); values below the first edge
     * count in the first bin and values from the last inner edge up, beyond the last edge too, in
     * the last.
     *
     * @param edges       at least 3 increasing edges (2 bins)
     * @param proportions the reference's share of each bin
     * @param std         the reference's standard deviation (NumPy's, ddof = 0), which the
     *                    Wasserstein distance is normed by; null when not known
     */
    record Bins(List<Double> edges, List<Double> proportions, Double std) implements ReferenceDistribution {
        public Bins {
            edges = List.copyOf(edges);
            proportions = List.copyOf(proportions);
            if (edges.size() < 3) {
                throw new InvalidField("/edges", "expected at least 3 edges (2 bins), got " + edges.size());
            }
            for (int i = 0; i < edges.size(); i++) {
                if (!Double.isFinite(edges.get(i))) {
                    throw new InvalidField("/edges/" + i, "expected a finite number, got " + edges.get(i));
                }
                if (i > 0 && !(edges.get(i) > edges.get(i - 1))) {
                    throw new InvalidField("/edges/" + i, "edges must increase, but " + edges.get(i) + " follows " + edges.get(i - 1));
                }
            }
            if (proportions.size() != edges.size() - 1) {
                throw new InvalidField("/proportions", "expected one proportion per bin: " + (edges.size() - 1)
                        + " for " + edges.size() + " edges, got " + proportions.size());
            }
            Map<String, Double> byIndex = new LinkedHashMap<>();
            for (int i = 0; i < proportions.size(); i++) {
                byIndex.put(Integer.toString(i), proportions.get(i));
            }
            checkShares("/proportions", byIndex, 0);
            if (std != null && !(std >= 0 && Double.isFinite(std))) {
                throw new InvalidField("/std", "expected a finite number >= 0, got " + std);
            }
        }

        /**
         * Bins equally populated in the profiled data: edges at its min, its {@code 1/bins, 2/bins, …}
         * quantiles and its max (repeated edges merged), shares read off its quantile sketch.
         * Null when fewer than 2 bins remain (a column of one or two values).
         */
        public static Bins fromProfile(ColumnProfile profile, int bins) {
            TreeSet<Double> distinct = new TreeSet<>();
            distinct.add(profile.min());
            for (int i = 1; i < bins; i++) {
                distinct.add(profile.quantile((double) i / bins));
            }
            distinct.add(profile.max());
            if (distinct.size() < 3) {
                return null;
            }
            List<Double> edges = new ArrayList<>(distinct);
            List<Double> proportions = new ArrayList<>();
            double below = 0;
            for (int i = 1; i < edges.size(); i++) {
                double upTo = i == edges.size() - 1 ? 1 : profile.cdf(Math.nextDown(edges.get(i)));
                proportions.add(round(upTo - below));
                below = upTo;
            }
            long n = profile.count() - profile.missing();
            double std = n < 2 ? 0 : profile.std() * Math.sqrt((n - 1.0) / n);
            return new Bins(edges, proportions, std);
        }

        public List<String> labels() {
            List<String> out = new ArrayList<>();
            int last = edges.size() - 2;
            for (int i = 0; i <= last; i++) {
                out.add(i == 0 ? "< " + shortNumber(edges.get(1))
                        : i == last ? ">= " + shortNumber(edges.get(i))
                        : "[" + shortNumber(edges.get(i)) + ", " + shortNumber(edges.get(i + 1)) + ")");
            }
            return out;
        }

        public double[] shares() {
            return scaled(proportions);
        }

        public double[] binEdges() {
            return edges.stream().mapToDouble(Double::doubleValue).toArray();
        }

        public String incompatibility(Column column) {
            return column.type().isNumeric() ? null : "column '" + column.name() + "' is " + column.type().label() + ", not numeric";
        }

        public double[] counts(Column column) {
            double[] inner = binEdges();
            double[] counts = new double[proportions.size()];
            for (int row = 0; row < column.size(); row++) {
                if (column.isMissing(row)) {
                    continue;
                }
                double v = column.getDouble(row);
                if (!Double.isNaN(v)) {
                    counts[binOf(inner, v)]++;
                }
            }
            return counts;
        }

        /** The bin of {@code v}: how many inner edges (all but the first and last) are at most v. */
        private static int binOf(double[] edges, double v) {
            int lo = 1;
            int hi = edges.length - 1;
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (edges[mid] <= v) {
                    lo = mid + 1;
                } else {
                    hi = mid;
                }
            }
            return lo - 1;
        }

        public Map<String, Object> toMap() {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("edges", edges);
            out.put("proportions", proportions);
            if (std != null) {
                out.put("std", std);
            }
            return out;
        }
    }

    /**
     * Categories with their shares; present values among none of them count as {@code other}.
     * Values are compared as text ({@link Column#text}).
     *
     * @param proportions each category's share, in the order shown
     * @param other       the share of all other values
     */
    record Categories(Map<String, Double> proportions, double other) implements ReferenceDistribution {
        public Categories {
            proportions = Collections.unmodifiableMap(new LinkedHashMap<>(proportions));
            if (proportions.isEmpty()) {
                throw new InvalidField("/categories", "expected at least one category");
            }
            if (!(other >= 0 && other <= 1)) {
                throw new InvalidField("/other", "expected a proportion in [0, 1], got " + other);
            }
            checkShares("/categories", proportions, other);
        }

        /**
         * The {@code max} most frequent values of a profiled column, counted exactly, with their
         * shares of the present values; the rest is {@code other}. Null when counts are not exact.
         */
        public static Categories fromProfile(ColumnProfile profile, int max) {
            long present = profile.count() - profile.missing();
            if (!profile.valueCountsExact() || present == 0) {
                return null;
            }
            Map<String, Double> proportions = new LinkedHashMap<>();
            long listed = 0;
            for (Map.Entry<String, Long> e : profile.topValues(max).entrySet()) {
                proportions.put(e.getKey(), round((double) e.getValue() / present));
                listed += e.getValue();
            }
            return new Categories(proportions, round((double) (present - listed) / present));
        }

        public List<String> labels() {
            List<String> out = new ArrayList<>(proportions.keySet());
            out.add("other");
            return out;
        }

        public double[] shares() {
            List<Double> all = new ArrayList<>(proportions.values());
            all.add(other);
            return scaled(all);
        }

        public double[] binEdges() {
            return null;
        }

        public String incompatibility(Column column) {
            return null;
        }

        public double[] counts(Column column) {
            Map<String, Integer> index = new HashMap<>();
            for (String category : proportions.keySet()) {
                index.put(category, index.size());
            }
            double[] counts = new double[index.size() + 1];
            for (int row = 0; row < column.size(); row++) {
                if (!column.isMissing(row)) {
                    counts[index.getOrDefault(column.text(row), index.size())]++;
                }
            }
            return counts;
        }

        public Map<String, Object> toMap() {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("categories", proportions);
            out.put("other", other);
            return out;
        }
    }

    /** Each share in [0, 1] and all of them and {@code rest} summing to 1 within the tolerance. */
    private static void checkShares(String pointer, Map<String, Double> shares, double rest) {
        double sum = rest;
        for (Map.Entry<String, Double> e : shares.entrySet()) {
            double s = e.getValue();
            if (!(s >= 0 && s <= 1)) {
                throw new InvalidField(pointer + "/" + InvalidField.token(e.getKey()), "expected a proportion in [0, 1], got " + s);
            }
            sum += s;
        }
        if (Math.abs(sum - 1) > SUM_TOLERANCE + 1e-12) {
            throw new InvalidField(pointer, "proportions sum to " + sum + ", expected 1 (within " + SUM_TOLERANCE + ")");
        }
    }

    private static double[] scaled(List<Double> shares) {
        double sum = shares.stream().mapToDouble(Double::doubleValue).sum();
        return shares.stream().mapToDouble(s -> s / sum).toArray();
    }

    /** Six decimals: plenty for a share, short enough to read and edit. */
    private static double round(double share) {
        return Math.round(share * 1e6) / 1e6;
    }

    private static String shortNumber(double v) {
        return new BigDecimal(v).round(new MathContext(4)).stripTrailingZeros().toPlainString();
    }
}
