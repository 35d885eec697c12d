package dev.kiln.serve.input;

import java.util.List;

/** A request whose values do not fit the model's input schema, with every violation found. */
public final class InvalidInputException extends RuntimeException {
    private final List<Violation> violations;
    private final int dropped;

    public InvalidInputException(List<Violation> violations, int dropped) {
        super(violations.size() + dropped + " invalid value" + (violations.size() + dropped == 1 ? "" : "s") + ": "
                + (violations.isEmpty() ? "" : violations.get(0).pointer() + ": " + violations.get(0).message()));
        this.violations = List.copyOf(violations);
        this.dropped = dropped;
    }

    public List<Violation> violations() {
        return violations;
    }

    /** Violations found beyond those listed. */
    public int dropped() {
        return dropped;
    }
}
