package dev.kiln.serve.experiment;

/** No experiment has the id asked for. */
public final class UnknownExperimentException extends RuntimeException {
    public UnknownExperimentException(String message) {
        super(message);
    }
}
