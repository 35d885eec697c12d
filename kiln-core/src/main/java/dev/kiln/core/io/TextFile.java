package dev.kiln.core.io;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** A whole text file, decoded strictly as UTF-8 by the readers' own decoder: a malformed byte names its line. */
public final class TextFile {
    private TextFile() {
    }

    /**
     * The file's characters.
     *
     * @throws DataFormatException at the line of the first byte that is not valid UTF-8
     * @throws UncheckedIOException when the file cannot be read
     */
    public static String read(Path path) {
        TextInput.checkReadable(path);
        StringBuilder text = new StringBuilder();
        char[] buffer = new char[1 << 14];
        try (Reader r = new DecodingReader(Files.newInputStream(path), StandardCharsets.UTF_8)) {
            for (int n; (n = r.read(buffer)) >= 0; ) {
                text.append(buffer, 0, n);
            }
        } catch (DecodingReader.MalformedTextException e) {
            long line = 1 + text.chars().filter(c -> c == '\n').count();
            throw DataFormatException.atLine(path.toString(), line, e.getMessage());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path + ": " + e.getMessage(), e);
        }
        return text.toString();
    }
}
