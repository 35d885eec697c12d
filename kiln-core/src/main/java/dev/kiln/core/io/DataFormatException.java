package dev.kiln.core.io;

import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * Data in a file or stream that does not have the expected form. The message reads
 * {@code source:line[:position]: [column 'name': ]detail}, e.g.
 * {@code data.csv:812: column 'age': expected a number, got 'abc'}.
 */
public final class DataFormatException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String source;
    private final long line;
    private final int position;
    private final String column;
    private final int columnIndex;
    private final String detail;

    private DataFormatException(String source, long line, int position, String column, int columnIndex,
                                String detail) {
        super(format(source, line, position, column, detail));
        this.source = source;
        this.line = line;
        this.position = position;
        this.column = column;
        this.columnIndex = columnIndex;
        this.detail = detail;
    }

    /** A problem with the source as a whole, not tied to a line. */
    public static DataFormatException of(String source, String detail) {
        return new DataFormatException(source, 0, 0, null, -1, detail);
    }

    /** A problem on a 1-based physical line. */
    public static DataFormatException atLine(String source, long line, String detail) {
        return new DataFormatException(source, line, 0, null, -1, detail);
    }

    /** A problem at a 1-based character position within a 1-based physical line. */
    public static DataFormatException atPosition(String source, long line, int position, String detail) {
        return new DataFormatException(source, line, position, null, -1, detail);
    }

    /** A problem with the value of one column (0-based {@code columnIndex}) on a line. */
    public static DataFormatException inColumn(String source, long line, String column, int columnIndex, String detail) {
        return new DataFormatException(source, line, 0, column, columnIndex, detail);
    }

    /** The file path or the name given for the stream. */
    public String source() {
        return source;
    }

    /** The 1-based physical line, where the problem is tied to one. */
    public OptionalLong line() {
        return line > 0 ? OptionalLong.of(line) : OptionalLong.empty();
    }

    /** The 1-based character position within the line, where known. */
    public OptionalInt position() {
        return position > 0 ? OptionalInt.of(position) : OptionalInt.empty();
    }

    /** The name of the column the bad value belongs to, where known. */
    public Optional<String> column() {
        return Optional.ofNullable(column);
    }

    /** The 0-based position of that column among the data's columns, where known. */
    public OptionalInt columnIndex() {
        return columnIndex >= 0 ? OptionalInt.of(columnIndex) : OptionalInt.empty();
    }

    /** What was expected and what was found, without the location. */
    public String detail() {
        return detail;
    }

    private static String format(String source, long line, int position, String column, String detail) {
        StringBuilder sb = new StringBuilder(source);
        if (line > 0) {
            sb.append(':').append(line);
            if (position > 0) {
                sb.append(':').append(position);
            }
        }
        sb.append(": ");
        if (column != null) {
            sb.append("column '").append(column).append("': ");
        }
        return sb.append(detail).toString();
    }
}
