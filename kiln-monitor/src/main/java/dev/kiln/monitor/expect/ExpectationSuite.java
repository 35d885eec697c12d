package dev.kiln.monitor.expect;

import dev.kiln.core.frame.Frame;

import java.util.ArrayList;
import java.util.List;

/**
 * A named list of expectations, as written in an expectations file and checked together.
 *
 * @param name         what the suite describes (e.g. the training data's file name)
 * @param expectations checked in order
 */
public record ExpectationSuite(String name, List<Expectation> expectations) {

    public ExpectationSuite {
        expectations = List.copyOf(expectations);
    }

    /** Checks every expectation on {@code data}. */
    public ValidationResult validate(Frame data, Detail detail) {
        List<ExpectationResult> results = new ArrayList<>();
        for (Expectation e : expectations) {
            results.add(e.check(data, detail));
        }
        return new ValidationResult(name, data.rowCount(), detail, results);
    }
}
