package dev.kiln.rag.generate;

import java.util.Objects;

/**
 * A retrieved passage offered to a {@link Generator} as evidence, numbered from 1 as it is shown
 * to the model and cited in answers ("[2]").
 */
public record Source(int number, String chunkId, String documentId, String title, String location, String text, double score) {
    public Source {
        if (number < 1) {
            throw new IllegalArgumentException("source numbers start at 1, got " + number);
        }
        Objects.requireNonNull(chunkId, "chunkId");
        Objects.requireNonNull(documentId, "documentId");
        Objects.requireNonNull(text, "text");
        title = title == null ? "" : title;
        location = location == null ? "" : location;
    }
}
