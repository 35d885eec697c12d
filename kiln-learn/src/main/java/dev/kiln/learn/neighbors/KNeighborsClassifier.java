package dev.kiln.learn.neighbors;

import dev.kiln.core.frame.Column;
import dev.kiln.core.frame.Frame;
import dev.kiln.core.linalg.Matrix;
import dev.kiln.core.model.Estimator;
import dev.kiln.learn.data.ClassTarget;
import dev.kiln.learn.data.NumericInput;
import java.util.Objects;

/**
 * k-nearest-neighbour classification (Cover and Hart, "Nearest Neighbor Pattern
 * Classification", IEEE Trans. Information Theory 1967): a row gets the class with the largest
 * (weighted) vote among its k nearest training rows under the Minkowski distance, ties to the
 * first class, and class probabilities equal to the vote shares, as scikit-learn's
 * {@code KNeighborsClassifier}.
 */
public final class KNeighborsClassifier implements Estimator<KNeighborsClassifierModel> {
    static final String WHO = "knn-classifier";

    /**
     * The hyperparameters; {@link #defaults()} are scikit-learn 1.2's.
     *
     * @param nNeighbors k, the number of neighbours that vote (5)
     * @param weights    how they weigh (UNIFORM)
     * @param algorithm  how they are found (AUTO); the neighbours are the same for every choice
     * @param leafSize   the k-d tree's leaf size (30)
     * @param p          the Minkowski order, ≥ 1 (2: Euclidean; 1: Manhattan)
     */
    public record Params(int nNeighbors, Weights weights, Algorithm algorithm, int leafSize, double p) {
        public Params {
            SearchSettings.check(nNeighbors, weights, algorithm, leafSize, p);
        }

        public static Params defaults() {
            return new Params(5, Weights.UNIFORM, Algorithm.AUTO, 30, 2);
        }
    }

    private final Params params;

    public KNeighborsClassifier() {
        this(Params.defaults());
    }

    public KNeighborsClassifier(Params params) {
        this.params = Objects.requireNonNull(params, "params");
    }

    public Params params() {
        return params;
    }

    @Override
    public KNeighborsClassifierModel fit(Frame features, Column target) {
        Matrix x = NumericInput.features(features, WHO);
        ClassTarget y = ClassTarget.of(target, x.rows(), WHO);
        return new KNeighborsClassifierModel(params, features.schema(), NumericInput.rowMajor(x), y.codes(), y.classes());
    }
}
