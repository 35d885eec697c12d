package dev.kiln.serve.registry;

/** A model, version or alias that is not registered; the message says what is. */
public final class UnknownModelException extends RuntimeException {
    public UnknownModelException(String message) {
        super(message);
    }
}
