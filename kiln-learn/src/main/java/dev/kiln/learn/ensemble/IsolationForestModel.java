package dev.kiln.learn.ensemble;

import dev.kiln.core.frame.Frame;
import dev.kiln.core.frame.Schema;
import dev.kiln.core.linalg.Matrix;
import dev.kiln.learn.data.NumericInput;
import dev.kiln.learn.tree.LeafSums;
import dev.kiln.learn.tree.Tree;
import dev.kiln.learn.tree.Trees;
import java.util.List;

/**
 * A fitted {@link IsolationForest}: scores rows by how quickly its trees isolate them. Each
 * tree's leaf values are path lengths, so a row's mean leaf value is its expected path length.
 * Immutable and thread-safe.
 */
public final class IsolationForestModel {
    private final IsolationForest.Params params;
    private final Schema inputSchema;
    private final List<Tree> trees;
    private final int maxSamples;
    private final double offset;

    IsolationForestModel(IsolationForest.Params params, Schema inputSchema, List<Tree> trees, int maxSamples,
                         double offset) {
        if (trees.isEmpty()) {
            throw new IllegalArgumentException("an isolation forest needs at least one tree");
        }
        if (maxSamples < 1) {
            throw new IllegalArgumentException("the subsample size must be >= 1, got " + maxSamples);
        }
        for (Tree t : trees) {
            Trees.check(t, inputSchema, 1);
        }
        this.params = params;
        this.inputSchema = inputSchema;
        this.trees = List.copyOf(trees);
        this.maxSamples = maxSamples;
        this.offset = offset;
    }

    public IsolationForest.Params params() {
        return params;
    }

    /** The columns the forest was fitted on. */
    public Schema inputSchema() {
        return inputSchema;
    }

    /** The trees; a leaf's value is the path length of the rows that reach it. */
    public List<Tree> trees() {
        return trees;
    }

    /** ψ, the rows each tree was grown on (scikit-learn's {@code max_samples_}). */
    public int maxSamples() {
        return maxSamples;
    }

    /** Rows whose score is below this are outliers (scikit-learn's {@code offset_}). */
    public double offset() {
        return offset;
    }

    /**
     * Each row's anomaly score {@code −2^(−E[h]/c(ψ))}, in [−1, 0): the lower, the more abnormal
     * (scikit-learn's {@code score_samples}).
     */
    public double[] scoreSamples(Frame features) {
        return scores(trees, maxSamples, NumericInput.featuresFor(inputSchema, features, IsolationForest.NAME));
    }

    /** Each row's score minus the offset: negative for outliers (scikit-learn's {@code decision_function}). */
    public double[] decisionFunction(Frame features) {
        double[] s = scoreSamples(features);
        for (int i = 0; i < s.length; i++) {
            s[i] -= offset;
        }
        return s;
    }

    /** Whether each row is an outlier: its score is below the offset. */
    public boolean[] isOutlier(Frame features) {
        double[] s = scoreSamples(features);
        boolean[] out = new boolean[s.length];
        for (int i = 0; i < s.length; i++) {
            out[i] = s[i] < offset;
        }
        return out;
    }

    static double[] scores(List<Tree> trees, int maxSamples, Matrix x) {
        double[] depth = LeafSums.of(trees, null, x, 1);
        double scale = trees.size() * IsolationTreeGrower.averagePathLength(maxSamples);
        for (int i = 0; i < depth.length; i++) {
            depth[i] = -Math.pow(2, -depth[i] / scale);
        }
        return depth;
    }
}
