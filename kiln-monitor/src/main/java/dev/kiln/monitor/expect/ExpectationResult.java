package dev.kiln.monitor.expect;

import java.util.List;
import java.util.Map;

/**
 * The outcome of one expectation on one data set.
 *
 * @param expectation      what was expected
 * @param success          whether it held
 * @param observed         the observed value that decided it (a fraction, a count, a mean, a type, a column list), or null
 * @param elementCount     rows examined (present values for column checks), 0 for table-level checks
 * @param unexpectedCount  rows that broke the expectation
 * @param unexpectedRows   0-based row indices of offending rows (empty at {@link Detail#BASIC}; at most 20 but at {@link Detail#COMPLETE})
 * @param unexpectedValues offending values, in row order (at most 20 but at {@link Detail#COMPLETE})
 * @param unexpectedCounts the most frequent offending values with their counts, largest first (at {@link Detail#SUMMARY} and above)
 * @param note             why it failed when no row is to blame (a missing column), or null
 * @param bins             for distribution expectations, every bin's reference and current share, in bin order
 *                         (empty at {@link Detail#BASIC} and for other expectations)
 */
public record ExpectationResult(Expectation expectation, boolean success, Object observed, long elementCount,
                                long unexpectedCount, List<Integer> unexpectedRows, List<String> unexpectedValues,
                                Map<String, Long> unexpectedCounts, String note, List<DistributionBin> bins) {

    public ExpectationResult {
        bins = List.copyOf(bins);
        unexpectedRows = List.copyOf(unexpectedRows);
        unexpectedValues = List.copyOf(unexpectedValues);
        unexpectedCounts = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(unexpectedCounts));
    }

    /** unexpected / examined, in percent; 0 when nothing was examined. */
    public double unexpectedPercent() {
        return elementCount == 0 ? 0 : 100.0 * unexpectedCount / elementCount;
    }

    /** The {@code n} bins that contributed most to a distribution's distance, largest first. */
    public List<DistributionBin> movedMost(int n) {
        return DistributionBin.largest(bins, n);
    }

    static ExpectationResult table(Expectation e, boolean success, Object observed, String note) {
        return new ExpectationResult(e, success, observed, 0, 0, List.of(), List.of(), Map.of(), note, List.of());
    }
}
