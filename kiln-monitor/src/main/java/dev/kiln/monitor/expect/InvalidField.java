package dev.kiln.monitor.expect;

/** An invalid argument that knows which field it is about, as a JSON pointer relative to the object checked. */
final class InvalidField extends IllegalArgumentException {
    private final String pointer;

    InvalidField(String pointer, String message) {
        super(message);
        this.pointer = pointer;
    }

    /** {@code key} as one JSON pointer token (RFC 6901: ~ as ~0, / as ~1). */
    static String token(String key) {
        return key.replace("~", "~0").replace("/", "~1");
    }

    /** Where the problem is, e.g. {@code /edges/3}. */
    String pointer() {
        return pointer;
    }
}
