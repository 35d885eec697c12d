package dev.kiln.text.token;

/**
 * One token of a text: its text (lower-cased or accent-folded when the tokenizer was asked to),
 * its kind, and where it came from: {@code text.substring(start, end)} of the input is the
 * token as written.
 *
 * @param text  the token's text, non-empty
 * @param kind  what the token is
 * @param start the index of its first char in the input
 * @param end   the index just past its last char, greater than {@code start}
 */
public record Token(String text, TokenKind kind, int start, int end) {
    public Token {
        if (text == null || text.isEmpty()) {
            throw new IllegalArgumentException("a token needs non-empty text, got " + (text == null ? "null" : "\"\""));
        }
        if (kind == null) {
            throw new IllegalArgumentException("a token needs a kind, got null for \"" + text + "\"");
        }
        if (start < 0 || end <= start) {
            throw new IllegalArgumentException("a token's offsets need 0 <= start < end, got start " + start + " and end " + end
                    + " for \"" + text + "\"");
        }
    }
}
