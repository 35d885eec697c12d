package dev.kiln.core.io;

import dev.kiln.core.frame.ColumnType;

/** Wording shared by error messages about values. */
final class Values {
    private static final int SHOWN = 60;

    private Values() {
    }

    /** The value in single quotes, line breaks escaped, cut after 60 characters. */
    static String quote(char[] b, int off, int len) {
        StringBuilder sb = new StringBuilder(Math.min(len, SHOWN) + 3).append('\'');
        for (int i = 0; i < Math.min(len, SHOWN); i++) {
            char c = b[off + i];
            sb.append(c == '\n' ? "\\n" : c == '\r' ? "\\r" : String.valueOf(c));
        }
        return sb.append(len > SHOWN ? "…'" : "'").toString();
    }

    /** What a value of {@code type} must look like, e.g. "expected a number". */
    static String expected(ColumnType type) {
        return switch (type) {
            case LONG -> "expected a whole number within the range of a long";
            case DOUBLE -> "expected a number";
            case BOOLEAN -> "expected true or false";
            case CATEGORICAL, TEXT -> "expected text";
        };
    }

    /** The error for a value that is not of the column's type. */
    static DataFormatException mismatch(String source, long line, String column, int index, ColumnType type,
                                        char[] b, int off, int len) {
        return DataFormatException.inColumn(source, line, column, index, expected(type) + ", got " + quote(b, off, len));
    }
}
