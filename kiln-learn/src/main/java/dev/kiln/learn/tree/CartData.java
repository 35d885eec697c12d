package dev.kiln.learn.tree;

import dev.kiln.core.linalg.Matrix;

/**
 * A training set prepared for growing CART trees: the features column by column, each
 * feature's rows in increasing order of value and each row's rank among the feature's
 * distinct values (computed once, on first use, and shared by all the trees of a forest), and
 * the target as class codes or numbers. Immutable once prepared; safe to share between threads.
 */
public final class CartData {
    private final int rows;
    private final int featureCount;
    private final double[][] columns;
    private final int[] classCodes;
    private final int classCount;
    private final double[] targets;
    private final int[] targetRanks;
    private volatile Presorted presorted;

    private CartData(Matrix x, int[] classCodes, int classCount, double[] targets) {
        this.rows = x.rows();
        this.featureCount = x.cols();
        this.columns = new double[featureCount][rows];
        for (int i = 0; i < rows; i++) {
            for (int f = 0; f < featureCount; f++) {
                double v = x.get(i, f);
                if (Double.isNaN(v)) {
                    throw new IllegalArgumentException("row " + i + ", feature " + f + " is missing (NaN)");
                }
                columns[f][i] = v + 0.0;
            }
        }
        this.classCodes = classCodes;
        this.classCount = classCount;
        this.targets = targets;
        this.targetRanks = targets == null ? null : Presorted.ranks(targets, RadixOrder.of(targets));
    }

    /** Features {@code x} (no NaN) with class codes in [0, classCount). */
    public static CartData classification(Matrix x, int[] codes, int classCount) {
        if (codes.length != x.rows()) {
            throw new IllegalArgumentException(codes.length + " class codes for " + x.rows() + " rows");
        }
        return new CartData(x, codes.clone(), classCount, null);
    }

    /** Features {@code x} (no NaN) with numeric targets. */
    public static CartData regression(Matrix x, double[] y) {
        if (y.length != x.rows()) {
            throw new IllegalArgumentException(y.length + " targets for " + x.rows() + " rows");
        }
        double[] targets = new double[y.length];
        for (int i = 0; i < y.length; i++) {
            if (Double.isNaN(y[i])) {
                throw new IllegalArgumentException("target " + i + " is missing (NaN)");
            }
            targets[i] = y[i] + 0.0;
        }
        return new CartData(x, null, 0, targets);
    }

    public int rows() {
        return rows;
    }

    public int featureCount() {
        return featureCount;
    }

    public boolean isClassification() {
        return classCodes != null;
    }

    /** The number of classes; 0 for regression. */
    public int classCount() {
        return classCount;
    }

    double[] column(int f) {
        return columns[f];
    }

    int[] classCodes() {
        return classCodes;
    }

    double[] targets() {
        return targets;
    }

    /** Each row's rank among the distinct targets (regression only). */
    int[] targetRanks() {
        return targetRanks;
    }

    /** Each feature's rows in increasing order of value (ties in row order). */
    int[] order(int f) {
        return presorted().order[f];
    }

    /** Each row's rank among feature f's distinct values. */
    int[] ranks(int f) {
        return presorted().ranks[f];
    }

    private Presorted presorted() {
        Presorted p = presorted;
        if (p == null) {
            synchronized (this) {
                p = presorted;
                if (p == null) {
                    p = new Presorted(columns, rows);
                    presorted = p;
                }
            }
        }
        return p;
    }

    /** Each column's sorting order, and ranks read off it. */
    private static final class Presorted {
        final int[][] order;
        final int[][] ranks;

        Presorted(double[][] columns, int rows) {
            order = new int[columns.length][];
            ranks = new int[columns.length][];
            for (int f = 0; f < columns.length; f++) {
                order[f] = RadixOrder.of(columns[f]);
                ranks[f] = ranks(columns[f], order[f]);
            }
        }

        /** Each value's rank among the distinct values of {@code col}, given the order that sorts it. */
        static int[] ranks(double[] col, int[] order) {
            int[] rank = new int[col.length];
            int r = -1;
            double previous = Double.NaN;
            for (int i : order) {
                if (!(col[i] == previous)) {
                    r++;
                    previous = col[i];
                }
                rank[i] = r;
            }
            return rank;
        }
    }
}
