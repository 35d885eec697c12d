package dev.kiln.core.io;

import dev.kiln.core.frame.ColumnType;
import dev.kiln.core.frame.Frame;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;

/**
 * Reads JSON Lines (one JSON object per non-blank line, UTF-8) into a frame. Each key is a column,
 * in the order keys are first seen; a key absent from a line, or null, is a missing value. Values
 * must be numbers, strings, booleans or null. Types follow the rules of {@link CsvReader}, except
 * that a JSON string is always a string (even "12") and only null is missing: integers give LONG,
 * numbers DOUBLE, booleans BOOLEAN, and any mixture with strings or of booleans with numbers
 * gives a CATEGORICAL or TEXT column of the values' JSON text.
 */
public final class JsonlReader {
    private JsonlReader() {
    }

    /** The JSON Lines file at {@code path}. */
    public static Frame read(Path path) {
        return read(path, Map.of());
    }

    /**
     * The JSON Lines file at {@code path}, with the given columns' types forced; values are then
     * converted from their text as a CSV field would be.
     *
     * @throws DataFormatException naming the file, line and (for malformed JSON) position of the problem
     * @throws java.io.UncheckedIOException when the file is missing, a directory or unreadable
     */
    public static Frame read(Path path, Map<String, ColumnType> types) {
        return read(TextInput.of(path, StandardCharsets.UTF_8), types);
    }

    /**
     * The JSON Lines text of {@code reader}, which is read to its end and held in memory for the
     * two passes; {@code sourceName} stands for it in error messages.
     */
    public static Frame read(Reader reader, String sourceName, Map<String, ColumnType> types) {
        return read(TextInput.of(reader, sourceName), types);
    }

    private static Frame read(TextInput input, Map<String, ColumnType> types) {
        JsonlRecords first = new JsonlRecords(input.open(), null);
        ColumnPlan plan = TypeInference.run(first, () -> new JsonlRecords(input.open(), first.keys()), Map.copyOf(types));
        return new FrameChunks(new JsonlRecords(input.open(), first.keys()), plan, Integer.MAX_VALUE).rest();
    }
}
