package dev.kiln.learn.ensemble;

import dev.kiln.core.frame.Column;
import dev.kiln.core.frame.Frame;
import dev.kiln.core.linalg.Matrix;
import dev.kiln.core.model.Estimator;
import dev.kiln.learn.data.ClassTarget;
import dev.kiln.learn.data.NumericInput;
import dev.kiln.learn.tree.CartData;
import dev.kiln.learn.tree.CartGrower;
import dev.kiln.learn.tree.DecisionTreeClassifier;
import dev.kiln.learn.tree.MaxFeatures;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * A random forest of classification trees (Breiman, "Random Forests", Machine Learning 45,
 * 2001) as scikit-learn's {@code RandomForestClassifier}: each tree grows to full depth on a
 * bootstrap sample, drawing a random subset of the features at every split; the forest's class
 * probabilities are the mean of its trees' leaf class distributions. Optionally scores itself on
 * the rows each tree did not see (out-of-bag accuracy).
 */
public final class RandomForestClassifier implements Estimator<RandomForestClassifierModel> {
    static final String NAME = "random-forest";

    /**
     * The hyperparameters.
     *
     * @param nEstimators the number of trees (default 100)
     * @param tree        how each tree grows (default: scikit-learn's tree defaults with
     *                    {@code maxFeatures = sqrt}); its class weights apply to every tree, its
     *                    seed seeds the forest
     * @param bootstrap   whether each tree sees a bootstrap sample (default) or every row once
     * @param maxSamples  the size of each bootstrap sample as a fraction of the rows, in (0, 1],
     *                    or null for as many as there are rows (default)
     * @param oobScore    whether to compute the out-of-bag accuracy (default false; needs bootstrap)
     */
    public record Params(int nEstimators, DecisionTreeClassifier.Params tree, boolean bootstrap, Double maxSamples,
                         boolean oobScore) {

        public Params {
            Objects.requireNonNull(tree, "tree");
            ForestChecks.check(nEstimators, bootstrap, maxSamples, oobScore);
        }

        /** scikit-learn 1.2's defaults, with seed 0 in place of its unseeded {@code random_state=None}. */
        public static Params defaults() {
            return new Params(100, DecisionTreeClassifier.Params.defaults().withMaxFeatures(MaxFeatures.sqrt()), true,
                    null, false);
        }

        public Params withNEstimators(int v) {
            return new Params(v, tree, bootstrap, maxSamples, oobScore);
        }

        public Params withTree(DecisionTreeClassifier.Params v) {
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

    public RandomForestClassifier() {
        this(Params.defaults());
    }

    public RandomForestClassifier(Params params) {
        this.params = Objects.requireNonNull(params, "params");
    }

    public Params params() {
        return params;
    }

    @Override
    public RandomForestClassifierModel fit(Frame features, Column target) {
        Matrix x = NumericInput.features(features, NAME);
        ClassTarget y = ClassTarget.of(target, x.rows(), NAME);
        int[] codes = y.codes();
        DecisionTreeClassifier.Params tp = params.tree();
        double[] classWeights = tp.classWeight().isNone() ? null : tp.classWeight().perRow(y.classes(), codes, y.counts());
        CartGrower grower = CartGrower.classification(CartData.classification(x, codes, y.classCount()),
                tp.criterion(), tp.limits(), tp.maxFeatures().resolve(x.cols()));
        Bagging forest = Bagging.grow(grower, x.rows(), classWeights, params.nEstimators(),
                ForestChecks.sampleSize(params.bootstrap(), params.maxSamples(), x.rows()), tp.seed(),
                "Training random forest");
        OptionalDouble oob = params.oobScore() ? OptionalDouble.of(outOfBagAccuracy(forest, x, codes, y.classCount()))
                : OptionalDouble.empty();
        return new RandomForestClassifierModel(params, features.schema(), y.classes(), forest.trees(), oob);
    }

    /** The accuracy of the out-of-bag class probabilities, over the rows some tree left out. */
    private static double outOfBagAccuracy(Bagging forest, Matrix x, int[] codes, int k) {
        int[] votes = new int[x.rows()];
        double[] sums = forest.outOfBagSums(x, k, votes);
        int counted = 0;
        int right = 0;
        for (int i = 0; i < votes.length; i++) {
            if (votes[i] == 0) {
                continue;
            }
            int best = 0;
            for (int c = 1; c < k; c++) {
                if (sums[i * k + c] > sums[i * k + best]) {
                    best = c;
                }
            }
            counted++;
            right += best == codes[i] ? 1 : 0;
        }
        if (counted == 0) {
            throw new IllegalArgumentException(NAME + ": every row is in every tree's sample, so there is no "
                    + "out-of-bag score; use more trees or a smaller max_samples");
        }
        return (double) right / counted;
    }
}
