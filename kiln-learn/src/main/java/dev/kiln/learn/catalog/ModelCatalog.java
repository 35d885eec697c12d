package dev.kiln.learn.catalog;

import dev.kiln.core.Spelling;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.ServiceLoader;
import java.util.Set;

/**
 * The models users can name on the command line and in searches, with their hyperparameters
 * and scikit-learn's defaults. Names are kebab-case; a name covers classification and regression
 * where the algorithm does both, and the task picks the estimator. Other modules add their models
 * (kiln-text's text classifiers) through a {@link Provider} registered in META-INF/services.
 */
public final class ModelCatalog {
    private static final List<ModelSpec> BUILT_IN = List.of(
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
    private static final List<ModelSpec> MODELS = withProvided(BUILT_IN);

    /** Models from another module, found with {@link ServiceLoader}. */
    public interface Provider {
        List<ModelSpec> models();
    }

    private ModelCatalog() {
    }

    private static List<ModelSpec> withProvided(List<ModelSpec> builtIn) {
        List<ModelSpec> all = new ArrayList<>(builtIn);
        Set<String> names = new HashSet<>();
        builtIn.forEach(m -> names.add(m.name()));
        for (Provider p : ServiceLoader.load(Provider.class, ModelCatalog.class.getClassLoader())) {
            for (ModelSpec m : p.models()) {
                if (!names.add(m.name())) {
                    throw new IllegalStateException("two models are called '" + m.name() + "' (" + p.getClass().getName() + ")");
                }
                all.add(m);
            }
        }
        return List.copyOf(all);
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
