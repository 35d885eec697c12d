package dev.kiln.core.io;

import java.io.Closeable;
import java.util.Arrays;
import java.util.List;

/**
 * Splits delimited text into records of fields (RFC 4180). Quoted fields may hold delimiters,
 * doubled quotes and line breaks; records end at LF, CR or CRLF; blank lines, comment lines and a
 * leading byte-order mark are skipped. A quote inside an unquoted field is taken literally.
 *
 * <p>After {@link #next()}, field {@code i} is {@code buffer()[start(i), end(i))}, unquoted and
 * unescaped in place; it stays valid until the next call.
 */
final class CsvTokenizer implements Closeable {
    private final CharWindow in;
    private final char delimiter;
    private final char quote;
    private final char[] comment;
    private char[] buf;
    private int limit;
    private int pos;
    private int recordStart;
    private long line = 1;
    private long recordLine;
    private boolean atStart = true;
    private boolean skippedLines;
    private int count;
    private int[] starts = new int[16];
    private int[] ends = new int[16];
    private long[] lines = new long[16];
    private boolean[] quoted = new boolean[16];
    private List<String> names;

    CsvTokenizer(CharWindow in, char delimiter, char quote, String commentPrefix) {
        this.in = in;
        this.delimiter = delimiter;
        this.quote = quote;
        this.comment = commentPrefix == null ? null : commentPrefix.toCharArray();
        this.buf = in.buf;
    }

    /** Names the columns in later error messages. */
    void columnNames(List<String> names) {
        this.names = names;
    }

    /** Moves to the next record; false at the end of the input. */
    boolean next() {
        count = 0;
        while (true) {
            recordStart = pos;
            if (pos >= limit && !more()) {
                return false;
            }
            char c = buf[pos];
            if (atStart) {
                atStart = false;
                if (c == '\uFEFF') {
                    pos++;
                    continue;
                }
            }
            if (c == '\n' || c == '\r') {
                endLine(c);
                skippedLines = true;
            } else if (comment != null && atComment()) {
                skipLine();
                skippedLines = true;
            } else {
                recordLine = line;
                readRecord();
                return true;
            }
        }
    }

    /** Whether blank or comment lines have been skipped so far. */
    boolean skippedLines() {
        return skippedLines;
    }

    int count() {
        return count;
    }

    char[] buffer() {
        return buf;
    }

    int start(int field) {
        return starts[field];
    }

    int end(int field) {
        return ends[field];
    }

    int length(int field) {
        return ends[field] - starts[field];
    }

    boolean isQuoted(int field) {
        return quoted[field];
    }

    /** The physical line on which the field starts. */
    long line(int field) {
        return lines[field];
    }

    /** The physical line on which the current record starts. */
    long recordLine() {
        return recordLine;
    }

    String text(int field) {
        return new String(buf, starts[field], ends[field] - starts[field]);
    }

    String source() {
        return in.source();
    }

    private void readRecord() {
        while (true) {
            int f = beginField();
            if ((pos < limit || more()) && buf[pos] == quote) {
                readQuoted(f);
            } else {
                readUnquoted(f);
            }
            if (pos >= limit && !more()) {
                return;
            }
            char c = buf[pos];
            if (c == delimiter) {
                pos++;
            } else {
                endLine(c);
                return;
            }
        }
    }

    private int beginField() {
        if (count == starts.length) {
            int n = count * 2;
            starts = Arrays.copyOf(starts, n);
            ends = Arrays.copyOf(ends, n);
            lines = Arrays.copyOf(lines, n);
            quoted = Arrays.copyOf(quoted, n);
        }
        lines[count] = line;
        starts[count] = pos;
        ends[count] = pos;
        quoted[count] = false;
        return count++;
    }

    private void readUnquoted(int f) {
        int p = pos;
        while (true) {
            char[] b = buf;
            int lim = limit;
            while (p < lim) {
                char c = b[p];
                if (c == delimiter || c == '\n' || c == '\r') {
                    pos = p;
                    ends[f] = p;
                    return;
                }
                p++;
            }
            pos = p;
            ends[f] = p;
            if (!more()) {
                return;
            }
            p = pos;
        }
    }

    /** Unescapes the field in place: its text is written over the opening quote onwards. */
    private void readQuoted(int f) {
        quoted[f] = true;
        int w = pos;
        int r = pos + 1;
        boolean afterCr = false;
        char[] b = buf;
        int lim = limit;
        while (true) {
            if (r + 1 >= lim) {
                ends[f] = w;
                pos = r;
                boolean more = more();
                w = ends[f];
                r = pos;
                b = buf;
                lim = limit;
                if (more) {
                    continue;
                }
                if (r >= lim) {
                    throw fieldError(f, lines[f], "the quoted field starting on this line is never closed: expected a "
                            + "closing quote before the end of the input");
                }
                if (b[r] == quote) {
                    pos = r + 1;
                    ends[f] = w;
                    return;
                }
            }
            char c = b[r];
            if (c == quote) {
                if (b[r + 1] == quote) {
                    b[w++] = quote;
                    r += 2;
                    afterCr = false;
                    continue;
                }
                pos = r + 1;
                ends[f] = w;
                char next = buf[pos];
                if (next != delimiter && next != '\n' && next != '\r') {
                    throw fieldError(f, line, "expected a delimiter or the end of the line after the closing quote, got '"
                            + next + "'");
                }
                return;
            }
            if (c == '\r') {
                line++;
                afterCr = true;
            } else {
                if (c == '\n' && !afterCr) {
                    line++;
                }
                afterCr = false;
            }
            b[w++] = c;
            r++;
        }
    }

    private void endLine(char c) {
        pos++;
        line++;
        if (c == '\r' && (pos < limit || more()) && buf[pos] == '\n') {
            pos++;
        }
    }

    private boolean atComment() {
        while (limit - pos < comment.length) {
            if (!more()) {
                return false;
            }
        }
        for (int i = 0; i < comment.length; i++) {
            if (buf[pos + i] != comment[i]) {
                return false;
            }
        }
        return true;
    }

    private void skipLine() {
        while (pos < limit || more()) {
            char c = buf[pos];
            if (c == '\n' || c == '\r') {
                endLine(c);
                return;
            }
            pos++;
            recordStart = pos;
        }
    }

    /** Reads more input, keeping the current record; false at the end of the input. */
    private boolean more() {
        boolean read = in.fill(recordStart, line);
        int s = in.shift();
        buf = in.buf;
        limit = in.limit;
        if (s != 0) {
            pos -= s;
            recordStart -= s;
            for (int i = 0; i < count; i++) {
                starts[i] -= s;
                ends[i] -= s;
            }
        }
        return read;
    }

    private DataFormatException fieldError(int f, long atLine, String detail) {
        if (names != null && f < names.size()) {
            return DataFormatException.inColumn(in.source(), atLine, names.get(f), f, detail);
        }
        return DataFormatException.atLine(in.source(), atLine, "field " + (f + 1) + ": " + detail);
    }

    @Override
    public void close() {
        in.close();
    }
}
