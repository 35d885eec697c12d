package dev.kiln.learn.tree;

import dev.kiln.core.frame.Column;
import dev.kiln.core.frame.Frame;
import dev.kiln.core.linalg.Matrix;
import dev.kiln.core.model.Estimator;
import dev.kiln.core.random.Rng;
import dev.kiln.learn.data.NumericInput;
import java.util.Objects;

/**
 * A CART regression tree (Breiman et al. 1984) as scikit-learn's {@code DecisionTreeRegressor}:
 * binary splits {@code x_j <= t} chosen to minimise the children's weighted squared error
 * (leaves predict the mean) or absolute error (leaves predict the median). Grown by
 * {@link CartGrower}.
 */
public final class DecisionTreeRegressor implements Estimator<DecisionTreeRegressorModel> {
    static final String NAME = "decision-tree";

    /**
     * The hyperparameters, scikit-learn's names in camel case; see {@link GrowthLimits} for the
     * stopping rules.
     *
     * @param criterion           SQUARED_ERROR (default) or ABSOLUTE_ERROR
     * @param maxDepth            the deepest a leaf may be, or null for no limit (default)
     * @param minSamplesSplit     the fewest rows a node needs to be split (default 2)
     * @param minSamplesLeaf      the fewest rows a leaf may have (default 1)
     * @param minImpurityDecrease the least weighted impurity decrease of a split (default 0)
     * @param maxFeatures         features drawn at each split (default all)
     * @param maxLeafNodes        the most leaves, grown best-first, or null for no limit (default)
     * @param seed                draws the order in which features are tried; ties between
     *                            equally good splits go to the feature tried first
     */
    public record Params(RegressionCriterion criterion, Integer maxDepth, int minSamplesSplit, int minSamplesLeaf,
                         double minImpurityDecrease, MaxFeatures maxFeatures, Integer maxLeafNodes, long seed) {

        public Params {
            Objects.requireNonNull(criterion, "criterion");
            Objects.requireNonNull(maxFeatures, "maxFeatures");
            new GrowthLimits(maxDepth, minSamplesSplit, minSamplesLeaf, minImpurityDecrease, maxLeafNodes);
        }

        /** scikit-learn 1.2's defaults, with seed 0 in place of its unseeded {@code random_state=None}. */
        public static Params defaults() {
            return new Params(RegressionCriterion.SQUARED_ERROR, null, 2, 1, 0.0, MaxFeatures.all(), null, 0);
        }

        public GrowthLimits limits() {
            return new GrowthLimits(maxDepth, minSamplesSplit, minSamplesLeaf, minImpurityDecrease, maxLeafNodes);
        }

        public Params withCriterion(RegressionCriterion v) {
            return new Params(v, maxDepth, minSamplesSplit, minSamplesLeaf, minImpurityDecrease, maxFeatures,
                    maxLeafNodes, seed);
        }

        public Params withMaxDepth(Integer v) {
            return new Params(criterion, v, minSamplesSplit, minSamplesLeaf, minImpurityDecrease, maxFeatures,
                    maxLeafNodes, seed);
        }

        public Params withMinSamplesSplit(int v) {
            return new Params(criterion, maxDepth, v, minSamplesLeaf, minImpurityDecrease, maxFeatures,
                    maxLeafNodes, seed);
        }

        public Params withMinSamplesLeaf(int v) {
            return new Params(criterion, maxDepth, minSamplesSplit, v, minImpurityDecrease, maxFeatures,
                    maxLeafNodes, seed);
        }

        public Params withMinImpurityDecrease(double v) {
            return new Params(criterion, maxDepth, minSamplesSplit, minSamplesLeaf, v, maxFeatures,
                    maxLeafNodes, seed);
        }

        public Params withMaxFeatures(MaxFeatures v) {
            return new Params(criterion, maxDepth, minSamplesSplit, minSamplesLeaf, minImpurityDecrease, v,
                    maxLeafNodes, seed);
        }

        public Params withMaxLeafNodes(Integer v) {
            return new Params(criterion, maxDepth, minSamplesSplit, minSamplesLeaf, minImpurityDecrease, maxFeatures,
                    v, seed);
        }

        public Params withSeed(long v) {
            return new Params(criterion, maxDepth, minSamplesSplit, minSamplesLeaf, minImpurityDecrease, maxFeatures,
                    maxLeafNodes, v);
        }
    }

    private final Params params;

    public DecisionTreeRegressor() {
        this(Params.defaults());
    }

    public DecisionTreeRegressor(Params params) {
        this.params = Objects.requireNonNull(params, "params");
    }

    public Params params() {
        return params;
    }

    @Override
    public DecisionTreeRegressorModel fit(Frame features, Column target) {
        Matrix x = NumericInput.features(features, NAME);
        double[] y = NumericInput.target(target, x.rows(), NAME);
        CartGrower grower = CartGrower.regression(CartData.regression(x, y), params.criterion(), params.limits(),
                params.maxFeatures().resolve(x.cols()));
        Tree tree = grower.grow(null, Rng.seeded(params.seed()));
        return new DecisionTreeRegressorModel(params, features.schema(), tree);
    }
}
