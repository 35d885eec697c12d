package dev.kiln.monitor.drift;

import dev.kiln.core.frame.ColumnType;

/**
 * How a drift test sees a column, as Evidently's feature types do: numerical ({@code num}:
 * doubles, longs and booleans) or categorical ({@code cat}: categorical and text columns, whose
 * values are compared as labels).
 */
public enum ColumnKind {
    NUMERICAL("num"),
    CATEGORICAL("cat");

    private final String label;

    ColumnKind(String label) {
        this.label = label;
    }

    /** "num" or "cat", as in Evidently's reports. */
    public String label() {
        return label;
    }

    static ColumnKind of(ColumnType type) {
        return type.isNumeric() ? NUMERICAL : CATEGORICAL;
    }
}
