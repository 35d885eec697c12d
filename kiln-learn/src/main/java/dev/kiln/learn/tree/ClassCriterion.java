package dev.kiln.learn.tree;

import java.util.Arrays;

/** A classification impurity computed from the weighted class counts of a node. */
abstract class ClassCriterion extends SplitCriterion {
    protected final int[] codes;
    protected final int classes;
    protected final double[] total;
    protected final double[] left;
    protected double totalWeight;

    ClassCriterion(int[] codes, int classes) {
        this.codes = codes;
        this.classes = classes;
        this.total = new double[classes];
        this.left = new double[classes];
    }

    static ClassCriterion of(ClassificationCriterion c, int[] codes, int classes) {
        return switch (c) {
            case GINI -> new GiniCriterion(codes, classes);
            case ENTROPY, LOG_LOSS -> new EntropyCriterion(codes, classes);
        };
    }

    @Override
    int valueWidth() {
        return classes;
    }

    /** The impurity of a node with these weighted class counts summing to {@code w}. */
    abstract double impurity(double[] counts, double w);

    /** The node's class distribution (weighted fractions) as its value. */
    @Override
    double node(int[] rows, int start, int end, double[] value) {
        double w = count(rows, start, end, value);
        setNodeWeight(w);
        double impurity = impurity(value, w);
        if (w > 0) {
            for (int k = 0; k < classes; k++) {
                value[k] /= w;
            }
        }
        return impurity;
    }

    @Override
    void beginScan(int[] rows, int start, int end) {
        totalWeight = count(rows, start, end, total);
    }

    private double count(int[] rows, int start, int end, double[] counts) {
        Arrays.fill(counts, 0, classes, 0.0);
        double w = 0;
        for (int i = start; i < end; i++) {
            int r = rows[i];
            double wr = weight[r];
            counts[codes[r]] += wr;
            w += wr;
        }
        return w;
    }
}
