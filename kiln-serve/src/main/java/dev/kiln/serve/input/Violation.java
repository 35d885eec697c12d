package dev.kiln.serve.input;

/** One value a request got wrong: its JSON pointer (RFC 6901) and what was expected. */
public record Violation(String pointer, String message) {
}
