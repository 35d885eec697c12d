package dev.kiln.rag.ingest;

import java.util.List;
import java.util.Objects;

/**
 * One ingested document: its id (what citations and evaluation refer to), title, source path,
 * plain text, and the headings found in it, each at a character offset of {@code text}.
 */
public record Document(String id, String title, String source, String text, List<Heading> headings) {
    public Document {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(text, "text");
        title = title == null ? "" : title;
        source = source == null ? "" : source;
        headings = List.copyOf(headings == null ? List.of() : headings);
        for (Heading h : headings) {
            if (h.offset() < 0 || h.offset() > text.length()) {
                throw new IllegalArgumentException("document '" + id + "': heading '" + h.title() + "' at offset " + h.offset()
                        + " lies outside its " + text.length() + " characters");
            }
        }
    }

    /** A section heading: its level (1 = top), its title, and where its section starts in the text. */
    public record Heading(int level, String title, int offset) {
        public Heading {
            if (level < 1) {
                throw new IllegalArgumentException("heading level must be >= 1, got " + level);
            }
            Objects.requireNonNull(title, "title");
        }
    }
}
