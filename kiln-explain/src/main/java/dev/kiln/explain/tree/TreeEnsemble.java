package dev.kiln.explain.tree;

import java.util.List;

/**
 * One number a tree model computes, as a sum over trees: {@code offset + Σ terms}. A random
 * forest's probability of class k is the mean of its trees' leaf fractions of k; a boosted
 * model's raw score is its baseline plus its trees' (already scaled) leaf values.
 *
 * @param terms        the trees and how each counts
 * @param offset       the constant added (a boosted model's baseline, else 0)
 * @param featureCount how many input columns the trees split on (at most)
 */
public record TreeEnsemble(List<TreeTerm> terms, double offset, int featureCount) {

    public TreeEnsemble {
        terms = List.copyOf(terms);
        if (terms.isEmpty()) {
            throw new IllegalArgumentException("a tree ensemble needs at least one tree");
        }
        for (TreeTerm t : terms) {
            for (int node = 0; node < t.tree().nodeCount(); node++) {
                if (t.tree().feature(node) >= featureCount) {
                    throw new IllegalArgumentException("node " + node + " splits on feature " + t.tree().feature(node)
                            + " but the model has " + featureCount + " input columns");
                }
            }
        }
    }

    /** The output for one row. */
    public double predict(double[] x) {
        double sum = offset;
        for (TreeTerm t : terms) {
            sum += t.predict(x);
        }
        return sum;
    }

    /** The output expected under the trees' cover weights: path-dependent TreeSHAP's base value. */
    public double expectedValue() {
        double sum = offset;
        for (TreeTerm t : terms) {
            sum += t.expectedValue();
        }
        return sum;
    }

    /** The deepest tree's depth. */
    public int maxDepth() {
        return terms.stream().mapToInt(t -> t.tree().depth()).max().orElse(0);
    }
}
