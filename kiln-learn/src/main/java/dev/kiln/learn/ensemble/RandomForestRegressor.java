package dev.kiln.learn.ensemble;

import dev.kiln.core.frame.Column;
import dev.kiln.core.frame.Frame;
import dev.kiln.core.linalg.Matrix;
import dev.kiln.core.metrics.RegressionMetrics;
import dev.kiln.core.model.Estimator;
import dev.kiln.learn.data.NumericInput;
import dev.kiln.learn.tree.CartData;
import dev.kiln.learn.tree.CartGrower;
import dev.kiln.learn.tree.DecisionTreeRegressor;
import dev.kiln.learn.tree.MaxFeatures;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * A random forest of regression trees (Breiman, "Random Forests", Machine Learning 45, 2001) as
 * scikit-learn's {@code RandomForestRegressor}: each tree grows to full depth on a bootstrap
 * sample (by default considering every feature at each split, as scikit-learn 1.2's
 * {@code max_features=1.0}); the forest predicts the mean of its trees. Optionally scores itself
 * on the rows each tree did not see (out-of-bag R²).
 */
public final class RandomForestRegressor implements Estimator<RandomForestRegressorModel> {
    static final String NAME = "random-forest";

    /**
     * The hyperparameters.
     *
     * @param nEstimators the number of trees (default 100)
     * @param tree        how each tree grows (default: scikit-learn's tree defaults, every feature
     *                    at each split); its seed seeds the forest
     * @param bootstrap   whether each tree sees a bootstrap sample (default) or every row once
     * @param maxSamples  the size of each bootstrap sample as a fraction of the rows, in (0, 1],
     *                    or null for as many as there are rows (default)
     * @param oobScore    whether to compute the out-of-bag R² (default false; needs bootstrap)
     */
    public record Params(int nEstimators, DecisionTreeRegressor.Params tree, boolean bootstrap, Double maxSamples,
                         boolean oobScore) {

        public Params {
            Objects.requireNonNull(tree, "tree");
            ForestChecks.check(nEstimators, bootstrap, maxSamples, oobScore);
        }

        /** scikit-learn 1.2's defaults, with seed 0 in place of its unseeded {@code random_state=None}. */
        public static Params defaults() {
            return new Params(100, DecisionTreeRegressor.Params.defaults().withMaxFeatures(MaxFeatures.fraction(1.0)),
                    true, null, false);
        }

        public Params withNEstimators(int v) {
            return new Params(v, tree, bootstrap, maxSamples, oobScore);
        }

        public Params withTree(DecisionTreeRegressor.Params v) {
            return new Params(nEstimators, v, bootstrap, maxSamples, oobScore);
        }

        public Params withBootstrap(boolean v) {
            return new Params(nEstimators, tree, v, maxSamples, oobScore);
        }

        public Params withMaxSamples(Double v) {
            return new Params(nEstimators, tree, bootstrap, v, oobScore);
        }

        public Params withOobScore(boolean v) {
            return new Params(nEstimators, tree, bootstrap, maxSamples, v);
        }

        /** These parameters with the trees' seed, which seeds the forest, set to {@code v}. */
        public Params withSeed(long v) {
            return withTree(tree.withSeed(v));
        }
    }

    private final Params params;

    public RandomForestRegressor() {
        this(Params.defaults());
    }

    public RandomForestRegressor(Params params) {
        this.params = Objects.requireNonNull(params, "params");
    }

    public Params params() {
        return params;
    }

    @Override
    public RandomForestRegressorModel fit(Frame features, Column target) {
        Matrix x = NumericInput.features(features, NAME);
        double[] y = NumericInput.target(target, x.rows(), NAME);
        DecisionTreeRegressor.Params tp = params.tree();
        CartGrower grower = CartGrower.regression(CartData.regression(x, y), tp.criterion(), tp.limits(),
                tp.maxFeatures().resolve(x.cols()));
        Bagging forest = Bagging.grow(grower, x.rows(), null, params.nEstimators(),
                ForestChecks.sampleSize(params.bootstrap(), params.maxSamples(), x.rows()), tp.seed(),
                "Training random forest");
        OptionalDouble oob = params.oobScore() ? OptionalDouble.of(outOfBagR2(forest, x, y)) : OptionalDouble.empty();
        return new RandomForestRegressorModel(params, features.schema(), forest.trees(), oob);
    }

    /** The R² of the out-of-bag predictions, over the rows some tree left out. */
    private static double outOfBagR2(Bagging forest, Matrix x, double[] y) {
        int[] votes = new int[x.rows()];
        double[] sums = forest.outOfBagSums(x, 1, votes);
        int counted = 0;
        for (int v : votes) {
            counted += v > 0 ? 1 : 0;
        }
        if (counted < 2) {
            throw new IllegalArgumentException(NAME + ": fewer than two rows were left out of some tree's sample, "
                    + "too few for an out-of-bag R²; use more trees or a smaller max_samples");
        }
        double[] truth = new double[counted];
        double[] predicted = new double[counted];
        int k = 0;
        for (int i = 0; i < votes.length; i++) {
            if (votes[i] > 0) {
                truth[k] = y[i];
                predicted[k++] = sums[i] / votes[i];
            }
        }
        return RegressionMetrics.r2(truth, predicted);
    }
}
