package dev.kiln.explain.tree;

import dev.kiln.learn.tree.Tree;

/**
 * Exact interventional TreeSHAP (Lundberg et al. 2020, "From local explanations to global
 * understanding with explainable AI for trees", Methods: "Interventional Tree SHAP"; shap's
 * {@code feature_perturbation="interventional"}): the Shapley values of
 * {@code v(S) = f(x_S, z_S̄)} for one row x and one background row z, averaged over the
 * background by the caller. A row and its reference walk down together; where they part on a
 * feature not yet seen, both branches are taken, the feature joining the set that must come from
 * x or from z. A leaf reached with sets A (from x) and B (from z) is the game "1 when S ⊇ A and
 * S ∩ B = ∅", whose Shapley values are |A−1|!|B|!/(|A|+|B|)! for each member of A and
 * −|A|!|B−1|!/(|A|+|B|)! for each member of B; everything else gets zero.
 *
 * <p>Not thread-safe: one instance per thread.
 */
public final class InterventionalTreeShap {
    private static final byte FREE = 0;
    private static final byte FROM_X = 1;
    private static final byte FROM_Z = 2;

    private final byte[] state;
    private int[] stack = new int[16];
    private double[][] coalitionWeight = new double[0][];

    /** @param featureCount the number of input columns */
    public InterventionalTreeShap(int featureCount) {
        this.state = new byte[featureCount];
    }

    /** Adds {@code scale ×} the SHAP values of {@code term} for row {@code x} against reference {@code z} to {@code phi}. */
    public void accumulate(TreeTerm term, double[] x, double[] z, double scale, double[] phi) {
        int depth = term.tree().depth();
        if (stack.length < depth + 1) {
            stack = new int[depth + 1];
        }
        if (coalitionWeight.length < depth + 1) {
            coalitionWeight = weights(depth + 1);
        }
        walk(term, x, z, 0, 0, 0, scale, phi);
    }

    private void walk(TreeTerm term, double[] x, double[] z, int node, int fromX, int fromZ, double scale, double[] phi) {
        Tree tree = term.tree();
        if (tree.isLeaf(node)) {
            if (fromX + fromZ == 0) {
                return;
            }
            double v = scale * term.value(node);
            double gain = fromX > 0 ? v * coalitionWeight[fromX - 1][fromZ] : 0;
            double loss = fromZ > 0 ? v * coalitionWeight[fromX][fromZ - 1] : 0;
            for (int i = 0; i < fromX + fromZ; i++) {
                int f = stack[i];
                phi[f] += state[f] == FROM_X ? gain : -loss;
            }
            return;
        }
        int f = tree.feature(node);
        int cx = term.child(node, x);
        int cz = term.child(node, z);
        if (cx == cz || state[f] == FROM_X) {
            walk(term, x, z, cx, fromX, fromZ, scale, phi);
        } else if (state[f] == FROM_Z) {
            walk(term, x, z, cz, fromX, fromZ, scale, phi);
        } else {
            stack[fromX + fromZ] = f;
            state[f] = FROM_X;
            walk(term, x, z, cx, fromX + 1, fromZ, scale, phi);
            state[f] = FROM_Z;
            walk(term, x, z, cz, fromX, fromZ + 1, scale, phi);
            state[f] = FREE;
        }
    }

    /** {@code w[a][b] = a!·b!/(a+b+1)!}, the Shapley weight of a player joining a coalition of a players with b others left. */
    private static double[][] weights(int n) {
        double[][] w = new double[n + 1][n + 1];
        for (int a = 0; a <= n; a++) {
            for (int b = 0; b <= n; b++) {
                double p = 1.0 / (a + b + 1);
                for (int i = 1; i <= a; i++) {
                    p *= (double) i / (b + i);
                }
                w[a][b] = p;
            }
        }
        return w;
    }
}
