package dev.kiln.rag.ingest;

/** Why a format reader gives up on a file; {@link DocumentReader} reports it and goes on with the next file. */
final class FileProblem extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final SkippedFile.Reason reason;

    FileProblem(SkippedFile.Reason reason, String message) {
        super(message, null, false, false);
        this.reason = reason;
    }

    SkippedFile.Reason reason() {
        return reason;
    }
}
