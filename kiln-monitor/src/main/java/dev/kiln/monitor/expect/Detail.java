package dev.kiln.monitor.expect;

/**
 * How much a validation result says about the rows that failed, after Great Expectations'
 * result formats: {@code BASIC} counts them and lists up to 20 offending values,
 * {@code SUMMARY} adds their row numbers and the most frequent offending values, {@code COMPLETE}
 * lists every offending row and value.
 */
public enum Detail {
    BASIC, SUMMARY, COMPLETE;

    static final int PARTIAL = 20;

    /** How many offending rows to keep. */
    int rowLimit() {
        return this == COMPLETE ? Integer.MAX_VALUE : PARTIAL;
    }
}
