package dev.kiln.core.io;

import java.io.CharArrayReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;

/** Text that can be read more than once: a file, opened anew for each pass, or characters held in memory. */
abstract class TextInput {
    private final String name;

    private TextInput(String name) {
        this.name = name;
    }

    /** The name errors give for this input. */
    final String name() {
        return name;
    }

    /** A window over the text from its start. */
    final CharWindow open() {
        return new CharWindow(reader(), name);
    }

    abstract Reader reader();

    /**
     * The file at {@code path}, decoded strictly in {@code charset}.
     *
     * @throws UncheckedIOException saying that the file does not exist or is a directory
     */
    static TextInput of(Path path, Charset charset) {
        checkReadable(path);
        return new TextInput(path.toString()) {
            @Override
            Reader reader() {
                try {
                    return new DecodingReader(Files.newInputStream(path), charset);
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot read " + path + ": " + e.getMessage(), e);
                }
            }
        };
    }

    /** All the characters of {@code reader}, read now and held in memory. */
    static TextInput of(Reader reader, String name) {
        char[] chars = new char[1 << 14];
        int n = 0;
        try {
            for (int r; (r = reader.read(chars, n, chars.length - n)) >= 0; ) {
                n += r;
                if (n == chars.length) {
                    chars = Arrays.copyOf(chars, chars.length * 2);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + name + ": " + e.getMessage(), e);
        }
        char[] text = chars;
        int length = n;
        return new TextInput(name) {
            @Override
            Reader reader() {
                return new CharArrayReader(text, 0, length);
            }
        };
    }

    /** Throws a message naming {@code path} when it is missing or not a regular file. */
    static void checkReadable(Path path) {
        if (Files.isDirectory(path)) {
            throw new UncheckedIOException("cannot read " + path + ": it is a directory, not a file",
                    new IOException(path + " is a directory"));
        }
        if (!Files.exists(path)) {
            throw new UncheckedIOException("cannot read " + path + ": the file does not exist",
                    new NoSuchFileException(path.toString()));
        }
    }
}
