package dev.kiln.serve.input;

import java.util.Arrays;
import java.util.Locale;

/** What the server does with a number outside the range its column held in training. */
public enum OutOfRange {
    /** Refuse the request: 422 problem+json listing every such number. */
    REJECT,
    /** Predict, and list the numbers in the response's {@code warnings} (and count them in /metrics). */
    WARN,
    /** Do not check. */
    OFF;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The policy called {@code label} ({@code reject}, {@code warn}, {@code off}). */
    public static OutOfRange fromLabel(String label) {
        for (OutOfRange o : values()) {
            if (o.label().equals(label)) {
                return o;
            }
        }
        throw new IllegalArgumentException("unknown out-of-range policy '" + label + "'; expected one of "
                + Arrays.stream(values()).map(OutOfRange::label).toList());
    }
}
