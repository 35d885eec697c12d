package dev.kiln.search.index;

import java.util.Map;
import java.util.Objects;

/**
 * One unit of retrieval: an id unique within its index, the text that is embedded and keyword
 * indexed, and string metadata that searches can filter on (e.g. {@code source}, {@code doc}).
 */
public record Passage(String id, String text, Map<String, String> metadata) {
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
}
