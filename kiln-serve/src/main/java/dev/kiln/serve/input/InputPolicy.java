package dev.kiln.serve.input;

import java.util.Arrays;
import java.util.Locale;

/**
 * What the server does with input that breaks a rule learned in training: a number outside the
 * range its column held, or a value that fails one of the model's expectations.
 */
public enum InputPolicy {
    /** Refuse the request: 422 problem+json listing every such value. */
    REJECT,
    /** Predict, and list the values in the response's {@code warnings} (and count them in /metrics). */
    WARN,
    /** Do not check. */
    OFF;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The policy called {@code label} ({@code reject}, {@code warn}, {@code off}). */
    public static InputPolicy fromLabel(String label) {
        for (InputPolicy o : values()) {
            if (o.label().equals(label)) {
                return o;
            }
        }
        throw new IllegalArgumentException("unknown input policy '" + label + "'; expected one of "
                + Arrays.stream(values()).map(InputPolicy::label).toList());
    }
}
