package dev.kiln.learn.catalog;

import dev.kiln.learn.neighbors.Algorithm;
import dev.kiln.learn.neighbors.KNeighborsClassifier;
import dev.kiln.learn.neighbors.KNeighborsRegressor;
import dev.kiln.learn.neighbors.Weights;
import dev.kiln.learn.selection.Task;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** The catalog entry of k-nearest neighbours. */
final class NeighborModels {
    private NeighborModels() {
    }

    static ModelSpec knn() {
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
}
