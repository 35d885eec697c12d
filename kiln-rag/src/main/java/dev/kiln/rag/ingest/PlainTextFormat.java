package dev.kiln.rag.ingest;

import java.nio.file.Path;
import java.util.List;

/** A {@code .txt} file: one document, its text the file's, titled by the file name without extension, with no headings. */
final class PlainTextFormat implements Format {
    @Override
    public List<Document> read(Path file, String id) {
        String text = SourceText.read(file);
        return text.isBlank() ? List.of() : List.of(new Document(id, SourceText.stem(file), file.toString(), text, List.of()));
    }
}
