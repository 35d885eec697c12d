package dev.kiln.core.io;

import dev.kiln.core.frame.Column;
import dev.kiln.core.frame.ColumnType;
import dev.kiln.core.frame.DoubleColumn;
import dev.kiln.core.frame.Frame;
import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * Writes frames as RFC 4180 CSV: CRLF line ends, a header line (unless the options say none),
 * fields quoted only when needed. A missing value is an empty field; doubles are written as Java's
 * shortest exact form ({@code 0.1}, {@code 1.0E-7}, {@code -0.0}, {@code Infinity}) and read back as
 * the same double. A string that is empty, equals a missing marker or starts with the comment prefix
 * is quoted, so it reads back as itself with {@code quotedMarkersAreMissing(false)}. In a frame of
 * one column, where an empty field would make a blank line (which readers skip), a missing value is
 * written as the marker {@code NA}, or the first other marker that needs no quotes, or else {@code ""}.
 */
public final class CsvWriter {
    private static final String NEWLINE = "\r\n";

    private CsvWriter() {
    }

    /** Writes {@code frame} to {@code path} with {@link CsvOptions#defaults()}. */
    public static void write(Frame frame, Path path) {
        write(frame, path, CsvOptions.defaults());
    }

    /**
     * Writes {@code frame} to {@code path} atomically: into a temporary file beside it, synced to
     * disk, then moved over {@code path}. If anything fails, {@code path} is left as it was.
     *
     * @throws UncheckedIOException when the file cannot be written, or a value cannot be encoded in the charset
     */
    public static void write(Frame frame, Path path, CsvOptions options) {
        try {
            AtomicWrite.file(path, stream -> {
                Writer out = new BufferedWriter(new OutputStreamWriter(stream, options.charset().newEncoder()), 1 << 16);
                write(frame, out, options);
                out.flush();
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + path + ": " + e, e);
        }
    }

    /** Writes {@code frame} to {@code out} (not closed; flushed by the caller). */
    public static void write(Frame frame, Writer out, CsvOptions options) throws IOException {
        Quoting quoting = new Quoting(options);
        int p = frame.columnCount();
        if (p == 0) {
            return;
        }
        if (options.header()) {
            for (int j = 0; j < p; j++) {
                if (j > 0) {
                    out.write(options.delimiter());
                }
                quoting.write(out, frame.column(j).name(), false);
            }
            out.write(NEWLINE);
        }
        String missing = p == 1 ? quoting.missingOnItsOwn(options) : "";
        for (int i = 0; i < frame.rowCount(); i++) {
            for (int j = 0; j < p; j++) {
                if (j > 0) {
                    out.write(options.delimiter());
                }
                Column c = frame.column(j);
                if (c.isMissing(i)) {
                    out.write(missing);
                } else if (c instanceof DoubleColumn d) {
                    out.write(Double.toString(d.get(i)));
                } else {
                    boolean string = c.type() == ColumnType.CATEGORICAL || c.type() == ColumnType.TEXT;
                    quoting.write(out, c.text(i), string);
                }
            }
            out.write(NEWLINE);
        }
    }

    /** Decides which fields need quotes and writes them. */
    private static final class Quoting {
        private final char delimiter;
        private final char quote;
        private final MissingMarkers markers;
        private final String commentPrefix;

        Quoting(CsvOptions options) {
            delimiter = options.delimiter();
            quote = options.quote();
            markers = new MissingMarkers(options.missingMarkers());
            commentPrefix = options.commentPrefix();
        }

        void write(Writer out, String s, boolean string) throws IOException {
            if (!needsQuotes(s, string)) {
                out.write(s);
                return;
            }
            out.write(quote);
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                if (c == quote) {
                    out.write(quote);
                }
                out.write(c);
            }
            out.write(quote);
        }

        /** How to write a missing value that is alone on its line. */
        String missingOnItsOwn(CsvOptions options) {
            return Stream.concat(Stream.of("NA").filter(options.missingMarkers()::contains), options.missingMarkers().stream())
                    .filter(m -> !m.isEmpty() && !needsQuotes(m, false))
                    .findFirst()
                    .orElse("" + quote + quote);
        }

        private boolean needsQuotes(String s, boolean string) {
            if (string && (s.isEmpty() || markers.matches(s))) {
                return true;
            }
            if (commentPrefix != null && s.startsWith(commentPrefix)) {
                return true;
            }
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                if (c == delimiter || c == quote || c == '\n' || c == '\r') {
                    return true;
                }
            }
            return s.startsWith("\uFEFF");
        }
    }
}
