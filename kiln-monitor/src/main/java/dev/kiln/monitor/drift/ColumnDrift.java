package dev.kiln.monitor.drift;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One column's drift verdict.
 *
 * @param column           the column's name
 * @param kind             numerical or categorical
 * @param method           the test or distance that decided
 * @param statistic        the test statistic or the distance
 * @param pValue           the p-value of a test; NaN for a distance
 * @param threshold        the significance level of a test, or the distance at which drift starts
 * @param drift            whether the column drifted
 * @param referenceSize    the reference's non-missing values
 * @param currentSize      the current data's non-missing values
 * @param missingReference missing values in the reference
 * @param missingCurrent   missing values in the current data
 * @param histogram        both distributions on the same bins, for pictures
 */
public record ColumnDrift(String column, ColumnKind kind, DriftMethod method, double statistic, double pValue,
                          double threshold, boolean drift, int referenceSize, int currentSize,
                          int missingReference, int missingCurrent, Histogram histogram) {

    /** The JSON form: snake_case keys, p_value only for tests. */
    public Map<String, Object> toMap() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("drift", drift);
        out.put("test", method.label());
        out.put("column_type", kind.label());
        out.put("statistic", statistic);
        if (method.isTest()) {
            out.put("p_value", pValue);
        }
        out.put("threshold", threshold);
        out.put("reference_count", referenceSize);
        out.put("current_count", currentSize);
        out.put("missing_reference", missingReference);
        out.put("missing_current", missingCurrent);
        return out;
    }
}
