package dev.kiln.monitor.expect;

import dev.kiln.core.frame.Column;
import dev.kiln.core.frame.ColumnType;
import dev.kiln.core.frame.Frame;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One declarative statement about a data set, checked by {@link #check}: the vocabulary of
 * Great Expectations and Pandera, kept small. Column expectations that test values one by one
 * take a {@code mostly} tolerance: they hold when at least that fraction of present values
 * pass. Missing values are the business of {@link NotNull} alone.
 */
public sealed interface Expectation {

    /** The snake_case name used in files: {@code not_null}, {@code range}, … */
    String kind();

    /** The column it is about, or null for table-level expectations. */
    String column();

    ExpectationResult check(Frame data, Detail detail);

    /** Its fields as they are written to a file, {@code expect} first. */
    Map<String, Object> toMap();

    /** Column-level: fails with a note when the column is absent, otherwise checks it. */
    private static ExpectationResult onColumn(Expectation e, Frame data, java.util.function.Function<Column, ExpectationResult> check) {
        if (!data.hasColumn(e.column())) {
            return ExpectationResult.table(e, false, null, "column '" + e.column() + "' is missing");
        }
        return check.apply(data.column(e.column()));
    }

    private static Map<String, Object> map(Expectation e, Object... keyValues) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("expect", e.kind());
        if (e.column() != null) {
            out.put("column", e.column());
        }
        for (int i = 0; i < keyValues.length; i += 2) {
            if (keyValues[i + 1] != null) {
                out.put((String) keyValues[i], keyValues[i + 1]);
            }
        }
        return out;
    }

    /** The data has these columns; with {@code exact}, no others. */
    record ColumnsMatch(List<String> columns, boolean exact) implements Expectation {
        public ColumnsMatch {
            columns = List.copyOf(columns);
        }

        public String kind() {
            return "columns";
        }

        public String column() {
            return null;
        }

        public ExpectationResult check(Frame data, Detail detail) {
            List<String> missing = new ArrayList<>(columns);
            missing.removeAll(data.names());
            List<String> extra = new ArrayList<>(data.names());
            extra.removeAll(columns);
            boolean ok = missing.isEmpty() && (!exact || extra.isEmpty());
            String note = ok ? null : (missing.isEmpty() ? "" : "missing " + missing)
                    + (!missing.isEmpty() && exact && !extra.isEmpty() ? "; " : "")
                    + (exact && !extra.isEmpty() ? "unexpected " + extra : "");
            return ExpectationResult.table(this, ok, data.names(), note);
        }

        public Map<String, Object> toMap() {
            return map(this, "columns", columns, "exact", exact);
        }
    }

    /** The data has between {@code min} and {@code max} rows (either may be null: unbounded). */
    record RowCountBetween(Long min, Long max) implements Expectation {
        public RowCountBetween {
            if (min != null && max != null && min > max) {
                throw new IllegalArgumentException("min " + min + " is above max " + max);
            }
        }

        public String kind() {
            return "row_count";
        }

        public String column() {
            return null;
        }

        public ExpectationResult check(Frame data, Detail detail) {
            long n = data.rowCount();
            boolean ok = (min == null || n >= min) && (max == null || n <= max);
            return ExpectationResult.table(this, ok, n, null);
        }

        public Map<String, Object> toMap() {
            return map(this, "min", min, "max", max);
        }
    }

    /** At least {@code mostly} of the rows have a value. */
    record NotNull(String column, double mostly) implements Expectation {
        public NotNull {
            RowChecks.checkColumn(column);
            RowChecks.checkMostly(mostly);
        }

        public String kind() {
            return "not_null";
        }

        public ExpectationResult check(Frame data, Detail detail) {
            return onColumn(this, data, c -> {
                List<Integer> rows = new ArrayList<>();
                for (int row = 0; row < c.size() && rows.size() < detail.rowLimit() && detail != Detail.BASIC; row++) {
                    if (c.isMissing(row)) {
                        rows.add(row);
                    }
                }
                long missing = c.missingCount();
                double present = c.size() == 0 ? 1 : 1 - (double) missing / c.size();
                return new ExpectationResult(this, present >= mostly, present, c.size(), missing, rows, List.of(), Map.of(), null, List.of());
            });
        }

        public Map<String, Object> toMap() {
            return map(this, "mostly", mostly);
        }
    }

    /**
     * The column has this type. Types that files cannot tell apart reliably count as the same:
     * {@code long} passes for {@code double}, and {@code categorical} and {@code text} pass for each other.
     */
    record HasType(String column, ColumnType type) implements Expectation {
        public HasType {
            RowChecks.checkColumn(column);
            java.util.Objects.requireNonNull(type, "type");
        }

        public String kind() {
            return "type";
        }

        public ExpectationResult check(Frame data, Detail detail) {
            return onColumn(this, data, c -> ExpectationResult.table(this, compatible(c.type()), c.type().label(), null));
        }

        private boolean compatible(ColumnType actual) {
            return actual == type
                    || (type == ColumnType.DOUBLE && actual == ColumnType.LONG)
                    || (type == ColumnType.CATEGORICAL && actual == ColumnType.TEXT)
                    || (type == ColumnType.TEXT && actual == ColumnType.CATEGORICAL);
        }

        public Map<String, Object> toMap() {
            return map(this, "type", type.label());
        }
    }

    /** At least {@code mostly} of the present values lie in [min, max] (either bound may be null). */
    record InRange(String column, Double min, Double max, double mostly) implements Expectation {
        public InRange {
            RowChecks.checkColumn(column);
            RowChecks.checkMostly(mostly);
            if (min == null && max == null) {
                throw new IllegalArgumentException("a range needs min, max or both");
            }
            if (min != null && max != null && min > max) {
                throw new IllegalArgumentException("min " + min + " is above max " + max);
            }
        }

        public String kind() {
            return "range";
        }

        public ExpectationResult check(Frame data, Detail detail) {
            return onColumn(this, data, c -> {
                if (!c.type().isNumeric()) {
                    return ExpectationResult.table(this, false, c.type().label(), "column '" + column + "' is "
                            + c.type().label() + ", not numeric");
                }
                return RowChecks.check(this, c, mostly, detail, row -> {
                    double v = c.getDouble(row);
                    return (min == null || v >= min) && (max == null || v <= max);
                });
            });
        }

        public Map<String, Object> toMap() {
            return map(this, "min", min, "max", max, "mostly", mostly);
        }
    }

    /** At least {@code mostly} of the present values are among {@code values} (compared as text). */
    record InSet(String column, Set<String> values, double mostly) implements Expectation {
        public InSet {
            RowChecks.checkColumn(column);
            RowChecks.checkMostly(mostly);
            values = Set.copyOf(values);
        }

        public String kind() {
            return "allowed_values";
        }

        public ExpectationResult check(Frame data, Detail detail) {
            return onColumn(this, data, c -> RowChecks.check(this, c, mostly, detail, row -> values.contains(c.text(row))));
        }

        public Map<String, Object> toMap() {
            return map(this, "values", values.stream().sorted().toList(), "mostly", mostly);
        }
    }

    /** At least {@code mostly} of the present values match {@code regex} as a whole. */
    record MatchesRegex(String column, String regex, double mostly) implements Expectation {
        public MatchesRegex {
            RowChecks.checkColumn(column);
            RowChecks.checkMostly(mostly);
            Pattern.compile(regex);
        }

        public String kind() {
            return "regex";
        }

        public ExpectationResult check(Frame data, Detail detail) {
            Pattern pattern = Pattern.compile(regex);
            return onColumn(this, data, c -> RowChecks.check(this, c, mostly, detail,
                    row -> pattern.matcher(c.text(row)).matches()));
        }

        public Map<String, Object> toMap() {
            return map(this, "regex", regex, "mostly", mostly);
        }
    }

    /** No present value occurs twice; every repeat after the first is an offending row. */
    record Unique(String column) implements Expectation {
        public Unique {
            RowChecks.checkColumn(column);
        }

        public String kind() {
            return "unique";
        }

        public ExpectationResult check(Frame data, Detail detail) {
            return onColumn(this, data, c -> {
                Set<String> seen = new HashSet<>();
                return RowChecks.check(this, c, 1, detail, row -> seen.add(c.text(row)));
            });
        }

        public Map<String, Object> toMap() {
            return map(this, new Object[0]);
        }
    }

    /** The mean of the present values lies in [min, max]. */
    record MeanBetween(String column, double min, double max) implements Expectation {
        public MeanBetween {
            RowChecks.checkColumn(column);
            if (!(min <= max)) {
                throw new IllegalArgumentException("min " + min + " is above max " + max);
            }
        }

        public String kind() {
            return "mean";
        }

        public ExpectationResult check(Frame data, Detail detail) {
            return onColumn(this, data, c -> {
                double[] values = presentNumbers(c);
                if (values == null) {
                    return ExpectationResult.table(this, false, c.type().label(), "column '" + column + "' is not numeric");
                }
                double mean = Arrays.stream(values).average().orElse(Double.NaN);
                return ExpectationResult.table(this, mean >= min && mean <= max, mean,
                        values.length == 0 ? "no values" : null);
            });
        }

        public Map<String, Object> toMap() {
            return map(this, "min", min, "max", max);
        }
    }

    /** The q-quantile of the present values (linear interpolation, as NumPy's default) lies in [min, max]. */
    record QuantileBetween(String column, double quantile, double min, double max) implements Expectation {
        public QuantileBetween {
            RowChecks.checkColumn(column);
            if (!(quantile >= 0 && quantile <= 1)) {
                throw new IllegalArgumentException("quantile must be in [0, 1], got " + quantile);
            }
            if (!(min <= max)) {
                throw new IllegalArgumentException("min " + min + " is above max " + max);
            }
        }

        public String kind() {
            return "quantile";
        }

        public ExpectationResult check(Frame data, Detail detail) {
            return onColumn(this, data, c -> {
                double[] values = presentNumbers(c);
                if (values == null) {
                    return ExpectationResult.table(this, false, c.type().label(), "column '" + column + "' is not numeric");
                }
                if (values.length == 0) {
                    return ExpectationResult.table(this, false, null, "no values");
                }
                Arrays.sort(values);
                double position = quantile * (values.length - 1);
                int lower = (int) Math.floor(position);
                int upper = Math.min(lower + 1, values.length - 1);
                double q = values[lower] + (position - lower) * (values[upper] - values[lower]);
                return ExpectationResult.table(this, q >= min && q <= max, q, null);
            });
        }

        public Map<String, Object> toMap() {
            return map(this, "quantile", quantile, "min", min, "max", max);
        }
    }

    /**
     * The distance between the column's distribution and a reference, binned the same way, is at
     * most {@code threshold}: Evidently's column drift check, with the reference summarised in the
     * file. Numbers fall in the reference's bins (the end bins take values beyond the edges),
     * values outside the reference's categories count as {@code other}; missing values are left
     * out. The observed value is the distance.
     */
    record DistributionWithin(String column, DistanceMethod method, double threshold, ReferenceDistribution reference)
            implements Expectation {
        /** How many of the bins that moved most a failure's note names. */
        static final int NAMED_BINS = 3;

        public DistributionWithin {
            RowChecks.checkColumn(column);
            java.util.Objects.requireNonNull(method, "method");
            java.util.Objects.requireNonNull(reference, "reference");
            if (!(threshold >= 0 && Double.isFinite(threshold))) {
                throw new InvalidField("/threshold", "expected a finite threshold >= 0, got " + threshold);
            }
            if (method.numericOnly() && !(reference instanceof ReferenceDistribution.Bins)) {
                throw new InvalidField("/method", method.label() + " compares numbers: it needs a reference with edges");
            }
            if (method == DistanceMethod.WASSERSTEIN && ((ReferenceDistribution.Bins) reference).std() == null) {
                throw new InvalidField("/reference/std", "wasserstein is normed by the reference's standard deviation: give std");
            }
        }

        public String kind() {
            return "distribution";
        }

        public ExpectationResult check(Frame data, Detail detail) {
            return onColumn(this, data, c -> {
                String incompatible = reference.incompatibility(c);
                if (incompatible != null) {
                    return ExpectationResult.table(this, false, c.type().label(), incompatible);
                }
                double[] counts = reference.counts(c);
                double n = Arrays.stream(counts).sum();
                if (n == 0) {
                    return ExpectationResult.table(this, false, null, "no values");
                }
                double[] current = Arrays.stream(counts).map(x -> x / n).toArray();
                double[] shares = reference.shares();
                double[] edges = reference.binEdges();
                double std = reference instanceof ReferenceDistribution.Bins numeric && numeric.std() != null ? numeric.std() : Double.NaN;
                double distance = method.distance(edges, std, shares, current);
                boolean ok = distance <= threshold;
                if (detail == Detail.BASIC) {
                    return ExpectationResult.table(this, ok, distance, null);
                }
                double[] terms = method.terms(edges, shares, current);
                List<String> labels = reference.labels();
                List<DistributionBin> bins = new ArrayList<>();
                for (int i = 0; i < shares.length; i++) {
                    bins.add(new DistributionBin(labels.get(i), shares[i], current[i], terms[i]));
                }
                String note = ok ? null : "moved most: " + String.join(", ", DistributionBin.largest(bins, NAMED_BINS).stream()
                        .map(b -> String.format(java.util.Locale.ROOT, "%s %.1f%% → %.1f%%", b.bin(), 100 * b.reference(),
                                100 * b.current())).toList());
                return new ExpectationResult(this, ok, distance, 0, 0, List.of(), List.of(), Map.of(), note, bins);
            });
        }

        public Map<String, Object> toMap() {
            return map(this, "method", method.label(), "threshold", threshold, "reference", reference.toMap());
        }
    }

    private static double[] presentNumbers(Column c) {
        if (!c.type().isNumeric()) {
            return null;
        }
        return Arrays.stream(c.toDoubles()).filter(v -> !Double.isNaN(v)).toArray();
    }
}
