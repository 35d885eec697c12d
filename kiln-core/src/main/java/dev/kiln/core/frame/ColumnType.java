package dev.kiln.core.frame;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** The kind of values a {@link Column} holds. */
public enum ColumnType {
    /** 64-bit floating point; missing values are NaN. */
    DOUBLE,
    /** 64-bit integers. */
    LONG,
    /** true / false. */
    BOOLEAN,
    /** Strings from a small set of levels (e.g. "red", "green"), stored as integer codes. */
    CATEGORICAL,
    /** Free text, one string per row. */
    TEXT;

    /** Whether values convert to numbers without encoding (booleans become 1 and 0). */
    public boolean isNumeric() {
        return this == DOUBLE || this == LONG || this == BOOLEAN;
    }

    /** The lower-case name used in files and on the command line. */
    @JsonValue
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** The type named by {@link #label()} (case-insensitive); lists the valid names otherwise. */
    @JsonCreator
    public static ColumnType fromLabel(String label) {
        for (ColumnType t : values()) {
            if (t.label().equalsIgnoreCase(label.trim())) {
                return t;
            }
        }
        throw new IllegalArgumentException("unknown column type '" + label + "'; expected one of: double, long, boolean, categorical, text");
    }
}
