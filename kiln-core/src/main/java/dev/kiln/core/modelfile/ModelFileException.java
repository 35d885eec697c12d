package dev.kiln.core.modelfile;

/**
 * A model file that cannot be read or written: missing, corrupt, tampered with, of an unknown
 * type, or from a newer format. The message names the file and, where it helps, the JSON
 * pointer or tensor at fault.
 */
public final class ModelFileException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ModelFileException(String message) {
        super(message);
    }

    public ModelFileException(String message, Throwable cause) {
        super(message, cause);
    }
}
