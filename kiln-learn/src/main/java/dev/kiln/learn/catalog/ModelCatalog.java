package dev.kiln.learn.catalog;

import dev.kiln.core.Spelling;
import dev.kiln.learn.linear.LinearRegression;
import dev.kiln.learn.selection.Task;
import java.util.List;
import java.util.Set;

/**
 * The models users can name on the command line and in searches, with their hyperparameters
 * and scikit-learn's defaults. Names are kebab-case; a name covers classification and regression
 * where the algorithm does both, and the task picks the estimator.
 */
public final class ModelCatalog {
    private static final List<ModelSpec> MODELS = List.of(
            new ModelSpec("linear-regression", "ordinary least squares (Householder QR)", Set.of(Task.REGRESSION), false,
                    List.of(ParamSpec.bool("fit_intercept", true, "fit an intercept (else the line goes through the origin)")),
                    (task, p) -> new LinearRegression(new LinearRegression.Params(p.flag("fit_intercept")))));

    private ModelCatalog() {
    }

    public static List<ModelSpec> all() {
        return MODELS;
    }

    public static List<String> names() {
        return MODELS.stream().map(ModelSpec::name).toList();
    }

    /** The model called {@code name}, or an error listing the valid names. */
    public static ModelSpec find(String name) {
        for (ModelSpec m : MODELS) {
            if (m.name().equals(name)) {
                return m;
            }
        }
        String closest = Spelling.closest(name, names());
        throw new IllegalArgumentException("unknown model '" + name + "'" + (closest != null ? " (did you mean '" + closest + "'?)" : "")
                + "; valid: " + String.join(", ", names()));
    }
}
