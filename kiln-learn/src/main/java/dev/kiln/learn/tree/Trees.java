package dev.kiln.learn.tree;

import dev.kiln.core.frame.Schema;
import dev.kiln.core.linalg.Matrix;
import java.util.List;

/** Checks and conversions shared by the models made of trees. */
public final class Trees {
    private Trees() {
    }

    /**
     * Checks that {@code tree} fits a model over {@code schema}'s columns whose nodes hold
     * {@code valueWidth} numbers.
     *
     * @throws IllegalArgumentException naming what does not fit
     */
    public static void check(Tree tree, Schema schema, int valueWidth) {
        if (tree.valueWidth() != valueWidth) {
            throw new IllegalArgumentException("the tree's nodes hold " + tree.valueWidth() + " values; expected "
                    + valueWidth);
        }
        for (int i = 0; i < tree.nodeCount(); i++) {
            if (tree.feature(i) >= schema.size()) {
                throw new IllegalArgumentException("node " + i + " splits on feature " + tree.feature(i) + " of "
                        + schema.size());
            }
        }
    }

    /** Checks a classification tree: one value per class. */
    public static void classTree(Tree tree, Schema schema, List<String> classes) {
        if (classes.size() < 2) {
            throw new IllegalArgumentException("a classifier needs at least two classes, got " + classes);
        }
        check(tree, schema, classes.size());
    }

    /** A row-major array of {@code rows × width} numbers as one array per row. */
    public static double[][] rows(double[] flat, int rows, int width) {
        double[][] out = new double[rows][];
        for (int i = 0; i < rows; i++) {
            out[i] = java.util.Arrays.copyOfRange(flat, i * width, (i + 1) * width);
        }
        return out;
    }

    /** The leaf of {@code tree} each row of {@code x} reaches. */
    public static int[] leaves(Tree tree, Matrix x) {
        int[] out = new int[x.rows()];
        double[] data = x.storage();
        for (int i = 0; i < out.length; i++) {
            out[i] = tree.leaf(data, x.offset() + i * x.rowStride());
        }
        return out;
    }
}
