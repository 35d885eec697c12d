package dev.kiln.core.metrics;

import static dev.kiln.core.metrics.Fixtures.B_SCORE;
import static dev.kiln.core.metrics.Fixtures.B_TRUE;
import static dev.kiln.core.metrics.Fixtures.M_PROBA;
import static dev.kiln.core.metrics.Fixtures.M_TRUE;
import static dev.kiln.core.metrics.Fixtures.TOL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PrecisionRecallCurveTest {

    @Test
    void curveMatchesScikitLearnWithTies() {
        // sklearn: [x.tolist() for x in m.precision_recall_curve(B_TRUE, B_SCORE)]
        // By hand, thresholds ascending with (tp, predicted): 0.1 (5, 10), 0.2 (5, 9), 0.3 (5, 8), 0.4 (5, 7),
        // 0.6 (3, 4), 0.8 (3, 3), 0.9 (1, 1); 5 positives.
        PrecisionRecallCurve pr = PrecisionRecallCurve.of(B_TRUE, B_SCORE);
        assertThat(pr.precision()).containsExactly(
                new double[] {0.5, 0.5555555555555556, 0.625, 0.7142857142857143, 0.75, 1.0, 1.0, 1.0}, TOL);
        assertThat(pr.recall()).containsExactly(new double[] {1.0, 1.0, 1.0, 1.0, 0.6, 0.6, 0.2, 0.0}, TOL);
        assertThat(pr.thresholds()).containsExactly(0.1, 0.2, 0.3, 0.4, 0.6, 0.8, 0.9);
    }

    @Test
    void averagePrecisionByHandAndAgainstScikitLearn() {
        // sklearn: m.average_precision_score(B_TRUE, B_SCORE)
        // By hand, recall gained × precision: 0.2 · 1 (at 0.9) + 0.4 · 1 (0.8) + 0.4 · 5/7 (0.4) = 31/35
        assertThat(PrecisionRecallCurve.averagePrecision(B_TRUE, B_SCORE)).isCloseTo(31 / 35.0, TOL);
        assertThat(PrecisionRecallCurve.of(B_TRUE, B_SCORE).averagePrecision()).isCloseTo(0.8857142857142857, TOL);
    }

    @Test
    void averagePrecisionIsStepwiseNotTrapezoidal() {
        // one positive ranked below one negative: points (R 1, P 1/2), (R 0, P 0), then (R 0, P 1);
        // the step sum is 1 · 1/2, where the trapezoids through those points would give 1/4
        assertThat(PrecisionRecallCurve.averagePrecision(new int[] {0, 1}, new double[] {0.9, 0.1})).isEqualTo(0.5);
    }

    @Test
    void perfectTiedAndAllPositiveScores() {
        assertThat(PrecisionRecallCurve.averagePrecision(new int[] {0, 1, 1}, new double[] {0.1, 0.7, 0.9}))
                .isEqualTo(1.0);
        // everything tied: one threshold, precision = prevalence 2/5, recall 1
        assertThat(PrecisionRecallCurve.averagePrecision(new int[] {0, 1, 0, 1, 0}, new double[] {3, 3, 3, 3, 3}))
                .isCloseTo(0.4, TOL);
        assertThat(PrecisionRecallCurve.averagePrecision(new int[] {1, 1}, new double[] {0.2, 0.4})).isEqualTo(1.0);
    }

    @Test
    void multiclassIsTheMacroMeanOfOneVsRest() {
        // sklearn: m.average_precision_score(label_binarize(M_TRUE, classes=[0, 1, 2]), M_PROBA, average='macro')
        assertThat(PrecisionRecallCurve.averagePrecision(M_TRUE, M_PROBA)).isCloseTo(0.9087301587301587, TOL);
        int[] isClass2 = new int[M_TRUE.length];
        double[] column2 = new double[M_TRUE.length];
        for (int i = 0; i < M_TRUE.length; i++) {
            isClass2[i] = M_TRUE[i] == 2 ? 1 : 0;
            column2[i] = M_PROBA[i][2];
        }
        // sklearn: m.average_precision_score(np.equal(M_TRUE, 2), M_PROBA[:, 2])
        assertThat(PrecisionRecallCurve.averagePrecision(isClass2, column2)).isCloseTo(0.9166666666666666, TOL);
    }

    @Test
    void rejectsMissingPositivesAndClasses() {
        assertThatThrownBy(() -> PrecisionRecallCurve.of(new int[] {0, 0}, new double[] {0.3, 0.1}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("no positive sample in yTrue: recall and average precision are undefined");
        double[][] proba = {{0.5, 0.5}, {0.6, 0.4}};
        assertThatThrownBy(() -> PrecisionRecallCurve.averagePrecision(new int[] {0, 0}, proba))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("class 1 never occurs in yTrue");
    }
}
