package dev.kiln.core.io;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;

/**
 * Decodes bytes strictly. Unlike {@link java.io.InputStreamReader}, it first hands over every
 * character decoded before a malformed byte sequence and only then throws
 * {@link MalformedTextException}, so the reader can tell on which line the bad bytes are.
 */
final class DecodingReader extends Reader {
    private final InputStream in;
    private final Charset charset;
    private final CharsetDecoder decoder;
    private final ByteBuffer bytes = ByteBuffer.allocate(1 << 16).flip();
    private boolean endOfInput;
    private boolean flushed;
    private MalformedTextException pending;

    DecodingReader(InputStream in, Charset charset) {
        this.in = in;
        this.charset = charset;
        this.decoder = charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
    }

    @Override
    public int read(char[] cbuf, int off, int len) throws IOException {
        if (pending != null) {
            throw pending;
        }
        if (len == 0) {
            return 0;
        }
        CharBuffer out = CharBuffer.wrap(cbuf, off, len);
        while (out.position() == off && !flushed) {
            CoderResult r = decoder.decode(bytes, out, endOfInput);
            if (r.isError()) {
                pending = malformed(r.length());
                break;
            }
            if (r.isOverflow()) {
                break;
            }
            if (endOfInput) {
                decoder.flush(out);
                flushed = true;
            } else {
                fillBytes();
            }
        }
        int n = out.position() - off;
        if (n > 0) {
            return n;
        }
        if (pending != null) {
            throw pending;
        }
        return -1;
    }

    private void fillBytes() throws IOException {
        bytes.compact();
        int n = in.read(bytes.array(), bytes.position(), bytes.remaining());
        if (n < 0) {
            endOfInput = true;
        } else {
            bytes.position(bytes.position() + n);
        }
        bytes.flip();
    }

    private MalformedTextException malformed(int length) {
        StringBuilder found = new StringBuilder();
        for (int i = 0; i < length; i++) {
            found.append(i == 0 ? "" : " ").append(String.format("0x%02x", bytes.get(bytes.position() + i) & 0xff));
        }
        return new MalformedTextException("expected " + charset.name() + " text, got the byte"
                + (length > 1 ? "s " : " ") + found + ", which " + (length > 1 ? "are" : "is") + " not valid "
                + charset.name());
    }

    @Override
    public void close() throws IOException {
        in.close();
    }

    /** Input that is not valid in the reader's charset; the message names the bad bytes. */
    static final class MalformedTextException extends IOException {
        private static final long serialVersionUID = 1L;

        MalformedTextException(String message) {
            super(message);
        }
    }
}
