package dev.kiln.core.io;

import dev.kiln.core.frame.Frame;
import java.io.Reader;
import java.nio.file.Path;

/**
 * Reads delimited text (RFC 4180 CSV, TSV) into frames. Reading takes two passes: the first
 * infers each column's type from all rows, the second parses values straight into typed columns,
 * so memory holds the typed columns rather than strings.
 *
 * <p>Types: a column is LONG when every present value is a whole number within the range of a long,
 * DOUBLE when every value is a number (with fraction or exponent, {@code inf}, {@code infinity},
 * {@code nan}, any case) or no value is present, BOOLEAN when every value is {@code true} or
 * {@code false} (any case); numbers and booleans may have surrounding spaces. Other columns hold
 * strings, taken as they are: TEXT when they have more than 10,000 distinct values, or more than 50
 * distinct values making up more than half of the present values, or average more than 40
 * characters; CATEGORICAL otherwise. {@link CsvOptions#types()} forces types instead.
 */
public final class CsvReader {
    private CsvReader() {
    }

    /** The comma-separated file at {@code path}, read with {@link CsvOptions#defaults()}. */
    public static Frame read(Path path) {
        return read(path, CsvOptions.defaults());
    }

    /**
     * The file at {@code path}.
     *
     * @throws DataFormatException naming the file, line and column of anything malformed
     * @throws java.io.UncheckedIOException when the file is missing, a directory or unreadable
     */
    public static Frame read(Path path, CsvOptions options) {
        return chunks(TextInput.of(path, options.charset()), options, Integer.MAX_VALUE).rest();
    }

    /**
     * The text of {@code reader}, which is read to its end and held in memory for the two passes;
     * {@code sourceName} stands for it in error messages. The charset option does not apply.
     */
    public static Frame read(Reader reader, String sourceName, CsvOptions options) {
        return chunks(TextInput.of(reader, sourceName), options, Integer.MAX_VALUE).rest();
    }

    /**
     * The file at {@code path} as frames of at most {@code rowsPerChunk} rows, for files too large
     * to hold as one frame. The types are inferred from the whole file before the first chunk.
     * Close the result (try-with-resources) to release the file early.
     */
    public static FrameChunks chunks(Path path, CsvOptions options, int rowsPerChunk) {
        return chunks(TextInput.of(path, options.charset()), options, rowsPerChunk);
    }

    private static FrameChunks chunks(TextInput input, CsvOptions options, int rowsPerChunk) {
        if (rowsPerChunk < 1) {
            throw new IllegalArgumentException("rows per chunk must be at least 1, got " + rowsPerChunk);
        }
        ColumnPlan plan = TypeInference.run(new CsvRecords(input.open(), options), () -> new CsvRecords(input.open(), options),
                options.types());
        return new FrameChunks(new CsvRecords(input.open(), options), plan, rowsPerChunk);
    }
}
