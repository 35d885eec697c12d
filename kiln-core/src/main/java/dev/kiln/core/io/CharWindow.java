package dev.kiln.core.io;

import java.io.Closeable;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.Arrays;

/**
 * A growable window of characters over a {@link Reader}: {@code buf[0, limit)} holds input not yet
 * discarded. {@link #fill(int, long)} drops what its caller no longer needs, moves the rest to the
 * front and appends more; {@link #shift()} says how far the kept characters moved.
 */
final class CharWindow implements Closeable {
    private final Reader in;
    private final String source;
    char[] buf = new char[1 << 16];
    int limit;
    private int shift;
    private boolean endOfInput;

    CharWindow(Reader in, String source) {
        this.in = in;
        this.source = source;
    }

    /**
     * Keeps {@code buf[keepFrom, limit)}, moved to the front, and reads more after it.
     *
     * @param line the line being read, for the error on malformed input
     * @return false at the end of the input
     */
    boolean fill(int keepFrom, long line) {
        shift = keepFrom;
        if (keepFrom > 0) {
            System.arraycopy(buf, keepFrom, buf, 0, limit - keepFrom);
            limit -= keepFrom;
        }
        if (endOfInput) {
            return false;
        }
        if (limit == buf.length) {
            buf = Arrays.copyOf(buf, buf.length * 2);
        }
        try {
            int n = in.read(buf, limit, buf.length - limit);
            if (n < 0) {
                endOfInput = true;
                return false;
            }
            limit += n;
            return true;
        } catch (DecodingReader.MalformedTextException e) {
            throw DataFormatException.atLine(source, line, e.getMessage());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + source + ": " + e.getMessage(), e);
        }
    }

    /** How far the last {@link #fill} moved the kept characters towards the front. */
    int shift() {
        return shift;
    }

    String source() {
        return source;
    }

    @Override
    public void close() {
        try {
            in.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot close " + source + ": " + e.getMessage(), e);
        }
    }
}
