package dev.kiln.search.index;

import java.util.Map;
import java.util.Objects;

/**
 * One unit of retrieval: an id unique within its index, its text, and string metadata that
 * searches can filter on (e.g. {@code source}, {@code doc}). A {@code title} in the metadata is
 * searched with the text — keyword indexed and embedded before it — but not part of it, so answers
 * can quote the text alone.
 */
public record Passage(String id, String text, Map<String, String> metadata) {
    /** The metadata key of a passage's title. */
    public static final String TITLE = "title";

    public Passage {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(text, "text");
        if (id.isBlank()) {
            throw new IllegalArgumentException("a passage id must not be blank");
        }
        metadata = Map.copyOf(metadata == null ? Map.of() : metadata);
        for (String key : metadata.keySet()) {
            if (!MetadataFilter.KEY.matcher(key).matches()) {
                throw new IllegalArgumentException("passage '" + id + "': metadata key '" + key
                        + "' must be letters, digits, '_', '-' or '.'");
            }
        }
    }

    public Passage(String id, String text) {
        this(id, text, Map.of());
    }

    /** The title, or "" when there is none. */
    public String title() {
        return metadata.getOrDefault(TITLE, "");
    }

    /** What is embedded for the passage: its title and text, or the text alone. */
    public String embeddingText() {
        String title = title().strip();
        return title.isEmpty() ? text : text.isBlank() ? title : title + "\n\n" + text;
    }
}
