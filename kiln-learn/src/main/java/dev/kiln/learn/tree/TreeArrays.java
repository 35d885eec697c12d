package dev.kiln.learn.tree;

import java.util.Arrays;

/**
 * The node arrays of a tree being grown, growing as nodes are added; {@link #toTree()} freezes
 * them. Growers add a node when they create it and fill in its split once they decide on one.
 */
public final class TreeArrays {
    private final int valueWidth;
    private int count;
    private int[] feature;
    private double[] threshold;
    private int[] left;
    private int[] right;
    private double[] value;
    private double[] impurity;
    private int[] samples;
    private double[] weightedSamples;

    public TreeArrays(int valueWidth) {
        this.valueWidth = valueWidth;
        int capacity = 16;
        feature = new int[capacity];
        threshold = new double[capacity];
        left = new int[capacity];
        right = new int[capacity];
        value = new double[capacity * valueWidth];
        impurity = new double[capacity];
        samples = new int[capacity];
        weightedSamples = new double[capacity];
    }

    /** Adds a leaf (for now) with the given statistics; returns its index. */
    public int addNode(double[] nodeValue, double nodeImpurity, int nodeSamples, double nodeWeight) {
        if (count == feature.length) {
            grow();
        }
        int i = count++;
        feature[i] = Tree.LEAF;
        threshold[i] = Double.NaN;
        left[i] = Tree.LEAF;
        right[i] = Tree.LEAF;
        System.arraycopy(nodeValue, 0, value, i * valueWidth, valueWidth);
        impurity[i] = nodeImpurity;
        samples[i] = nodeSamples;
        weightedSamples[i] = nodeWeight;
        return i;
    }

    /** Makes {@code node} a split on {@code f} at {@code t} with the given children. */
    public void setSplit(int node, int f, double t, int leftChild, int rightChild) {
        feature[node] = f;
        threshold[node] = t;
        left[node] = leftChild;
        right[node] = rightChild;
    }

    /** Overwrites component {@code k} of a node's value. */
    public void setValue(int node, int k, double v) {
        value[node * valueWidth + k] = v;
    }

    public int nodeCount() {
        return count;
    }

    public Tree toTree() {
        return new Tree(new Tree.Nodes(Arrays.copyOf(feature, count), Arrays.copyOf(threshold, count),
                Arrays.copyOf(left, count), Arrays.copyOf(right, count), Arrays.copyOf(value, count * valueWidth),
                valueWidth, Arrays.copyOf(impurity, count), Arrays.copyOf(samples, count),
                Arrays.copyOf(weightedSamples, count)));
    }

    private void grow() {
        int capacity = feature.length * 2;
        feature = Arrays.copyOf(feature, capacity);
        threshold = Arrays.copyOf(threshold, capacity);
        left = Arrays.copyOf(left, capacity);
        right = Arrays.copyOf(right, capacity);
        value = Arrays.copyOf(value, capacity * valueWidth);
        impurity = Arrays.copyOf(impurity, capacity);
        samples = Arrays.copyOf(samples, capacity);
        weightedSamples = Arrays.copyOf(weightedSamples, capacity);
    }
}
