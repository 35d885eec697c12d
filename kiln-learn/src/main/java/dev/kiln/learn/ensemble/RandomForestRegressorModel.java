package dev.kiln.learn.ensemble;

import dev.kiln.core.frame.Frame;
import dev.kiln.core.frame.Schema;
import dev.kiln.core.linalg.Matrix;
import dev.kiln.core.model.FeatureImportances;
import dev.kiln.core.model.RegressionModel;
import dev.kiln.core.model.RegressionPrediction;
import dev.kiln.learn.data.NumericInput;
import dev.kiln.learn.tree.LeafSums;
import dev.kiln.learn.tree.Tree;
import dev.kiln.learn.tree.Trees;
import java.util.List;
import java.util.OptionalDouble;

/** A fitted {@link RandomForestRegressor}: a row's prediction is the mean of its trees' leaf values. */
public final class RandomForestRegressorModel implements RegressionModel, FeatureImportances {
    private final RandomForestRegressor.Params params;
    private final Schema inputSchema;
    private final List<Tree> trees;
    private final OptionalDouble oobScore;

    RandomForestRegressorModel(RandomForestRegressor.Params params, Schema inputSchema, List<Tree> trees,
                               OptionalDouble oobScore) {
        if (trees.isEmpty()) {
            throw new IllegalArgumentException("a forest needs at least one tree");
        }
        for (Tree t : trees) {
            Trees.check(t, inputSchema, 1);
        }
        this.params = params;
        this.inputSchema = inputSchema;
        this.trees = List.copyOf(trees);
        this.oobScore = oobScore;
    }

    public RandomForestRegressor.Params params() {
        return params;
    }

    /** The trees, in the order they were grown. */
    public List<Tree> trees() {
        return trees;
    }

    /** The out-of-bag R², when {@link RandomForestRegressor.Params#oobScore()} asked for it. */
    public OptionalDouble oobScore() {
        return oobScore;
    }

    @Override
    public RegressionPrediction predict(Frame features) {
        Matrix x = NumericInput.featuresFor(inputSchema, features, RandomForestRegressor.NAME);
        double[] sums = LeafSums.of(trees, null, x, 1);
        for (int i = 0; i < sums.length; i++) {
            sums[i] /= trees.size();
        }
        return new RegressionPrediction(sums);
    }

    /** The mean of the trees' normalised impurity-based importances, normalised (as scikit-learn). */
    @Override
    public double[] featureImportances() {
        return Bagging.featureImportances(trees, inputSchema.size());
    }

    @Override
    public Schema inputSchema() {
        return inputSchema;
    }
}
