package dev.kiln.learn.neighbors;

import dev.kiln.core.frame.Column;
import dev.kiln.core.frame.Frame;
import dev.kiln.core.linalg.Matrix;
import dev.kiln.core.model.Estimator;
import dev.kiln.learn.data.NumericInput;
import java.util.Objects;

/**
 * k-nearest-neighbour regression (Cover and Hart, "Nearest Neighbor Pattern Classification",
 * IEEE Trans. Information Theory 1967, applied to a numeric target): a row gets the (weighted)
 * mean target of its k nearest training rows under the Minkowski distance, as scikit-learn's
 * {@code KNeighborsRegressor}.
 */
public final class KNeighborsRegressor implements Estimator<KNeighborsRegressorModel> {
    static final String WHO = "knn-regressor";

    /**
     * The hyperparameters; {@link #defaults()} are scikit-learn 1.2's.
     *
     * @param nNeighbors k, the number of neighbours averaged (5)
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

    public KNeighborsRegressor() {
        this(Params.defaults());
    }

    public KNeighborsRegressor(Params params) {
        this.params = Objects.requireNonNull(params, "params");
    }

    public Params params() {
        return params;
    }

    @Override
    public KNeighborsRegressorModel fit(Frame features, Column target) {
        Matrix x = NumericInput.features(features, WHO);
        double[] y = NumericInput.target(target, x.rows(), WHO);
        return new KNeighborsRegressorModel(params, features.schema(), NumericInput.rowMajor(x), y);
    }
}
