package dev.kiln.rag.ingest;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** Reads one kind of file into documents; problems are exceptions, which {@link DocumentReader} turns into skipped files. */
interface Format {
    /**
     * The documents in {@code file}, none when it holds no text.
     *
     * @param id the document id the file gives: its path relative to the folder read, or its name
     */
    List<Document> read(Path file, String id) throws IOException;
}
