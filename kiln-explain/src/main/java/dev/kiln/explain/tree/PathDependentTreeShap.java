package dev.kiln.explain.tree;

import dev.kiln.learn.tree.Tree;

/**
 * Exact path-dependent TreeSHAP (Lundberg, Erion and Lee 2018, "Consistent individualized
 * feature attribution for tree ensembles", Algorithm 2): the Shapley values of one tree's output
 * when a missing feature is integrated out along the tree's cover, in O(L·D²) per tree for L
 * leaves and depth D. It follows every root-to-leaf path once, keeping for each distinct feature
 * on the path the share of subsets that still reach the leaf ("extend" and "unwind" of the
 * paper), as the reference C++ implementation in the {@code shap} package does.
 *
 * <p>Not thread-safe: one instance per thread; it reuses its path buffers across calls.
 */
public final class PathDependentTreeShap {
    private int[] feature = new int[0];
    private double[] zero = new double[0];
    private double[] one = new double[0];
    private double[] weight = new double[0];

    /** Adds {@code term}'s SHAP values for row {@code x} to {@code phi} (one entry per input column). */
    public void accumulate(TreeTerm term, double[] x, double[] phi) {
        int maxDepth = term.tree().depth() + 2;
        int size = maxDepth * (maxDepth + 1) / 2 + 1;
        if (feature.length < size) {
            feature = new int[size];
            zero = new double[size];
            one = new double[size];
            weight = new double[size];
        }
        recurse(term, x, phi, 0, 0, 0, 1, 1, -1);
    }

    private void recurse(TreeTerm term, double[] x, double[] phi, int node, int parentPath, int depth,
                         double zeroFraction, double oneFraction, int featureIndex) {
        int path = parentPath + depth + 1;
        System.arraycopy(feature, parentPath, feature, path, depth);
        System.arraycopy(zero, parentPath, zero, path, depth);
        System.arraycopy(one, parentPath, one, path, depth);
        System.arraycopy(weight, parentPath, weight, path, depth);
        extend(path, depth, zeroFraction, oneFraction, featureIndex);
        Tree tree = term.tree();
        if (tree.isLeaf(node)) {
            double leafValue = term.value(node);
            for (int i = 1; i <= depth; i++) {
                double w = unwoundSum(path, depth, i);
                phi[feature[path + i]] += w * (one[path + i] - zero[path + i]) * leafValue;
            }
            return;
        }
        int split = tree.feature(node);
        int hot = term.child(node, x);
        int cold = hot == tree.left(node) ? tree.right(node) : tree.left(node);
        double hotShare = term.coverShare(node, hot);
        double coldShare = term.coverShare(node, cold);
        double incomingZero = 1;
        double incomingOne = 1;
        int at = 0;
        while (at <= depth && feature[path + at] != split) {
            at++;
        }
        if (at <= depth) {
            incomingZero = zero[path + at];
            incomingOne = one[path + at];
            unwind(path, depth, at);
            depth--;
        }
        recurse(term, x, phi, hot, path, depth + 1, hotShare * incomingZero, incomingOne, split);
        if (coldShare * incomingZero != 0) {
            // a branch no training weight reached has weight 0 on every subset; skipping it also avoids 0/0 in unwind
            recurse(term, x, phi, cold, path, depth + 1, coldShare * incomingZero, 0, split);
        }
    }

    /** Adds a feature to the path: the weights of subset sizes grow by one. */
    private void extend(int path, int depth, double zeroFraction, double oneFraction, int featureIndex) {
        feature[path + depth] = featureIndex;
        zero[path + depth] = zeroFraction;
        one[path + depth] = oneFraction;
        weight[path + depth] = depth == 0 ? 1 : 0;
        for (int i = depth - 1; i >= 0; i--) {
            weight[path + i + 1] += oneFraction * weight[path + i] * (i + 1) / (double) (depth + 1);
            weight[path + i] = zeroFraction * weight[path + i] * (depth - i) / (double) (depth + 1);
        }
    }

    /** Removes element {@code index} from the path, undoing its {@link #extend}. */
    private void unwind(int path, int depth, int index) {
        double oneFraction = one[path + index];
        double zeroFraction = zero[path + index];
        double nextOnePortion = weight[path + depth];
        for (int i = depth - 1; i >= 0; i--) {
            if (oneFraction != 0) {
                double tmp = weight[path + i];
                weight[path + i] = nextOnePortion * (depth + 1) / ((i + 1) * oneFraction);
                nextOnePortion = tmp - weight[path + i] * zeroFraction * (depth - i) / (double) (depth + 1);
            } else {
                weight[path + i] = weight[path + i] * (depth + 1) / (zeroFraction * (depth - i));
            }
        }
        for (int i = index; i < depth; i++) {
            feature[path + i] = feature[path + i + 1];
            zero[path + i] = zero[path + i + 1];
            one[path + i] = one[path + i + 1];
        }
    }

    /** The total weight of the path with element {@code index} unwound, without changing the path. */
    private double unwoundSum(int path, int depth, int index) {
        double oneFraction = one[path + index];
        double zeroFraction = zero[path + index];
        double nextOnePortion = weight[path + depth];
        double total = 0;
        if (oneFraction != 0) {
            for (int i = depth - 1; i >= 0; i--) {
                double tmp = nextOnePortion / ((i + 1) * oneFraction);
                total += tmp;
                nextOnePortion = weight[path + i] - tmp * zeroFraction * (depth - i);
            }
        } else if (zeroFraction != 0) {
            for (int i = depth - 1; i >= 0; i--) {
                total += weight[path + i] / (zeroFraction * (depth - i));
            }
        }
        return total * (depth + 1);
    }
}
