package dev.kiln.core.metrics;

import static dev.kiln.core.metrics.Fixtures.B_SCORE;
import static dev.kiln.core.metrics.Fixtures.B_TRUE;
import static dev.kiln.core.metrics.Fixtures.M_PROBA;
import static dev.kiln.core.metrics.Fixtures.M_TRUE;
import static dev.kiln.core.metrics.Fixtures.TOL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class RocCurveTest {
    private static final double INF = Double.POSITIVE_INFINITY;

    @Test
    void curveMatchesScikitLearnWithTiesAndDroppedPoints() {
        // sklearn: [x.tolist() for x in m.roc_curve(B_TRUE, B_SCORE)]
        // By hand, scores descending with (tp, fp): 0.9 (1, 0), 0.8 (3, 0), 0.6 (3, 1), 0.4 (5, 2), 0.3 (5, 3),
        // 0.2 (5, 4), 0.1 (5, 5); 0.3 and 0.2 lie on the segment from 0.4 to 0.1 and are dropped.
        // scikit-learn 1.2 puts max + 1 = 1.9 as the first threshold; Kiln puts +inf, as scikit-learn >= 1.3.
        RocCurve roc = RocCurve.of(B_TRUE, B_SCORE);
        assertThat(roc.fpr()).containsExactly(new double[] {0.0, 0.0, 0.0, 0.2, 0.4, 1.0}, TOL);
        assertThat(roc.tpr()).containsExactly(new double[] {0.0, 0.2, 0.6, 0.6, 1.0, 1.0}, TOL);
        assertThat(roc.thresholds()).containsExactly(INF, 0.9, 0.8, 0.6, 0.4, 0.1);
    }

    @Test
    void curveKeepsEveryDistinctScoreOnRequest() {
        // sklearn: [x.tolist() for x in m.roc_curve(B_TRUE, B_SCORE, drop_intermediate=False)]
        RocCurve roc = RocCurve.of(B_TRUE, B_SCORE, false);
        assertThat(roc.fpr()).containsExactly(new double[] {0.0, 0.0, 0.0, 0.2, 0.4, 0.6, 0.8, 1.0}, TOL);
        assertThat(roc.tpr()).containsExactly(new double[] {0.0, 0.2, 0.6, 0.6, 1.0, 1.0, 1.0, 1.0}, TOL);
        assertThat(roc.thresholds()).containsExactly(INF, 0.9, 0.8, 0.6, 0.4, 0.3, 0.2, 0.1);
        assertThat(roc.auc()).isCloseTo(RocCurve.of(B_TRUE, B_SCORE).auc(), TOL);
    }

    @Test
    void binaryAucByHandAndAgainstScikitLearn() {
        // sklearn: m.roc_auc_score(B_TRUE, B_SCORE). By hand over the 25 (positive, negative) pairs:
        // 0.9 beats 5, each 0.8 beats 5, each positive 0.4 beats 3 and ties 1 -> 5 + 10 + 2 · 3.5 = 22
        assertThat(RocCurve.rocAuc(B_TRUE, B_SCORE)).isCloseTo(22 / 25.0, TOL);
    }

    @Test
    void perfectInvertedAndUninformativeScores() {
        int[] y = {0, 0, 1, 1};
        assertThat(RocCurve.rocAuc(y, new double[] {0.1, 0.2, 0.8, 0.9})).isEqualTo(1.0);
        assertThat(RocCurve.rocAuc(y, new double[] {0.9, 0.8, 0.2, 0.1})).isEqualTo(0.0);
        RocCurve allTied = RocCurve.of(y, new double[] {0.5, 0.5, 0.5, 0.5});
        assertThat(allTied.fpr()).containsExactly(0, 1);
        assertThat(allTied.tpr()).containsExactly(0, 1);
        assertThat(allTied.auc()).isEqualTo(0.5);
    }

    @Test
    void scoresNeedNotBeProbabilities() {
        assertThat(RocCurve.rocAuc(new int[] {0, 1, 0, 1}, new double[] {-3, 7.5, 2, 40})).isEqualTo(1.0);
    }

    @Test
    void multiclassOneVsRestMatchesScikitLearn() {
        // sklearn: m.roc_auc_score(M_TRUE, M_PROBA, multi_class='ovr', average='macro')
        assertThat(RocCurve.rocAuc(M_TRUE, M_PROBA, Average.MACRO)).isCloseTo(0.9421296296296297, TOL);
        // sklearn: m.roc_auc_score(M_TRUE, M_PROBA, multi_class='ovr', average='weighted')
        assertThat(RocCurve.rocAuc(M_TRUE, M_PROBA, Average.WEIGHTED)).isCloseTo(0.9513888888888888, TOL);
        // sklearn: m.roc_auc_score(M_TRUE, M_PROBA, multi_class='ovr', average='micro')
        assertThat(RocCurve.rocAuc(M_TRUE, M_PROBA, Average.MICRO)).isCloseTo(0.9270833333333333, TOL);
    }

    @Test
    void multiclassMacroIsTheMeanOfClassVersusRestCurves() {
        double sum = 0;
        for (int c = 0; c < 3; c++) {
            int[] positive = new int[M_TRUE.length];
            double[] column = new double[M_TRUE.length];
            for (int i = 0; i < M_TRUE.length; i++) {
                positive[i] = M_TRUE[i] == c ? 1 : 0;
                column[i] = M_PROBA[i][c];
            }
            sum += RocCurve.of(positive, column).auc();
        }
        assertThat(RocCurve.rocAuc(M_TRUE, M_PROBA, Average.MACRO)).isCloseTo(sum / 3, TOL);
    }

    @Test
    void rejectsASingleClass() {
        assertThatThrownBy(() -> RocCurve.rocAuc(new int[] {1, 1}, new double[] {0.2, 0.7}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Only one class present in yTrue: ROC AUC is not defined in that case");
        assertThatThrownBy(() -> RocCurve.of(new int[] {0, 0}, new double[] {0.2, 0.7}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Only one class present");
    }

    @Test
    void rejectsAClassMissingFromMulticlassTruth() {
        double[][] proba = {{0.5, 0.3, 0.2}, {0.2, 0.2, 0.6}};
        assertThatThrownBy(() -> RocCurve.rocAuc(new int[] {0, 2}, proba, Average.MACRO))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("class 1 never occurs in yTrue; a one-vs-rest score over 3 probability columns needs every class present");
    }

    @Test
    void rejectsBadInput() {
        assertThatThrownBy(() -> RocCurve.rocAuc(new int[] {0, 1, 1}, new double[] {0.2, 0.7}))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("yTrue and scores differ in length: 3 vs 2");
        assertThatThrownBy(() -> RocCurve.rocAuc(new int[] {0, 2}, new double[] {0.2, 0.7}))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("yTrue[1] = 2 is outside the classes [0, 2)");
        assertThatThrownBy(() -> RocCurve.rocAuc(new int[] {0, 1}, new double[] {Double.NaN, 0.7}))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("scores[0] = NaN is not finite");
        assertThatThrownBy(() -> RocCurve.rocAuc(new int[0], new double[0]))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("yTrue is empty");
        double[][] unnormalised = {{0.5, 0.3, 0.3}, {0.2, 0.2, 0.6}, {0.1, 0.1, 0.8}};
        assertThatThrownBy(() -> RocCurve.rocAuc(new int[] {0, 1, 2}, unnormalised, Average.MACRO))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("proba row 0 sums to 1.1");
        assertThatThrownBy(() -> RocCurve.rocAuc(M_TRUE, M_PROBA, Average.BINARY))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("use rocAuc(yTrue, scores)");
    }
}
