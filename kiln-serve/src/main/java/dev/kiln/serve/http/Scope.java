package dev.kiln.serve.http;

import java.util.Locale;
import java.util.Optional;

/** What an API key may do: {@code read} models and metadata, {@code predict} with them, {@code admin}ister the registry. */
public enum Scope {
    READ, PREDICT, ADMIN;

    /** The scope as written in key files: its name in lower case. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The scope labelled {@code label} ({@code read}, {@code predict} or {@code admin}), if any. */
    public static Optional<Scope> parse(String label) {
        for (Scope s : values()) {
            if (s.label().equals(label)) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }
}
