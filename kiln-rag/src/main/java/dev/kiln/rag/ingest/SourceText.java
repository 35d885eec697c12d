package dev.kiln.rag.ingest;

import dev.kiln.core.io.DataFormatException;
import dev.kiln.core.io.TextFile;
import java.nio.file.Path;

/** A text file's characters as documents hold them: strict UTF-8, without a byte order mark, lines ended by {@code \n}. */
final class SourceText {
    private SourceText() {
    }

    static String read(Path file) {
        String text;
        try {
            text = TextFile.read(file);
        } catch (DataFormatException e) {
            throw new FileProblem(SkippedFile.Reason.UNREADABLE, e.getMessage());
        }
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        return text.indexOf('\r') < 0 ? text : text.replace("\r\n", "\n").replace('\r', '\n');
    }

    /** The file name without its extension: the title of a document that names none. */
    static String stem(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }
}
