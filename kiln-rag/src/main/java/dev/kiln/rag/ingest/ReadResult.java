package dev.kiln.rag.ingest;

import java.util.List;

/** What reading found: the documents, in the order read, and the files left out, each with its reason. */
public record ReadResult(List<Document> documents, List<SkippedFile> skipped) {
    public ReadResult {
        documents = List.copyOf(documents);
        skipped = List.copyOf(skipped);
    }
}
