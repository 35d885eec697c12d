package dev.kiln.learn.ensemble;

import dev.kiln.core.frame.Frame;
import dev.kiln.core.frame.Schema;
import dev.kiln.core.linalg.Matrix;
import dev.kiln.core.model.ClassificationModel;
import dev.kiln.core.model.ClassificationPrediction;
import dev.kiln.learn.data.NumericInput;
import dev.kiln.learn.tree.LeafSums;
import dev.kiln.learn.tree.Tree;
import dev.kiln.learn.tree.Trees;
import java.util.List;

/**
 * A fitted {@link GradientBoostingClassifier}. Raw scores are the baseline plus the trees' leaf
 * values; with two classes one logit gives the second class's probability σ(f), with more
 * classes the softmax of one score per class gives the probabilities.
 */
public final class GradientBoostingClassifierModel implements ClassificationModel {
    private final GradientBoosting.Params params;
    private final Schema inputSchema;
    private final List<String> classes;
    private final double[] baseline;
    private final List<Tree> trees;
    private final double[] trainScores;
    private final double[] validationScores;

    GradientBoostingClassifierModel(GradientBoosting.Params params, Schema inputSchema, List<String> classes,
                                    double[] baseline, List<Tree> trees, double[] trainScores, double[] validationScores) {
        if (classes.size() < 2) {
            throw new IllegalArgumentException("a classifier needs at least two classes, got " + classes);
        }
        int outputs = classes.size() == 2 ? 1 : classes.size();
        if (baseline.length != outputs || trees.size() % outputs != 0) {
            throw new IllegalArgumentException(classes.size() + " classes need " + outputs + " scores per iteration; got "
                    + baseline.length + " baseline scores and " + trees.size() + " trees");
        }
        for (Tree t : trees) {
            Trees.check(t, inputSchema, 1);
        }
        this.params = params;
        this.inputSchema = inputSchema;
        this.classes = List.copyOf(classes);
        this.baseline = baseline.clone();
        this.trees = List.copyOf(trees);
        this.trainScores = trainScores.clone();
        this.validationScores = validationScores.clone();
    }

    public GradientBoosting.Params params() {
        return params;
    }

    @Override
    public List<String> classes() {
        return classes;
    }

    /** The raw scores before any tree: one logit for two classes, else one centred log share per class. */
    public double[] baseline() {
        return baseline.clone();
    }

    /** How many raw scores each row gets: 1 for two classes, else the number of classes. */
    public int outputs() {
        return baseline.length;
    }

    /** The trees: iteration by iteration, within an iteration one per output; leaf values include the learning rate. */
    public List<Tree> trees() {
        return trees;
    }

    /** How many boosting iterations ran (fewer than maxIter when boosting stopped early). */
    public int iterations() {
        return trees.size() / baseline.length;
    }

    /** With early stopping: minus the mean training log loss before each iteration and after the last. */
    public double[] trainScores() {
        return trainScores.clone();
    }

    /** With early stopping on held-out rows: their scores, as {@link #trainScores()}. */
    public double[] validationScores() {
        return validationScores.clone();
    }

    /** Each row's raw scores (row-major, {@link #outputs()} per row). */
    public double[] rawScores(Frame features) {
        Matrix x = NumericInput.featuresFor(inputSchema, features, GradientBoosting.NAME);
        int k = baseline.length;
        int[] column = new int[trees.size()];
        for (int t = 0; t < column.length; t++) {
            column[t] = t % k;
        }
        double[] raw = LeafSums.of(trees, column, x, k);
        for (int i = 0; i < raw.length; i++) {
            raw[i] += baseline[i % k];
        }
        return raw;
    }

    @Override
    public ClassificationPrediction predict(Frame features) {
        double[] raw = rawScores(features);
        int k = baseline.length;
        int rows = raw.length / k;
        double[][] proba = new double[rows][];
        for (int i = 0; i < rows; i++) {
            if (k == 1) {
                double p = BoostingLoss.Binomial.sigmoid(raw[i]);
                proba[i] = new double[] {1 - p, p};
            } else {
                double[][] scores = new double[k][1];
                for (int c = 0; c < k; c++) {
                    scores[c][0] = raw[i * k + c];
                }
                proba[i] = new double[k];
                BoostingLoss.Multinomial.softmax(scores, 0, proba[i]);
            }
        }
        return ClassificationPrediction.fromProbabilities(classes, proba);
    }

    @Override
    public Schema inputSchema() {
        return inputSchema;
    }
}
