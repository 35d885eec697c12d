package dev.kiln.learn.tree;

import dev.kiln.core.linalg.Matrix;
import dev.kiln.core.parallel.Parallelism;
import java.util.List;

/**
 * Adds up the leaf values many trees give each row of a table: what forests average and
 * boosted ensembles sum. Rows are taken in large blocks, each block through every tree in turn,
 * so that a tree's nodes, once in cache, serve thousands of rows (with blocks of 256 rows a
 * forest of deep trees predicted three times slower); blocks run in parallel. Each row's sum
 * runs over the trees in order, so the result does not depend on the thread count.
 */
public final class LeafSums {
    /** The most rows in a block: enough to reuse a tree, few enough to keep the block's rows near. */
    private static final int MAX_BLOCK = 32_768;
    private static final int MIN_BLOCK = 1_024;

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
        int threads = Parallelism.threads();
        int block = Math.max(MIN_BLOCK, Math.min(MAX_BLOCK, (n + 2 * threads - 1) / (2 * threads)));
        int blocks = (n + block - 1) / block;
        long work = (long) n * trees.size();
        int parts = work < 20_000 ? 1 : blocks;
        Parallelism.forEachPart(parts, part -> {
            int[] leaves = new int[block];
            for (int b = part; b < blocks; b += parts) {
                int from = b * block;
                int to = Math.min(n, from + block);
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
