package dev.kiln.learn.tree;

import dev.kiln.core.frame.Frame;
import dev.kiln.core.frame.Schema;
import dev.kiln.core.linalg.Matrix;
import dev.kiln.core.model.ClassificationModel;
import dev.kiln.core.model.ClassificationPrediction;
import dev.kiln.core.model.FeatureImportances;
import dev.kiln.learn.data.NumericInput;
import java.util.List;

/**
 * A fitted {@link DecisionTreeClassifier}: each row's class probabilities are the class
 * distribution of the leaf it reaches; the predicted class is the most probable one.
 */
public final class DecisionTreeClassifierModel implements ClassificationModel, FeatureImportances {
    private final DecisionTreeClassifier.Params params;
    private final Schema inputSchema;
    private final List<String> classes;
    private final Tree tree;

    DecisionTreeClassifierModel(DecisionTreeClassifier.Params params, Schema inputSchema, List<String> classes, Tree tree) {
        Trees.classTree(tree, inputSchema, classes);
        this.params = params;
        this.inputSchema = inputSchema;
        this.classes = List.copyOf(classes);
        this.tree = tree;
    }

    public DecisionTreeClassifier.Params params() {
        return params;
    }

    /** The fitted tree; node values are class distributions in the order of {@link #classes()}. */
    public Tree tree() {
        return tree;
    }

    @Override
    public List<String> classes() {
        return classes;
    }

    @Override
    public ClassificationPrediction predict(Frame features) {
        Matrix x = NumericInput.featuresFor(inputSchema, features, DecisionTreeClassifier.NAME);
        return ClassificationPrediction.fromProbabilities(classes, Trees.rows(
                LeafSums.of(List.of(tree), null, x, classes.size()), x.rows(), classes.size()));
    }

    /** The leaf each row reaches (scikit-learn's {@code apply}). */
    public int[] leaves(Frame features) {
        return Trees.leaves(tree, NumericInput.featuresFor(inputSchema, features, DecisionTreeClassifier.NAME));
    }

    @Override
    public double[] featureImportances() {
        return tree.featureImportances(inputSchema.size());
    }

    @Override
    public Schema inputSchema() {
        return inputSchema;
    }
}
