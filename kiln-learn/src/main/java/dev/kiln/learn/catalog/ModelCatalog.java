package dev.kiln.learn.catalog;

import dev.kiln.core.Spelling;
import dev.kiln.learn.linear.LinearRegression;
import dev.kiln.learn.neighbors.Algorithm;
import dev.kiln.learn.neighbors.KNeighborsClassifier;
import dev.kiln.learn.neighbors.KNeighborsRegressor;
import dev.kiln.learn.neighbors.Weights;
import dev.kiln.learn.svm.Gamma;
import dev.kiln.learn.svm.Kernel;
import dev.kiln.learn.svm.Svc;
import dev.kiln.learn.svm.Svr;
import dev.kiln.learn.selection.Task;
import java.util.List;
import java.util.Locale;
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
                    (task, p) -> new LinearRegression(new LinearRegression.Params(p.flag("fit_intercept")))),
            knn(),
            svm());

    private ModelCatalog() {
    }

    private static ModelSpec knn() {
        return new ModelSpec("knn", "k-nearest neighbours (k-d tree or SIMD brute force, chosen automatically)",
                Set.of(Task.CLASSIFICATION, Task.REGRESSION), true, List.of(
                ParamSpec.integer("n_neighbors", 5, "neighbours that vote"),
                ParamSpec.choice("weights", "uniform", "uniform votes, or votes weighted by 1/distance", "uniform", "distance"),
                ParamSpec.choice("algorithm", "auto", "how neighbours are found (results are the same)", "auto", "kd_tree", "brute"),
                ParamSpec.integer("leaf_size", 30, "points per k-d tree leaf"),
                ParamSpec.number("p", 2.0, "Minkowski power: 2 Euclidean, 1 Manhattan")),
                (task, p) -> {
                    Weights weights = Weights.valueOf(p.word("weights").toUpperCase(Locale.ROOT));
                    Algorithm algorithm = Algorithm.valueOf(p.word("algorithm").toUpperCase(Locale.ROOT));
                    return task == Task.CLASSIFICATION
                            ? new KNeighborsClassifier(new KNeighborsClassifier.Params(p.integer("n_neighbors"), weights, algorithm,
                            p.integer("leaf_size"), p.number("p")))
                            : new KNeighborsRegressor(new KNeighborsRegressor.Params(p.integer("n_neighbors"), weights, algorithm,
                            p.integer("leaf_size"), p.number("p")));
                });
    }

    private static ModelSpec svm() {
        return new ModelSpec("svm", "support vector machine (SMO as libsvm; epsilon-SVR for regression)",
                Set.of(Task.CLASSIFICATION, Task.REGRESSION), true, List.of(
                ParamSpec.number("C", 1.0, "penalty of margin violations (smaller: smoother)"),
                ParamSpec.choice("kernel", "rbf", "kernel function", "rbf", "linear", "poly", "sigmoid"),
                ParamSpec.integer("degree", 3, "degree of the poly kernel"),
                ParamSpec.numberOrWord("gamma", "scale", "kernel coefficient: 1/(features·variance), 1/features, or a number",
                        "scale", "auto"),
                ParamSpec.number("coef0", 0.0, "constant of the poly and sigmoid kernels"),
                ParamSpec.number("epsilon", 0.1, "regression: width of the no-penalty tube"),
                ParamSpec.bool("probability", false, "classification: fit Platt probabilities (5-fold internal CV)"),
                ParamSpec.number("tol", 1e-3, "stopping tolerance"),
                ParamSpec.integer("seed", 0, "seed of the probability cross-validation")),
                (task, p) -> {
                    Gamma gamma = p.isWord("gamma") ? (p.word("gamma").equals("auto") ? Gamma.auto() : Gamma.scale())
                            : Gamma.of(p.number("gamma"));
                    Kernel kernel = Kernel.valueOf(p.word("kernel").toUpperCase(Locale.ROOT));
                    if (task == Task.CLASSIFICATION) {
                        Svc.Params d = Svc.Params.defaults();
                        return new Svc(new Svc.Params(p.number("C"), kernel, p.integer("degree"), gamma, p.number("coef0"),
                                d.shrinking(), p.flag("probability"), p.number("tol"), d.cacheSize(), d.maxIter(),
                                d.decisionFunctionShape(), d.breakTies(), p.integer("seed")));
                    }
                    Svr.Params d = Svr.Params.defaults();
                    return new Svr(new Svr.Params(p.number("C"), p.number("epsilon"), kernel, p.integer("degree"), gamma,
                            p.number("coef0"), d.shrinking(), p.number("tol"), d.cacheSize(), d.maxIter()));
                });
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
