package dev.kiln.rag.generate;

/** A generator could not produce an answer: its server was unreachable, too slow, or refused. */
public final class GenerationException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public GenerationException(String message) {
        super(message);
    }

    public GenerationException(String message, Throwable cause) {
        super(message, cause);
    }
}
