package dev.kiln.monitor.profile;

import dev.kiln.core.frame.ColumnType;
import dev.kiln.monitor.experiment.Moments;

import java.util.Map;
import java.util.Objects;

/**
 * What one column of a data set looks like, from one pass: type, row and missing counts;
 * for numbers min/max/mean/std, a KLL quantile sketch and the histogram it implies; for every
 * type a HyperLogLog distinct count; for categories, booleans and text the most frequent
 * values, string lengths and value patterns. Immutable: it owns private copies of its sketches,
 * and {@link #merge} returns a new profile.
 */
public final class ColumnProfile {
    private final String name;
    private final ColumnType type;
    private final long count;
    private final long missing;
    private final Moments moments;
    private final QuantileSketch quantiles;
    private final DistinctCountSketch distinct;
    private final FrequentItems values;
    private final Moments lengths;
    private final FrequentItems patterns;

    ColumnProfile(String name, ColumnType type, long count, long missing, Moments moments, QuantileSketch quantiles,
                  DistinctCountSketch distinct, FrequentItems values, Moments lengths, FrequentItems patterns) {
        this.name = Objects.requireNonNull(name, "name");
        this.type = Objects.requireNonNull(type, "type");
        if (count < 0 || missing < 0 || missing > count) {
            throw new IllegalArgumentException("column '" + name + "': need 0 <= missing <= count, got "
                    + missing + " of " + count);
        }
        this.count = count;
        this.missing = missing;
        this.moments = moments;
        this.quantiles = quantiles;
        this.distinct = Objects.requireNonNull(distinct, "distinct");
        this.values = values;
        this.lengths = lengths;
        this.patterns = patterns;
        if (type.isNumeric() != (quantiles != null && moments != null)) {
            throw new IllegalArgumentException("column '" + name + "': numeric columns, and only they, have moments and quantiles");
        }
        if ((type == ColumnType.CATEGORICAL || type == ColumnType.TEXT || type == ColumnType.BOOLEAN) != (values != null)) {
            throw new IllegalArgumentException("column '" + name + "': categorical, boolean and text columns, and only they, have value counts");
        }
    }

    public String name() {
        return name;
    }

    public ColumnType type() {
        return type;
    }

    /** Rows, missing ones included. */
    public long count() {
        return count;
    }

    public long missing() {
        return missing;
    }

    /** missing / count; 0 for an empty column. */
    public double missingRate() {
        return count == 0 ? 0 : (double) missing / count;
    }

    public boolean isNumeric() {
        return type.isNumeric();
    }

    public double min() {
        return numeric().min();
    }

    public double max() {
        return numeric().max();
    }

    public double mean() {
        checkNumeric();
        return moments.count() == 0 ? Double.NaN : moments.mean();
    }

    /** The sample standard deviation (n − 1). */
    public double std() {
        checkNumeric();
        return moments.count() < 2 ? Double.NaN : Math.sqrt(moments.variance());
    }

    /** The approximate q-quantile of the present values (KLL, rank error about 1.3%). */
    public double quantile(double q) {
        return numeric().quantile(q);
    }

    /** The approximate fraction of present values ≤ x. */
    public double cdf(double x) {
        return numeric().cdf(x);
    }

    /** Approximate counts in {@code bins} equal-width bins between min and max, from the quantile sketch. */
    public Histogram histogram(int bins) {
        QuantileSketch sketch = numeric();
        return Histogram.fromSketch(sketch, bins);
    }

    /** The estimated number of distinct present values. */
    public double distinctCount() {
        return distinct.estimate();
    }

    /** The {@code n} most frequent values with their counts (categorical, boolean and text columns). */
    public Map<String, Long> topValues(int n) {
        if (values == null) {
            throw new IllegalStateException("column '" + name + "' is " + type.label() + ": it has no value counts");
        }
        return values.top(n);
    }

    /** Whether {@link #topValues} counts are exact (the column has at most the summary's capacity of distinct values). */
    public boolean valueCountsExact() {
        return values != null && values.exact();
    }

    /** Lengths of the present strings (categorical and text columns), or null. */
    public Moments lengths() {
        return lengths;
    }

    /** The {@code n} most frequent value patterns (see {@link ValuePattern}), or an empty map for numeric columns. */
    public Map<String, Long> topPatterns(int n) {
        return patterns == null ? Map.of() : patterns.top(n);
    }

    /** The profile of this column's rows and {@code other}'s together; names and types must agree. */
    public ColumnProfile merge(ColumnProfile other) {
        if (!other.name.equals(name) || other.type != type) {
            throw new IllegalArgumentException("cannot merge column '" + other.name + "' (" + other.type.label()
                    + ") into '" + name + "' (" + type.label() + ")");
        }
        QuantileSketch q = quantiles == null ? null : Copies.of(quantiles);
        if (q != null) {
            q.merge(other.quantiles);
        }
        DistinctCountSketch d = Copies.of(distinct);
        d.merge(other.distinct);
        FrequentItems v = values == null ? null : Copies.of(values);
        if (v != null) {
            v.merge(other.values);
        }
        FrequentItems p = patterns == null ? null : Copies.of(patterns);
        if (p != null) {
            p.merge(other.patterns);
        }
        return new ColumnProfile(name, type, count + other.count, missing + other.missing,
                moments == null ? null : moments.merge(other.moments), q, d, v,
                lengths == null ? null : lengths.merge(other.lengths), p);
    }

    QuantileSketch quantileSketch() {
        return quantiles;
    }

    DistinctCountSketch distinctSketch() {
        return distinct;
    }

    FrequentItems valueSummary() {
        return values;
    }

    FrequentItems patternSummary() {
        return patterns;
    }

    Moments moments() {
        return moments;
    }

    private QuantileSketch numeric() {
        checkNumeric();
        return quantiles;
    }

    private void checkNumeric() {
        if (quantiles == null) {
            throw new IllegalStateException("column '" + name + "' is " + type.label() + ", not numeric");
        }
    }
}
