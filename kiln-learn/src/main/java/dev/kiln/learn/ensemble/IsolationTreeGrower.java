package dev.kiln.learn.ensemble;

import dev.kiln.core.linalg.Matrix;
import dev.kiln.core.random.Rng;
import dev.kiln.learn.tree.Tree;
import dev.kiln.learn.tree.TreeArrays;
import java.util.ArrayDeque;

/**
 * Grows one isolation tree (Liu, Ting and Zhou 2008) as scikit-learn's extra-tree with one
 * random feature per split: at each node, features are drawn at random until one is not
 * constant on the node's rows, and the node splits at a threshold drawn uniformly between that
 * feature's smallest and largest value there. Nodes of one row, or at the depth limit, are
 * leaves; a leaf's value is its path length, its depth plus {@link #averagePathLength} of its rows.
 */
final class IsolationTreeGrower {
    /** Values closer than this count as equal, as in scikit-learn ({@code FEATURE_THRESHOLD}). */
    private static final double FEATURE_THRESHOLD = 1e-7;

    private final Matrix x;
    private final int[] columns;
    private final int maxDepth;
    private final Rng rng;

    /** @param columns the features this tree may split on */
    IsolationTreeGrower(Matrix x, int[] columns, int maxDepth, Rng rng) {
        this.x = x;
        this.columns = columns.clone();
        this.maxDepth = maxDepth;
        this.rng = rng;
    }

    private record Pending(int node, int start, int end, int depth) {
    }

    /** The tree grown on {@code rows} (which it reorders). */
    Tree grow(int[] rows) {
        TreeArrays tree = new TreeArrays(1);
        ArrayDeque<Pending> stack = new ArrayDeque<>();
        stack.push(new Pending(tree.addNode(new double[] {0}, Double.NaN, rows.length, rows.length), 0, rows.length, 0));
        while (!stack.isEmpty()) {
            Pending p = stack.pop();
            int n = p.end() - p.start();
            int feature = -1;
            double threshold = 0;
            if (n > 1 && p.depth() < maxDepth) {
                for (int drawable = columns.length; drawable > 0 && feature < 0; drawable--) {
                    int j = rng.nextInt(drawable);
                    int f = columns[j];
                    columns[j] = columns[drawable - 1];
                    columns[drawable - 1] = f;
                    double lo = Double.POSITIVE_INFINITY;
                    double hi = Double.NEGATIVE_INFINITY;
                    for (int i = p.start(); i < p.end(); i++) {
                        double v = x.get(rows[i], f);
                        lo = Math.min(lo, v);
                        hi = Math.max(hi, v);
                    }
                    if (hi > lo + FEATURE_THRESHOLD) {
                        feature = f;
                        threshold = lo + (hi - lo) * rng.nextDouble();
                        if (threshold == hi) {
                            threshold = lo;
                        }
                    }
                }
            }
            if (feature < 0) {
                tree.setValue(p.node(), 0, p.depth() + averagePathLength(n));
                continue;
            }
            int mid = partition(rows, p.start(), p.end(), feature, threshold);
            int left = tree.addNode(new double[] {0}, Double.NaN, mid - p.start(), mid - p.start());
            int right = tree.addNode(new double[] {0}, Double.NaN, p.end() - mid, p.end() - mid);
            tree.setSplit(p.node(), feature, threshold, left, right);
            stack.push(new Pending(right, mid, p.end(), p.depth() + 1));
            stack.push(new Pending(left, p.start(), mid, p.depth() + 1));
        }
        return tree.toTree();
    }

    private int partition(int[] rows, int start, int end, int f, double t) {
        int i = start;
        int j = end - 1;
        while (i <= j) {
            if (x.get(rows[i], f) <= t) {
                i++;
            } else {
                int tmp = rows[i];
                rows[i] = rows[j];
                rows[j--] = tmp;
            }
        }
        return i;
    }

    /**
     * c(n), the average path length of an unsuccessful search in a binary search tree of n
     * keys: the depth an isolation tree would still add below a leaf of n rows. c(1) = 0,
     * c(2) = 1, else {@code 2(ln(n − 1) + γ) − 2(n − 1)/n}.
     */
    static double averagePathLength(int n) {
        if (n <= 1) {
            return 0;
        }
        if (n == 2) {
            return 1;
        }
        return 2 * (Math.log(n - 1.0) + 0.5772156649015329) - 2.0 * (n - 1.0) / n;
    }
}
