package dev.kiln.core.io;

import dev.kiln.core.frame.ColumnType;
import dev.kiln.core.frame.Frame;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * Reads a tabular file in the format its extension names: {@code .csv} (comma-separated),
 * {@code .tsv} or {@code .tab} (tab-separated), {@code .jsonl} or {@code .ndjson} (JSON Lines),
 * in any case.
 */
public final class TabularFile {
    private TabularFile() {
    }

    /** The file at {@code path}, with inferred types. */
    public static Frame read(Path path) {
        return read(path, Map.of());
    }

    /**
     * The file at {@code path}, with the given columns' types forced.
     *
     * @throws IllegalArgumentException for an extension that names no known format
     * @throws java.io.UncheckedIOException when the file does not exist or is a directory
     * @throws DataFormatException for malformed content
     */
    public static Frame read(Path path, Map<String, ColumnType> types) {
        TextInput.checkReadable(path);
        String name = path.getFileName() == null ? "" : path.getFileName().toString().toLowerCase(Locale.ROOT);
        String extension = name.lastIndexOf('.') < 0 ? "" : name.substring(name.lastIndexOf('.'));
        return switch (extension) {
            case ".csv" -> CsvReader.read(path, CsvOptions.defaults().withTypes(types));
            case ".tsv", ".tab" -> CsvReader.read(path, CsvOptions.tsv().withTypes(types));
            case ".jsonl", ".ndjson" -> JsonlReader.read(path, types);
            default -> throw new IllegalArgumentException("cannot tell the format of " + path + " from "
                    + (extension.isEmpty() ? "its name, which has no extension" : "its extension '" + extension + "'")
                    + "; expected .csv, .tsv, .tab, .jsonl or .ndjson");
        };
    }
}
