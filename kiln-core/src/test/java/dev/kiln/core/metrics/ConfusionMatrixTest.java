package dev.kiln.core.metrics;

import static dev.kiln.core.metrics.Fixtures.M_PRED;
import static dev.kiln.core.metrics.Fixtures.M_TRUE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class ConfusionMatrixTest {
    private final ConfusionMatrix cm = ConfusionMatrix.of(M_TRUE, M_PRED);

    @Test
    void countsRowsByTrueClassAndColumnsByPrediction() {
        // true 0 at 0, 3, 6, 9, 10 predicted 0, 0, 1, 0, 2; true 1 at 1, 4, 7 -> 2, 1, 1; true 2 at 2, 5, 8, 11 -> 1, 2, 2, 2
        assertThat(cm.counts()).isDeepEqualTo(new int[][] {{3, 1, 1}, {0, 2, 1}, {0, 1, 3}});
        assertThat(cm.count(0, 2)).isEqualTo(1);
        assertThat(cm.numClasses()).isEqualTo(3);
        assertThat(cm.trueTotals()).containsExactly(5, 3, 4);
        assertThat(cm.predictedTotals()).containsExactly(3, 4, 5);
        assertThat(cm.trueTotal(2)).isEqualTo(4);
        assertThat(cm.predictedTotal(2)).isEqualTo(5);
        assertThat(cm.total()).isEqualTo(12);
        assertThat(cm.correct()).isEqualTo(8);
    }

    @Test
    void normalisesByTruePredictedOrAll() {
        assertThat(cm.normalizedByTrue()[0]).containsExactly(3 / 5.0, 1 / 5.0, 1 / 5.0);
        assertThat(cm.normalizedByTrue()[1]).containsExactly(0, 2 / 3.0, 1 / 3.0);
        assertThat(cm.normalizedByPredicted()[2]).containsExactly(0, 1 / 4.0, 3 / 5.0);
        assertThat(cm.normalizedOverAll()[0]).containsExactly(3 / 12.0, 1 / 12.0, 1 / 12.0);
    }

    @Test
    void emptyRowsAndColumnsNormaliseToZero() {
        // class 2 is declared but never true nor predicted
        ConfusionMatrix sparse = ConfusionMatrix.of(new int[] {0, 1}, new int[] {1, 1}, 3);
        assertThat(sparse.normalizedByTrue()).isDeepEqualTo(new double[][] {{0, 1, 0}, {0, 1, 0}, {0, 0, 0}});
        assertThat(sparse.normalizedByPredicted()).isDeepEqualTo(new double[][] {{0, 0.5, 0}, {0, 0.5, 0}, {0, 0, 0}});
    }

    @Test
    void infersClassesFromTheLargestLabel() {
        assertThat(ConfusionMatrix.of(new int[] {0, 3}, new int[] {1, 0}).numClasses()).isEqualTo(4);
    }

    @Test
    void isImmutable() {
        int[][] counts = cm.counts();
        counts[0][0] = 99;
        cm.trueTotals()[0] = 99;
        assertThat(cm.count(0, 0)).isEqualTo(3);
        assertThat(cm.trueTotal(0)).isEqualTo(5);
        assertThat(cm).isEqualTo(ConfusionMatrix.of(M_TRUE, M_PRED)).hasSameHashCodeAs(ConfusionMatrix.of(M_TRUE, M_PRED));
    }

    @Test
    void printsATableWithClassNames() {
        assertThat(cm.toString(List.of("cat", "dog", "mouse"))).isEqualTo("""
                true\\pred  cat  dog  mouse
                cat          3    1      1
                dog          0    2      1
                mouse        0    1      3""");
        assertThat(ConfusionMatrix.of(new int[] {0, 1}, new int[] {1, 1}).toString()).isEqualTo("""
                true\\pred  0  1
                0          0  1
                1          0  1""");
    }

    @Test
    void rejectsBadInput() {
        assertThatThrownBy(() -> ConfusionMatrix.of(new int[] {0, 1}, new int[] {0}))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("yTrue and yPred differ in length: 2 vs 1");
        assertThatThrownBy(() -> ConfusionMatrix.of(new int[] {0, 1}, new int[] {0, 3}, 3))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("yPred[1] = 3 is outside the classes [0, 3)");
        assertThatThrownBy(() -> ConfusionMatrix.of(new int[] {-1}, new int[] {0}))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("yTrue[0] = -1 is not a class index (must be >= 0)");
        assertThatThrownBy(() -> ConfusionMatrix.of(new int[0], new int[0]))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("yTrue is empty");
        assertThatThrownBy(() -> cm.toString(List.of("a", "b")))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("got 2 class names for 3 classes");
    }
}
