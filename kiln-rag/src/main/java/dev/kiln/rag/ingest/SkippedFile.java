package dev.kiln.rag.ingest;

import java.nio.file.Path;
import java.util.Objects;

/** A file that reading left out, why, and a message naming it (with its line where one is to blame). */
public record SkippedFile(Path path, Reason reason, String message) {
    public SkippedFile {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(message, "message");
    }

    /** Why a file was left out. */
    public enum Reason {
        /** An extension no reader handles. */
        UNSUPPORTED,
        /** Missing, unreadable, not valid UTF-8 text, or a PDF that cannot be opened. */
        UNREADABLE,
        /** Readable, but a record in it is not what was expected (JSON Lines). */
        MALFORMED,
        /** No text in it. */
        EMPTY,
        /** It holds a document id that an earlier file already gave. */
        DUPLICATE_ID
    }
}
