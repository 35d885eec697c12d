package dev.kiln.explain.kernel;

import dev.kiln.core.frame.Frame;
import dev.kiln.core.model.Model;

import java.util.List;

/** The columns of a frame a model reads, in the order of its input schema. */
public final class ModelInput {
    private ModelInput() {
    }

    /**
     * {@code frame}'s columns named in {@code model}'s input schema, in that order; {@code what}
     * names the frame in the error listing any that are missing.
     */
    public static Frame columns(Model<?> model, Frame frame, String what) {
        List<String> names = model.inputSchema().names();
        List<String> missing = names.stream().filter(f -> !frame.hasColumn(f)).toList();
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException(what + ": the model's input column" + (missing.size() > 1 ? "s " : " ")
                    + missing + (missing.size() > 1 ? " are" : " is") + " missing; found " + frame.names());
        }
        return frame.select(names);
    }
}
