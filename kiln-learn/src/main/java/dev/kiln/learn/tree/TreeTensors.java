package dev.kiln.learn.tree;

import dev.kiln.core.modelfile.ModelReader;
import dev.kiln.core.modelfile.ModelWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * How trees are saved: the node arrays of all trees of a model concatenated into one tensor
 * each ({@code feature}, {@code threshold}, {@code left}, {@code right}, {@code value} of
 * shape (nodes, width), {@code impurity}, {@code samples}, {@code weighted_samples}), child
 * indices local to their tree, and {@code node_counts} saying where each tree starts.
 */
public final class TreeTensors {
    private TreeTensors() {
    }

    /** Writes {@code trees}, which must all have the same value width. */
    public static void write(List<Tree> trees, ModelWriter out) {
        if (trees.isEmpty()) {
            throw new IllegalArgumentException("no trees to write");
        }
        int width = trees.get(0).valueWidth();
        int total = 0;
        int[] counts = new int[trees.size()];
        for (int t = 0; t < counts.length; t++) {
            if (trees.get(t).valueWidth() != width) {
                throw new IllegalArgumentException("tree " + t + " has value width " + trees.get(t).valueWidth()
                        + ", tree 0 has " + width);
            }
            counts[t] = trees.get(t).nodeCount();
            total += counts[t];
        }
        int[] feature = new int[total];
        double[] threshold = new double[total];
        int[] left = new int[total];
        int[] right = new int[total];
        double[] value = new double[total * width];
        double[] impurity = new double[total];
        int[] samples = new int[total];
        double[] weighted = new double[total];
        int at = 0;
        for (Tree tree : trees) {
            int n = tree.nodeCount();
            System.arraycopy(tree.features(), 0, feature, at, n);
            System.arraycopy(tree.thresholds(), 0, threshold, at, n);
            System.arraycopy(tree.leftChildren(), 0, left, at, n);
            System.arraycopy(tree.rightChildren(), 0, right, at, n);
            System.arraycopy(tree.values(), 0, value, at * width, n * width);
            System.arraycopy(tree.impurities(), 0, impurity, at, n);
            System.arraycopy(tree.sampleCounts(), 0, samples, at, n);
            System.arraycopy(tree.weightedSampleCounts(), 0, weighted, at, n);
            at += n;
        }
        out.tensor("node_counts", counts, counts.length);
        out.tensor("feature", feature, total);
        out.tensor("threshold", threshold, total);
        out.tensor("left", left, total);
        out.tensor("right", right, total);
        out.tensor("value", value, total, width);
        out.tensor("impurity", impurity, total);
        out.tensor("samples", samples, total);
        out.tensor("weighted_samples", weighted, total);
    }

    /** Reads the trees {@link #write} wrote; each must have {@code width} values per node. */
    public static List<Tree> read(ModelReader in, int width) {
        long[] countShape = in.shape("node_counts");
        if (countShape.length != 1) {
            throw in.error("node_counts must be one-dimensional, got shape " + Arrays.toString(countShape));
        }
        int[] counts = in.ints("node_counts");
        long total = 0;
        for (int c : counts) {
            if (c < 1) {
                throw in.error("every tree needs at least one node; node_counts holds " + c);
            }
            total += c;
        }
        int[] feature = in.ints("feature", total);
        double[] threshold = in.doubles("threshold", total);
        int[] left = in.ints("left", total);
        int[] right = in.ints("right", total);
        double[] value = in.doubles("value", total, width);
        double[] impurity = in.doubles("impurity", total);
        int[] samples = in.ints("samples", total);
        double[] weighted = in.doubles("weighted_samples", total);
        List<Tree> trees = new ArrayList<>(counts.length);
        int at = 0;
        for (int c : counts) {
            int to = at + c;
            trees.add(new Tree(new Tree.Nodes(Arrays.copyOfRange(feature, at, to), Arrays.copyOfRange(threshold, at, to),
                    Arrays.copyOfRange(left, at, to), Arrays.copyOfRange(right, at, to),
                    Arrays.copyOfRange(value, at * width, to * width), width, Arrays.copyOfRange(impurity, at, to),
                    Arrays.copyOfRange(samples, at, to), Arrays.copyOfRange(weighted, at, to))));
            at = to;
        }
        return trees;
    }
}
