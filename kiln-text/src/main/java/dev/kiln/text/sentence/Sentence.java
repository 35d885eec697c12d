package dev.kiln.text.sentence;

/**
 * One sentence of a text, without the spaces around it: {@code text.substring(start, end)} of
 * the input is {@code text}.
 *
 * @param text  the sentence, non-empty
 * @param start the index of its first char in the input
 * @param end   the index just past its last char, greater than {@code start}
 */
public record Sentence(String text, int start, int end) {
    public Sentence {
        if (text == null || text.isEmpty()) {
            throw new IllegalArgumentException("a sentence needs non-empty text, got " + (text == null ? "null" : "\"\""));
        }
        if (start < 0 || end - start != text.length()) {
            throw new IllegalArgumentException("a sentence's offsets need 0 <= start and end - start = its length "
                    + text.length() + ", got start " + start + " and end " + end);
        }
    }
}
