package dev.kiln.learn.catalog;

import dev.kiln.core.Spelling;
import java.util.List;

/**
 * The models users can name on the command line and in searches, with their hyperparameters
 * and scikit-learn's defaults. Names are kebab-case; a name covers classification and regression
 * where the algorithm does both, and the task picks the estimator.
 */
public final class ModelCatalog {
    private static final List<ModelSpec> MODELS = List.of(
            LinearModels.linearRegression(),
            LinearModels.polynomialRegression(),
            LinearModels.ridge(),
            LinearModels.lasso(),
            LinearModels.elasticNet(),
            LinearModels.sgdRegressor(),
            LinearModels.logisticRegression(),
            NeighborModels.knn(),
            TreeModels.decisionTree(),
            TreeModels.randomForest(),
            TreeModels.gradientBoosting(),
            SvmModels.svm(),
            LinearModels.linearSvm(),
            LinearModels.perceptron());

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
