package dev.kiln.learn.ensemble;

import dev.kiln.core.linalg.Matrix;
import dev.kiln.core.parallel.Parallelism;
import dev.kiln.core.progress.Progress;
import dev.kiln.core.random.Rng;
import dev.kiln.learn.tree.CartGrower;
import dev.kiln.learn.tree.Tree;
import java.util.Arrays;
import java.util.List;

/**
 * Bootstrap aggregation of CART trees (Breiman, "Bagging Predictors", 1996; "Random Forests",
 * 2001): tree t is grown on a bootstrap sample drawn by {@code rng.stream(t)} — rows drawn with
 * replacement, each weighted by how often it was drawn — on as many threads as
 * {@link Parallelism} has, so a seed gives the same forest whatever the thread count.
 *
 * @param trees the trees, in order
 * @param inBag per tree, a bitset of the rows in its sample
 */
record Bagging(List<Tree> trees, long[][] inBag) {

    /**
     * Grows {@code count} trees.
     *
     * @param rowWeights each row's weight before sampling (class weights), or null for 1
     * @param sampleSize how many rows each bootstrap sample draws, or 0 to use every row once
     */
    static Bagging grow(CartGrower grower, int rows, double[] rowWeights, int count, int sampleSize, long seed,
                        String task) {
        Rng master = Rng.seeded(seed);
        Tree[] trees = new Tree[count];
        long[][] inBag = new long[count][];
        try (Progress progress = Progress.start(task, count)) {
            Parallelism.forEachPart(count, t -> {
                Rng rng = master.stream(t);
                double[] w = new double[rows];
                if (sampleSize == 0) {
                    Arrays.fill(w, 1.0);
                } else {
                    for (int k = 0; k < sampleSize; k++) {
                        w[rng.nextInt(rows)]++;
                    }
                }
                long[] bits = new long[(rows + 63) >>> 6];
                for (int i = 0; i < rows; i++) {
                    if (w[i] > 0) {
                        bits[i >>> 6] |= 1L << i;
                    }
                    if (rowWeights != null) {
                        w[i] *= rowWeights[i];
                    }
                }
                inBag[t] = bits;
                trees[t] = grower.grow(w, rng);
                progress.step();
            });
        }
        return new Bagging(List.of(trees), inBag);
    }

    /**
     * For each row of the training data {@code x}, the sum of the leaf values of the trees whose
     * sample left the row out (row-major, {@code width} per row), and in {@code votes} how many
     * such trees there were.
     */
    double[] outOfBagSums(Matrix x, int width, int[] votes) {
        int n = x.rows();
        double[] sums = new double[n * width];
        double[] data = x.storage();
        int blocks = (n + 1023) / 1024;
        int parts = Math.min(blocks, Parallelism.threads() * 4);
        Parallelism.forEachPart(parts, part -> {
            for (int b = part; b < blocks; b += parts) {
                int to = Math.min(n, (b + 1) * 1024);
                for (int t = 0; t < trees.size(); t++) {
                    Tree tree = trees.get(t);
                    long[] bits = inBag[t];
                    for (int i = b * 1024; i < to; i++) {
                        if ((bits[i >>> 6] & (1L << i)) == 0) {
                            int leaf = tree.leaf(data, x.offset() + i * x.rowStride());
                            for (int k = 0; k < width; k++) {
                                sums[i * width + k] += tree.value(leaf, k);
                            }
                            votes[i]++;
                        }
                    }
                }
            }
        });
        return sums;
    }

    /**
     * The forest's feature importances as scikit-learn computes them: the mean of the trees'
     * normalised importances (trees without a split left out), normalised again; all zeros when
     * no tree has a split.
     */
    static double[] featureImportances(List<Tree> trees, int features) {
        double[] sum = new double[features];
        int used = 0;
        for (Tree t : trees) {
            if (t.nodeCount() > 1) {
                double[] imp = t.featureImportances(features);
                for (int f = 0; f < features; f++) {
                    sum[f] += imp[f];
                }
                used++;
            }
        }
        double total = 0;
        for (int f = 0; f < features; f++) {
            sum[f] /= Math.max(used, 1);
            total += sum[f];
        }
        if (total > 0) {
            for (int f = 0; f < features; f++) {
                sum[f] /= total;
            }
        }
        return sum;
    }
}
