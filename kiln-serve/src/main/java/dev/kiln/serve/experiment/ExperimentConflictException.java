package dev.kiln.serve.experiment;

/** An action the experiment's state does not allow: a duplicate id, a second experiment on a model, promoting an ended one, no winner to promote. */
public final class ExperimentConflictException extends RuntimeException {
    public ExperimentConflictException(String message) {
        super(message);
    }
}
