package dev.kiln.learn.tree;

import dev.kiln.core.linalg.Matrix;
import dev.kiln.core.parallel.Parallelism;
import java.util.List;

/**
 * Adds up the leaf values many trees give each row of a table: what forests average and
 * boosted ensembles sum. Rows are taken in blocks, each block through every tree in turn, so a
 * tree's nodes stay in cache while a block passes through it; blocks run in parallel. Each
 * row's sum runs over the trees in order, so the result does not depend on the thread count.
 */
public final class LeafSums {
    private static final int BLOCK = 256;

    private LeafSums() {
    }

    /**
     * The sums, row-major with {@code outputs} columns: tree t adds its leaf value (all
     * {@code valueWidth} components) to columns {@code column[t], column[t] + 1, …}.
     *
     * @param column the first output column of each tree, or null for column 0 for every tree
     */
    public static double[] of(List<Tree> trees, int[] column, Matrix x, int outputs) {
        int n = x.rows();
        double[] out = new double[n * outputs];
        double[] data = x.storage();
        int offset = x.offset();
        int stride = x.rowStride();
        int blocks = (n + BLOCK - 1) / BLOCK;
        long work = (long) n * trees.size();
        int parts = work < 20_000 ? 1 : Math.min(blocks, Parallelism.threads() * 4);
        Parallelism.forEachPart(parts, part -> {
            int[] leaves = new int[BLOCK];
            for (int b = part; b < blocks; b += parts) {
                int from = b * BLOCK;
                int to = Math.min(n, from + BLOCK);
                for (int t = 0; t < trees.size(); t++) {
                    Tree tree = trees.get(t);
                    tree.leaves(data, offset, stride, from, to, leaves);
                    int width = tree.valueWidth();
                    int first = column == null ? 0 : column[t];
                    for (int i = from; i < to; i++) {
                        int o = i * outputs + first;
                        int leaf = leaves[i - from];
                        for (int k = 0; k < width; k++) {
                            out[o + k] += tree.value(leaf, k);
                        }
                    }
                }
            }
        });
        return out;
    }
}
