package dev.kiln.learn.tree;

import dev.kiln.core.frame.Frame;
import dev.kiln.core.frame.Schema;
import dev.kiln.core.linalg.Matrix;
import dev.kiln.core.model.FeatureImportances;
import dev.kiln.core.model.RegressionModel;
import dev.kiln.core.model.RegressionPrediction;
import dev.kiln.learn.data.NumericInput;
import java.util.List;

/** A fitted {@link DecisionTreeRegressor}: each row's prediction is the value of the leaf it reaches. */
public final class DecisionTreeRegressorModel implements RegressionModel, FeatureImportances {
    private final DecisionTreeRegressor.Params params;
    private final Schema inputSchema;
    private final Tree tree;

    DecisionTreeRegressorModel(DecisionTreeRegressor.Params params, Schema inputSchema, Tree tree) {
        Trees.check(tree, inputSchema, 1);
        this.params = params;
        this.inputSchema = inputSchema;
        this.tree = tree;
    }

    public DecisionTreeRegressor.Params params() {
        return params;
    }

    /** The fitted tree; node values are the mean (or, for absolute error, median) of the node's targets. */
    public Tree tree() {
        return tree;
    }

    @Override
    public RegressionPrediction predict(Frame features) {
        Matrix x = NumericInput.featuresFor(inputSchema, features, DecisionTreeRegressor.NAME);
        return new RegressionPrediction(LeafSums.of(List.of(tree), null, x, 1));
    }

    /** The leaf each row reaches (scikit-learn's {@code apply}). */
    public int[] leaves(Frame features) {
        return Trees.leaves(tree, NumericInput.featuresFor(inputSchema, features, DecisionTreeRegressor.NAME));
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
