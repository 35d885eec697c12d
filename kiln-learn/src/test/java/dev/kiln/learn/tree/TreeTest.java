package dev.kiln.learn.tree;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class TreeTest {
    private static final double NAN = Double.NaN;

    /** Root splits x1 at 0.5; its right child splits x0 at 2. */
    private static Tree small() {
        return new Tree(new int[] {1, -1, 0, -1, -1}, new double[] {0.5, NAN, 2, NAN, NAN},
                new int[] {1, -1, 3, -1, -1}, new int[] {2, -1, 4, -1, -1}, new double[] {5, 1, 7, 6, 8}, 1,
                new double[] {4, 0, 1, 0.5, 0.25}, new int[] {10, 4, 6, 3, 3}, new double[] {10, 4, 6, 3, 3});
    }

    @Test
    void rowsFollowTheSplitsToTheirLeaves() {
        Tree t = small();
        assertThat(t.leaf(new double[] {0, 0.5}, 0)).isEqualTo(1);
        assertThat(t.leaf(new double[] {2, 0.6}, 0)).isEqualTo(3);
        assertThat(t.leaf(new double[] {9, 9, 2.5, 1}, 2)).isEqualTo(4);
        assertThat(t.leafCount()).isEqualTo(3);
        assertThat(t.depth()).isEqualTo(2);
    }

    @Test
    void importancesAreTheNormalisedWeightedImpurityDecreases() {
        // x1: 10·4 − 4·0 − 6·1 = 34; x0: 6·1 − 3·0.5 − 3·0.25 = 3.75; shares of 37.75.
        double[] imp = small().featureImportances(3);
        assertThat(imp[0]).isCloseTo(3.75 / 37.75, within(1e-15));
        assertThat(imp[1]).isCloseTo(34 / 37.75, within(1e-15));
        assertThat(imp[2]).isZero();
    }

    @Test
    void inconsistentArraysAreRefused() {
        assertThatThrownBy(() -> new Tree(new int[] {0, -1}, new double[] {1, NAN}, new int[] {1, -1},
                new int[] {1, -1}, new double[2], 1, new double[2], new int[2], new double[2]))
                .hasMessage("node 0 has an invalid child 1");
        assertThatThrownBy(() -> new Tree(new int[] {-1, -1}, new double[] {NAN, NAN}, new int[] {-1, -1},
                new int[] {-1, -1}, new double[2], 1, new double[2], new int[2], new double[2]))
                .hasMessage("node 1 is unreachable");
        assertThatThrownBy(() -> new Tree(new int[] {-1}, new double[] {NAN}, new int[] {-1},
                new int[] {-1}, new double[2], 1, new double[1], new int[1], new double[1]))
                .hasMessage("node arrays of a 1-node tree have inconsistent lengths");
        assertThatThrownBy(() -> new Tree(new int[] {0}, new double[] {NAN}, new int[] {-1},
                new int[] {-1}, new double[1], 1, new double[1], new int[1], new double[1]))
                .hasMessage("node 0 is neither a leaf nor a split");
    }

    @Test
    void gettersReturnCopies() {
        Tree t = small();
        t.features()[0] = 7;
        t.values()[0] = -1;
        assertThat(t.feature(0)).isEqualTo(1);
        assertThat(t.value(0, 0)).isEqualTo(5);
    }
}
