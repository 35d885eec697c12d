package dev.kiln.learn.ensemble;

import dev.kiln.core.frame.Frame;
import dev.kiln.core.frame.Schema;
import dev.kiln.core.linalg.Matrix;
import dev.kiln.core.model.ClassificationModel;
import dev.kiln.core.model.ClassificationPrediction;
import dev.kiln.core.model.FeatureImportances;
import dev.kiln.learn.data.NumericInput;
import dev.kiln.learn.tree.LeafSums;
import dev.kiln.learn.tree.Tree;
import dev.kiln.learn.tree.Trees;
import java.util.List;
import java.util.OptionalDouble;

/**
 * A fitted {@link RandomForestClassifier}: a row's class probabilities are the mean over the
 * trees of the class distribution of the leaf it reaches; the predicted class is the most
 * probable one.
 */
public final class RandomForestClassifierModel implements ClassificationModel, FeatureImportances {
    private final RandomForestClassifier.Params params;
    private final Schema inputSchema;
    private final List<String> classes;
    private final List<Tree> trees;
    private final OptionalDouble oobScore;

    RandomForestClassifierModel(RandomForestClassifier.Params params, Schema inputSchema, List<String> classes,
                                List<Tree> trees, OptionalDouble oobScore) {
        if (trees.isEmpty()) {
            throw new IllegalArgumentException("a forest needs at least one tree");
        }
        for (Tree t : trees) {
            Trees.classTree(t, inputSchema, classes);
        }
        this.params = params;
        this.inputSchema = inputSchema;
        this.classes = List.copyOf(classes);
        this.trees = List.copyOf(trees);
        this.oobScore = oobScore;
    }

    public RandomForestClassifier.Params params() {
        return params;
    }

    /** The trees, in the order they were grown; node values are class distributions. */
    public List<Tree> trees() {
        return trees;
    }

    /** The out-of-bag accuracy, when {@link RandomForestClassifier.Params#oobScore()} asked for it. */
    public OptionalDouble oobScore() {
        return oobScore;
    }

    @Override
    public List<String> classes() {
        return classes;
    }

    @Override
    public ClassificationPrediction predict(Frame features) {
        Matrix x = NumericInput.featuresFor(inputSchema, features, RandomForestClassifier.NAME);
        double[] sums = LeafSums.of(trees, null, x, classes.size());
        for (int i = 0; i < sums.length; i++) {
            sums[i] /= trees.size();
        }
        return ClassificationPrediction.fromProbabilities(classes, Trees.rows(sums, x.rows(), classes.size()));
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
