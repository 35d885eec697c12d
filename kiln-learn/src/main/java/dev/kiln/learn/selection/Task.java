package dev.kiln.learn.selection;

import dev.kiln.core.frame.Column;
import dev.kiln.core.frame.ColumnType;
import java.util.Arrays;

/** What a supervised model predicts: a class or a number. */
public enum Task {
    CLASSIFICATION, REGRESSION;

    /** Integer targets with at most this many distinct values are taken for classes. */
    static final int MAX_INTEGER_CLASSES = 20;

    /** The lower-case name used on the command line and in manifests. */
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** The task named by {@code label} (case-insensitive). */
    public static Task fromLabel(String label) {
        for (Task t : values()) {
            if (t.label().equalsIgnoreCase(label.trim())) {
                return t;
            }
        }
        throw new IllegalArgumentException("unknown task '" + label + "'; expected classification or regression");
    }

    /**
     * The task a target column implies: text, categorical and boolean targets are classes;
     * decimal numbers are regression; integers are classes when they take at most
     * {@value #MAX_INTEGER_CLASSES} distinct values, regression otherwise (pass the task
     * explicitly to override).
     */
    public static Task inferFrom(Column target) {
        return switch (target.type()) {
            case CATEGORICAL, TEXT, BOOLEAN -> CLASSIFICATION;
            case DOUBLE -> REGRESSION;
            case LONG -> Arrays.stream(target.toDoubles()).filter(v -> !Double.isNaN(v)).distinct().limit(MAX_INTEGER_CLASSES + 1)
                    .count() <= MAX_INTEGER_CLASSES ? CLASSIFICATION : REGRESSION;
        };
    }

    /** Refuses a target that cannot serve this task, saying why. */
    public void check(Column target) {
        if (this == REGRESSION && !target.type().isNumeric()) {
            throw new IllegalArgumentException("the target '" + target.name() + "' is " + target.type().label()
                    + "; regression needs a numeric target (use --task classification for classes)");
        }
        if (target.type() == ColumnType.DOUBLE && this == CLASSIFICATION) {
            long distinct = Arrays.stream(target.toDoubles()).filter(v -> !Double.isNaN(v)).distinct().count();
            if (distinct > 100) {
                throw new IllegalArgumentException("the target '" + target.name() + "' has " + distinct
                        + " distinct decimal values; that looks like regression, not classes");
            }
        }
    }
}
