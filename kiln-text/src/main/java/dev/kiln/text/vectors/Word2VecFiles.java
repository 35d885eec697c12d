package dev.kiln.text.vectors;

import dev.kiln.core.io.AtomicWrite;
import dev.kiln.core.io.DataFormatException;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Reading and writing {@link VectorFormat}s, with errors that name the file and the line or entry. */
final class Word2VecFiles {
    /** Longer "words" mean the file is not what it claims to be. */
    private static final int MAX_WORD_BYTES = 1 << 16;

    private Word2VecFiles() {
    }

    static WordVectors read(Path file, VectorFormat format) {
        if (Files.isDirectory(file)) {
            throw new UncheckedIOException("cannot read " + file + ": it is a directory, not a file", new IOException(file + " is a directory"));
        }
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            return format == VectorFormat.BINARY ? readBinary(in, file.toString()) : readText(in, file.toString());
        } catch (NoSuchFileException e) {
            throw new UncheckedIOException("cannot read " + file + ": the file does not exist", e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    static void write(WordVectors vectors, Path file, VectorFormat format) {
        for (int i = 0; i < vectors.size(); i++) {
            String w = vectors.words().get(i);
            if (w.chars().anyMatch(Character::isWhitespace)) {
                throw new IllegalArgumentException("word " + i + " '" + w + "' contains white space, which the word2vec formats cannot hold");
            }
        }
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            AtomicWrite.file(file, out -> {
                OutputStream o = new BufferedOutputStream(out, 1 << 16);
                if (format == VectorFormat.BINARY) {
                    writeBinary(vectors, o);
                } else {
                    writeText(vectors, o);
                }
                o.flush();
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    private static void writeText(WordVectors v, OutputStream out) throws IOException {
        int d = v.dimension();
        float[] values = v.values();
        out.write((v.size() + " " + d + "\n").getBytes(StandardCharsets.UTF_8));
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < v.size(); i++) {
            line.setLength(0);
            line.append(v.words().get(i));
            for (int j = 0; j < d; j++) {
                line.append(' ').append(values[i * d + j]);
            }
            line.append('\n');
            out.write(line.toString().getBytes(StandardCharsets.UTF_8));
        }
    }

    private static void writeBinary(WordVectors v, OutputStream out) throws IOException {
        int d = v.dimension();
        float[] values = v.values();
        out.write((v.size() + " " + d + "\n").getBytes(StandardCharsets.UTF_8));
        ByteBuffer row = ByteBuffer.allocate(4 * d).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < v.size(); i++) {
            out.write(v.words().get(i).getBytes(StandardCharsets.UTF_8));
            out.write(' ');
            row.clear();
            row.asFloatBuffer().put(values, i * d, d);
            out.write(row.array());
            out.write('\n');
        }
    }

    /** The header's word count and dimension. */
    private record Header(int count, int dimension) {
    }

    private static Header header(String line, String source) {
        String[] parts = line == null ? new String[0] : line.strip().split("\\s+");
        if (parts.length == 2) {
            try {
                int count = Integer.parseInt(parts[0]);
                int dimension = Integer.parseInt(parts[1]);
                if (count >= 0 && dimension >= 1 && (long) count * dimension <= Integer.MAX_VALUE - 8) {
                    return new Header(count, dimension);
                }
            } catch (NumberFormatException ignored) {
                // reported below
            }
        }
        throw DataFormatException.atLine(source, 1, "expected the header 'COUNT DIMENSION' (two whole numbers, DIMENSION >= 1), got '"
                + abbreviate(line == null ? "" : line) + "'");
    }

    private static WordVectors readText(InputStream in, String source) throws IOException {
        Utf8Lines r = new Utf8Lines(in, source, "; is this the binary format?");
        Header h = header(r.next(), source);
        long lineNumber = 1;
        int d = h.dimension();
        List<String> words = new ArrayList<>(initial(h));
        Map<String, Long> seen = new HashMap<>(2 * initial(h));
        float[] values = new float[initial(h) * d];
        String line;
        while ((line = r.next()) != null) {
            lineNumber = r.number();
            if (line.isBlank()) {
                continue;
            }
            if (words.size() == h.count()) {
                throw DataFormatException.atLine(source, lineNumber, "more rows than the " + h.count() + " the header promises");
            }
            String[] parts = line.strip().split("[ \t]+");
            if (parts.length != d + 1) {
                throw DataFormatException.atLine(source, lineNumber, "expected a word and " + d + " numbers, got '"
                        + abbreviate(parts[0]) + "' and " + (parts.length - 1));
            }
            int row = words.size();
            values = room(values, row, d);
            for (int j = 0; j < d; j++) {
                float x;
                try {
                    x = Float.parseFloat(parts[j + 1]);
                } catch (NumberFormatException e) {
                    x = Float.NaN;
                }
                if (!Float.isFinite(x)) {
                    throw DataFormatException.atLine(source, lineNumber, "value " + (j + 1) + " of '" + abbreviate(parts[0])
                            + "' must be a finite number, got '" + abbreviate(parts[j + 1]) + "'");
                }
                values[row * d + j] = x;
            }
            Long before = seen.putIfAbsent(parts[0], lineNumber);
            if (before != null) {
                throw DataFormatException.atLine(source, lineNumber, "word '" + abbreviate(parts[0]) + "' already appeared on line " + before);
            }
            words.add(parts[0]);
        }
        if (words.size() < h.count()) {
            throw DataFormatException.atLine(source, lineNumber, "the header promises " + h.count() + " words but the file ends after "
                    + words.size());
        }
        return WordVectors.of(words, Arrays.copyOf(values, words.size() * d), d);
    }

    private static WordVectors readBinary(InputStream in, String source) throws IOException {
        byte[] headerBytes = readUntil(in, '\n', 4096);
        if (headerBytes == null) {
            throw DataFormatException.atLine(source, 1, "expected the header 'COUNT DIMENSION', got an empty file");
        }
        Header h = header(new String(headerBytes, StandardCharsets.UTF_8), source);
        int d = h.dimension();
        long offset = headerBytes.length + 1;
        List<String> words = new ArrayList<>(initial(h));
        Map<String, Long> seen = new HashMap<>(2 * initial(h));
        float[] values = new float[initial(h) * d];
        byte[] row = new byte[4 * d];
        ByteBuffer rowBuffer = ByteBuffer.wrap(row).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < h.count(); i++) {
            int b;
            while ((b = in.read()) == '\n' || b == '\r') {
                offset++;
            }
            if (b < 0) {
                throw DataFormatException.of(source, "the header promises " + h.count() + " words but the file ends after " + i);
            }
            long wordOffset = offset;
            ByteArrayOutputStream word = new ByteArrayOutputStream(16);
            while (b != ' ') {
                if (b < 0) {
                    throw DataFormatException.of(source, "entry " + (i + 1) + " at byte " + wordOffset
                            + ": the file ends inside a word; expected the word, a space and " + d + " float32 values");
                }
                if (word.size() >= MAX_WORD_BYTES) {
                    throw DataFormatException.of(source, "entry " + (i + 1) + " at byte " + wordOffset + ": no space within "
                            + MAX_WORD_BYTES + " bytes; is this the text format?");
                }
                word.write(b);
                b = in.read();
            }
            offset += word.size() + 1;
            String w = decode(word.toByteArray(), source, i + 1, wordOffset);
            int got = in.readNBytes(row, 0, row.length);
            if (got < row.length) {
                throw DataFormatException.of(source, "entry " + (i + 1) + " ('" + abbreviate(w) + "') at byte " + wordOffset
                        + ": the file ends after " + got + " of its " + row.length + " vector bytes");
            }
            if (i == 0 && looksLikeText(row)) {
                throw DataFormatException.of(source, "entry 1 ('" + abbreviate(w) + "'): its vector bytes are decimal text; "
                        + "this looks like the text format");
            }
            offset += row.length;
            values = room(values, i, d);
            rowBuffer.clear();
            rowBuffer.asFloatBuffer().get(values, i * d, d);
            for (int j = 0; j < d; j++) {
                if (!Float.isFinite(values[i * d + j])) {
                    throw DataFormatException.of(source, "entry " + (i + 1) + " ('" + abbreviate(w) + "') at byte " + wordOffset
                            + ": value " + (j + 1) + " is " + values[i * d + j] + "; vectors must be finite");
                }
            }
            Long before = seen.putIfAbsent(w, (long) i + 1);
            if (before != null) {
                throw DataFormatException.of(source, "entry " + (i + 1) + " at byte " + wordOffset + ": word '" + abbreviate(w)
                        + "' already appeared as entry " + before);
            }
            words.add(w);
        }
        return WordVectors.of(words, Arrays.copyOf(values, words.size() * d), d);
    }

    /** Rows to allocate at first: what the header promises, within reason until the rows arrive. */
    private static int initial(Header h) {
        return Math.min(h.count(), 1 << 16);
    }

    /** {@code values}, grown if needed to hold row {@code row} of dimension {@code d}. */
    private static float[] room(float[] values, int row, int d) {
        int need = (row + 1) * d;
        return need <= values.length ? values : Arrays.copyOf(values, Math.max(need, 2 * values.length));
    }

    /** Bytes up to (not including) {@code end}, or null at once-empty input; throws past {@code limit} bytes. */
    private static byte[] readUntil(InputStream in, int end, int limit) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int b = in.read();
        if (b < 0) {
            return null;
        }
        while (b >= 0 && b != end) {
            if (out.size() >= limit) {
                break;
            }
            out.write(b);
            b = in.read();
        }
        return out.toByteArray();
    }

    private static String decode(byte[] bytes, String source, int entry, long offset) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw DataFormatException.of(source, "entry " + entry + " at byte " + offset + ": the word is not valid UTF-8");
        }
    }

    /** Whether every byte is a digit, sign, point, exponent or space: a text row read as binary. */
    private static boolean looksLikeText(byte[] row) {
        for (byte b : row) {
            boolean textual = (b >= '0' && b <= '9') || b == '.' || b == '-' || b == '+' || b == 'e' || b == 'E' || b == ' '
                    || b == '\n' || b == '\r';
            if (!textual) {
                return false;
            }
        }
        return true;
    }

    private static String abbreviate(String s) {
        return s.length() <= 40 ? s : s.substring(0, 37) + "...";
    }
}
