package dev.kiln.text.vectors;

import dev.kiln.core.io.DataFormatException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** The lines of a stream, each decoded as UTF-8 on its own, so that a decoding error names its line. */
final class Utf8Lines {
    private final InputStream in;
    private final String source;
    private final String hint;
    private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
    private final byte[] buffer = new byte[1 << 16];
    private byte[] line = new byte[256];
    private int position;
    private int limit;
    private long number;

    /** {@code hint} follows the message for bytes that are not UTF-8, e.g. "; is this the binary format?". */
    Utf8Lines(InputStream in, String source, String hint) {
        this.in = in;
        this.source = source;
        this.hint = hint;
    }

    /** The 1-based number of the line {@link #next()} returned last. */
    long number() {
        return number;
    }

    /** The next line without its line break, or null at the end. */
    String next() throws IOException {
        int n = 0;
        boolean any = false;
        while (true) {
            if (position == limit) {
                limit = Math.max(0, in.read(buffer));
                position = 0;
                if (limit == 0) {
                    if (!any) {
                        return null;
                    }
                    break;
                }
            }
            any = true;
            byte b = buffer[position++];
            if (b == '\n') {
                break;
            }
            if (n == line.length) {
                line = Arrays.copyOf(line, 2 * n);
            }
            line[n++] = b;
        }
        number++;
        if (n > 0 && line[n - 1] == '\r') {
            n--;
        }
        try {
            return decoder.decode(ByteBuffer.wrap(line, 0, n)).toString();
        } catch (CharacterCodingException e) {
            throw DataFormatException.atLine(source, number, "not valid UTF-8 text" + hint);
        }
    }
}
