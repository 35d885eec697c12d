package dev.kiln.rag.chunk;

import java.util.List;
import java.util.Objects;

/**
 * A piece of a document sized for retrieval: its id ({@code documentId#n}), the document it came
 * from (id, title, source), the headings above it (outermost first), and its character range
 * [{@code start}, {@code end}) in the document's text, whose content {@code text} is.
 */
public record Chunk(String id, String documentId, String title, String source, List<String> headingPath, int start, int end,
                    String text) {
    public Chunk {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(documentId, "documentId");
        Objects.requireNonNull(text, "text");
        headingPath = List.copyOf(headingPath == null ? List.of() : headingPath);
        if (start < 0 || end < start) {
            throw new IllegalArgumentException("chunk '" + id + "': bad range [" + start + ", " + end + ")");
        }
    }
}
