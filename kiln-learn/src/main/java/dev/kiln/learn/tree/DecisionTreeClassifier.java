package dev.kiln.learn.tree;

import dev.kiln.core.frame.Column;
import dev.kiln.core.frame.Frame;
import dev.kiln.core.linalg.Matrix;
import dev.kiln.core.model.Estimator;
import dev.kiln.core.random.Rng;
import dev.kiln.learn.data.ClassTarget;
import dev.kiln.learn.data.NumericInput;
import java.util.Objects;

/**
 * A CART classification tree (Breiman et al. 1984) as scikit-learn's
 * {@code DecisionTreeClassifier}: binary splits {@code x_j <= t} chosen to minimise the
 * weighted Gini index or entropy of the children; leaves give the class distribution of their
 * training rows. Grown by {@link CartGrower}.
 */
public final class DecisionTreeClassifier implements Estimator<DecisionTreeClassifierModel> {
    static final String NAME = "decision-tree";

    /**
     * The hyperparameters, scikit-learn's names in camel case; see {@link GrowthLimits} for the
     * stopping rules.
     *
     * @param criterion           the impurity: GINI (default) or ENTROPY / LOG_LOSS
     * @param maxDepth            the deepest a leaf may be, or null for no limit (default)
     * @param minSamplesSplit     the fewest rows a node needs to be split (default 2)
     * @param minSamplesLeaf      the fewest rows a leaf may have (default 1)
     * @param minImpurityDecrease the least weighted impurity decrease of a split (default 0)
     * @param maxFeatures         features drawn at each split (default all)
     * @param maxLeafNodes        the most leaves, grown best-first, or null for no limit (default)
     * @param classWeight         weights per class (default none)
     * @param seed                draws the order in which features are tried; ties between
     *                            equally good splits go to the feature tried first
     */
    public record Params(ClassificationCriterion criterion, Integer maxDepth, int minSamplesSplit, int minSamplesLeaf,
                         double minImpurityDecrease, MaxFeatures maxFeatures, Integer maxLeafNodes,
                         ClassWeight classWeight, long seed) {

        public Params {
            Objects.requireNonNull(criterion, "criterion");
            Objects.requireNonNull(maxFeatures, "maxFeatures");
            Objects.requireNonNull(classWeight, "classWeight");
            new GrowthLimits(maxDepth, minSamplesSplit, minSamplesLeaf, minImpurityDecrease, maxLeafNodes);
        }

        /** scikit-learn 1.2's defaults, with seed 0 in place of its unseeded {@code random_state=None}. */
        public static Params defaults() {
            return new Params(ClassificationCriterion.GINI, null, 2, 1, 0.0, MaxFeatures.all(), null,
                    ClassWeight.none(), 0);
        }

        public GrowthLimits limits() {
            return new GrowthLimits(maxDepth, minSamplesSplit, minSamplesLeaf, minImpurityDecrease, maxLeafNodes);
        }

        public Params withCriterion(ClassificationCriterion v) {
            return new Params(v, maxDepth, minSamplesSplit, minSamplesLeaf, minImpurityDecrease, maxFeatures,
                    maxLeafNodes, classWeight, seed);
        }

        public Params withMaxDepth(Integer v) {
            return new Params(criterion, v, minSamplesSplit, minSamplesLeaf, minImpurityDecrease, maxFeatures,
                    maxLeafNodes, classWeight, seed);
        }

        public Params withMinSamplesSplit(int v) {
            return new Params(criterion, maxDepth, v, minSamplesLeaf, minImpurityDecrease, maxFeatures,
                    maxLeafNodes, classWeight, seed);
        }

        public Params withMinSamplesLeaf(int v) {
            return new Params(criterion, maxDepth, minSamplesSplit, v, minImpurityDecrease, maxFeatures,
                    maxLeafNodes, classWeight, seed);
        }

        public Params withMinImpurityDecrease(double v) {
            return new Params(criterion, maxDepth, minSamplesSplit, minSamplesLeaf, v, maxFeatures,
                    maxLeafNodes, classWeight, seed);
        }

        public Params withMaxFeatures(MaxFeatures v) {
            return new Params(criterion, maxDepth, minSamplesSplit, minSamplesLeaf, minImpurityDecrease, v,
                    maxLeafNodes, classWeight, seed);
        }

        public Params withMaxLeafNodes(Integer v) {
            return new Params(criterion, maxDepth, minSamplesSplit, minSamplesLeaf, minImpurityDecrease, maxFeatures,
                    v, classWeight, seed);
        }

        public Params withClassWeight(ClassWeight v) {
            return new Params(criterion, maxDepth, minSamplesSplit, minSamplesLeaf, minImpurityDecrease, maxFeatures,
                    maxLeafNodes, v, seed);
        }

        public Params withSeed(long v) {
            return new Params(criterion, maxDepth, minSamplesSplit, minSamplesLeaf, minImpurityDecrease, maxFeatures,
                    maxLeafNodes, classWeight, v);
        }
    }

    private final Params params;

    public DecisionTreeClassifier() {
        this(Params.defaults());
    }

    public DecisionTreeClassifier(Params params) {
        this.params = Objects.requireNonNull(params, "params");
    }

    public Params params() {
        return params;
    }

    @Override
    public DecisionTreeClassifierModel fit(Frame features, Column target) {
        Matrix x = NumericInput.features(features, NAME);
        ClassTarget y = ClassTarget.of(target, x.rows(), NAME);
        int[] codes = y.codes();
        double[] weights = params.classWeight().isNone() ? null
                : params.classWeight().perRow(y.classes(), codes, y.counts());
        CartGrower grower = CartGrower.classification(CartData.classification(x, codes, y.classCount()),
                params.criterion(), params.limits(), params.maxFeatures().resolve(x.cols()));
        Tree tree = grower.grow(weights, Rng.seeded(params.seed()));
        return new DecisionTreeClassifierModel(params, features.schema(), y.classes(), tree);
    }
}
