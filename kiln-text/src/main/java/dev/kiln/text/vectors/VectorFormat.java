package dev.kiln.text.vectors;

import java.nio.file.Path;
import java.util.Locale;

/**
 * The two file formats of the original word2vec C tool (Mikolov et al. 2013), which gensim,
 * fastText and most other tools also read and write. Both start with a header line
 * {@code "COUNT DIMENSION"}.
 */
public enum VectorFormat {
    /** Then one line per word: the word and its values in decimal, separated by spaces. */
    TEXT,
    /**
     * Then per word: the word in UTF-8, a space, its values as little-endian float32, and a
     * newline (which readers skip, so files without it, as gensim writes them, read too).
     */
    BINARY;

    /** BINARY for a {@code .bin} file, TEXT for any other. */
    public static VectorFormat forFile(Path file) {
        Path name = file.getFileName();
        return name != null && name.toString().toLowerCase(Locale.ROOT).endsWith(".bin") ? BINARY : TEXT;
    }

    /** "text" or "binary", any case. */
    public static VectorFormat parse(String label) {
        return switch (label == null ? "" : label.toLowerCase(Locale.ROOT)) {
            case "text", "txt" -> TEXT;
            case "binary", "bin" -> BINARY;
            default -> throw new IllegalArgumentException("a vector format must be text or binary, got '" + label + "'");
        };
    }
}
