package dev.kiln.learn.ensemble;

import dev.kiln.core.frame.Frame;
import dev.kiln.core.frame.Schema;
import dev.kiln.core.linalg.Matrix;
import dev.kiln.core.model.RegressionModel;
import dev.kiln.core.model.RegressionPrediction;
import dev.kiln.learn.data.NumericInput;
import dev.kiln.learn.tree.LeafSums;
import dev.kiln.learn.tree.Tree;
import dev.kiln.learn.tree.Trees;
import java.util.List;

/** A fitted {@link GradientBoostingRegressor}: the baseline plus every tree's leaf value. */
public final class GradientBoostingRegressorModel implements RegressionModel {
    private final GradientBoosting.Params params;
    private final Schema inputSchema;
    private final double baseline;
    private final List<Tree> trees;
    private final double[] trainScores;
    private final double[] validationScores;

    GradientBoostingRegressorModel(GradientBoosting.Params params, Schema inputSchema, double baseline, List<Tree> trees,
                                   double[] trainScores, double[] validationScores) {
        for (Tree t : trees) {
            Trees.check(t, inputSchema, 1);
        }
        this.params = params;
        this.inputSchema = inputSchema;
        this.baseline = baseline;
        this.trees = List.copyOf(trees);
        this.trainScores = trainScores.clone();
        this.validationScores = validationScores.clone();
    }

    public GradientBoosting.Params params() {
        return params;
    }

    /** The prediction before any tree: the mean training target. */
    public double baseline() {
        return baseline;
    }

    /** The trees, one per iteration; leaf values include the learning rate. */
    public List<Tree> trees() {
        return trees;
    }

    /** How many boosting iterations ran (fewer than maxIter when boosting stopped early). */
    public int iterations() {
        return trees.size();
    }

    /** With early stopping: minus half the mean squared training error before each iteration and after the last. */
    public double[] trainScores() {
        return trainScores.clone();
    }

    /** With early stopping on held-out rows: their scores, as {@link #trainScores()}. */
    public double[] validationScores() {
        return validationScores.clone();
    }

    @Override
    public RegressionPrediction predict(Frame features) {
        Matrix x = NumericInput.featuresFor(inputSchema, features, GradientBoosting.NAME);
        double[] out = LeafSums.of(trees, null, x, 1);
        for (int i = 0; i < out.length; i++) {
            out[i] += baseline;
        }
        return new RegressionPrediction(out);
    }

    @Override
    public Schema inputSchema() {
        return inputSchema;
    }
}
