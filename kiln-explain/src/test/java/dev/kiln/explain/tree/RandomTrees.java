package dev.kiln.explain.tree;

import dev.kiln.core.random.Rng;
import dev.kiln.learn.tree.Tree;
import java.util.ArrayList;
import java.util.List;

/** Random trees for tests: random splits (features may repeat along a path), random covers that add up, random leaf values. */
final class RandomTrees {
    private final Rng rng;
    private final int features;
    private final int maxDepth;
    private final List<int[]> nodes = new ArrayList<>();
    private final List<double[]> numbers = new ArrayList<>();

    private RandomTrees(Rng rng, int features, int maxDepth) {
        this.rng = rng;
        this.features = features;
        this.maxDepth = maxDepth;
    }

    /** A random tree over {@code features} columns, at most {@code maxDepth} deep, {@code width} values per node. */
    static Tree tree(Rng rng, int features, int maxDepth, int width) {
        RandomTrees r = new RandomTrees(rng, features, maxDepth);
        r.grow(0, 50 + 100 * rng.nextDouble(), width);
        int n = r.nodes.size();
        int[] feature = new int[n];
        double[] threshold = new double[n];
        int[] left = new int[n];
        int[] right = new int[n];
        double[] value = new double[n * width];
        double[] cover = new double[n];
        for (int i = 0; i < n; i++) {
            int[] node = r.nodes.get(i);
            double[] num = r.numbers.get(i);
            feature[i] = node[0];
            left[i] = node[1];
            right[i] = node[2];
            threshold[i] = num[0];
            cover[i] = num[1];
            System.arraycopy(num, 2, value, i * width, width);
        }
        int[] samples = new int[n];
        for (int i = 0; i < n; i++) {
            samples[i] = (int) Math.ceil(cover[i]);
        }
        return new Tree(feature, threshold, left, right, value, width, new double[n], samples, cover);
    }

    /** A random row: standard normal values, a few of them exactly on a threshold-like value 0. */
    static double[] row(Rng rng, int features) {
        double[] x = new double[features];
        for (int j = 0; j < features; j++) {
            x[j] = rng.nextDouble() < 0.1 ? 0 : rng.nextGaussian();
        }
        return x;
    }

    private int grow(int depth, double cover, int width) {
        int id = nodes.size();
        int[] node = {Tree.LEAF, Tree.LEAF, Tree.LEAF};
        double[] num = new double[2 + width];
        nodes.add(node);
        numbers.add(num);
        num[1] = cover;
        boolean leaf = depth == maxDepth || (depth > 0 && rng.nextDouble() < 0.25);
        if (leaf) {
            num[0] = Double.NaN;
            for (int k = 0; k < width; k++) {
                num[2 + k] = rng.nextGaussian();
            }
            return id;
        }
        node[0] = rng.nextInt(features);
        num[0] = rng.nextDouble() < 0.2 ? 0 : rng.nextGaussian() * 0.8;
        double share = 0.05 + 0.9 * rng.nextDouble();
        node[1] = grow(depth + 1, cover * share, width);
        node[2] = grow(depth + 1, cover * (1 - share), width);
        return id;
    }
}
