package dev.kiln.learn.tree;

import java.util.Locale;

/**
 * A tree as indented text, one node per line in depth-first order (left child first), in the
 * format the scikit-learn reference snippets of the tests print:
 * <pre>
 * def r(x, d): return f"{round(float(x), d) + 0.0:.{d}f}"
 * def show(t, node=0, depth=0, out=None):
 *     out = [] if out is None else out
 *     tr = t.tree_
 *     head = f"{'  ' * depth}"
 *     stats = f"n={tr.n_node_samples[node]} w={r(tr.weighted_n_node_samples[node], 4)} imp={r(tr.impurity[node], 6)}"
 *     if tr.children_left[node] == -1:
 *         out.append(f"{head}leaf {stats} value={' '.join(r(v, 4) for v in tr.value[node][0])}")
 *     else:
 *         out.append(f"{head}x{tr.feature[node]} <= {r(tr.threshold[node], 5)} {stats}")
 *         show(t, tr.children_left[node], depth + 1, out); show(t, tr.children_right[node], depth + 1, out)
 *     return out
 * </pre>
 * Classification leaf values are printed as weighted class counts (Kiln keeps fractions; times
 * the node weight they are scikit-learn's counts).
 */
final class TreeText {
    private TreeText() {
    }

    static String of(Tree tree, boolean classCounts) {
        StringBuilder sb = new StringBuilder();
        append(tree, 0, 0, classCounts, sb);
        return sb.toString();
    }

    private static void append(Tree t, int node, int depth, boolean classCounts, StringBuilder sb) {
        String stats = "n=" + t.samples(node) + " w=" + r(t.weightedSamples(node), 4) + " imp=" + r(t.impurity(node), 6);
        sb.append("  ".repeat(depth));
        if (t.isLeaf(node)) {
            sb.append("leaf ").append(stats).append(" value=");
            for (int k = 0; k < t.valueWidth(); k++) {
                double v = t.value(node, k) * (classCounts ? t.weightedSamples(node) : 1);
                sb.append(k == 0 ? "" : " ").append(r(v, 4));
            }
            sb.append('\n');
        } else {
            sb.append('x').append(t.feature(node)).append(" <= ").append(r(t.threshold(node), 5)).append(' ')
                    .append(stats).append('\n');
            append(t, t.left(node), depth + 1, classCounts, sb);
            append(t, t.right(node), depth + 1, classCounts, sb);
        }
    }

    private static String r(double x, int digits) {
        double scale = Math.pow(10, digits);
        return String.format(Locale.ROOT, "%." + digits + "f", Math.round(x * scale) / scale + 0.0);
    }
}
