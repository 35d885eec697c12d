package dev.kiln.explain;

import dev.kiln.core.frame.Frame;
import dev.kiln.core.model.ClassificationModel;
import java.util.Arrays;
import java.util.List;

/**
 * Which class's output a classifier's explanation takes apart: the one the caller names; else,
 * with two classes, the second (the "positive" class, {@code classes().get(1)}, as scikit-learn
 * and shap do); else, with more, the class the model predicts for each row.
 */
public final class ClassChoice {
    private final List<String> classes;
    private final int fixed;

    private ClassChoice(List<String> classes, int fixed) {
        this.classes = List.copyOf(classes);
        this.fixed = fixed;
    }

    /**
     * @param requested the class to explain, or null for the default
     * @throws IllegalArgumentException when {@code requested} is not one of {@code classes}, naming them
     */
    public static ClassChoice of(List<String> classes, String requested) {
        if (requested != null) {
            int index = classes.indexOf(requested);
            if (index < 0) {
                throw new IllegalArgumentException("the model has no class '" + requested + "'; its classes are " + classes);
            }
            return new ClassChoice(classes, index);
        }
        return new ClassChoice(classes, classes.size() == 2 ? 1 : -1);
    }

    public List<String> classes() {
        return classes;
    }

    /** The class index explained for every row, or empty when it is each row's predicted class. */
    public java.util.OptionalInt fixedIndex() {
        return fixed >= 0 ? java.util.OptionalInt.of(fixed) : java.util.OptionalInt.empty();
    }

    /** The class index to explain for each row of {@code rows}; {@code model} predicts them when the class follows the row. */
    public int[] indices(ClassificationModel model, Frame rows) {
        if (fixed >= 0) {
            int[] out = new int[rows.rowCount()];
            Arrays.fill(out, fixed);
            return out;
        }
        return model.predict(rows).labels();
    }
}
