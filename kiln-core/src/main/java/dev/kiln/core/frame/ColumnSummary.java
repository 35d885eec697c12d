package dev.kiln.core.frame;

import java.util.List;
import java.util.Objects;

/**
 * What one column of a frame holds, as {@link Frame#describe()} reports it. Numeric columns (DOUBLE
 * and LONG) have {@code mean} to {@code max} and null frequency fields; categorical, text and
 * boolean columns have {@code unique}, {@code top}, {@code topCount} and {@code topValues} and null
 * numeric fields. A statistic with no values to summarize is NaN (std needs two), as in pandas.
 *
 * @param count     how many values are present
 * @param missing   how many are missing
 * @param std       the sample standard deviation (divisor n - 1)
 * @param p25       the 25th percentile, interpolated linearly between the two nearest values (as numpy and pandas)
 * @param unique    how many distinct values are present
 * @param top       the most frequent value (the first seen among equally frequent ones); null when there is none
 * @param topCount  how often {@code top} appears
 * @param topValues the five most frequent values, most frequent first
 */
public record ColumnSummary(String name, ColumnType type, int count, int missing,
                            Double mean, Double std, Double min, Double p25, Double p50, Double p75, Double max,
                            Integer unique, String top, Integer topCount, List<ValueCount> topValues) {

    /** A value and how many rows hold it. */
    public record ValueCount(String value, int count) {
        public ValueCount {
            Objects.requireNonNull(value, "value");
        }
    }

    public ColumnSummary {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        topValues = List.copyOf(topValues);
    }

    /** Whether the numeric fields, rather than the frequency fields, are filled in. */
    public boolean isNumeric() {
        return type == ColumnType.DOUBLE || type == ColumnType.LONG;
    }
}
