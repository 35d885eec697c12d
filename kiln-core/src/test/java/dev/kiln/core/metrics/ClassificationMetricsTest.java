package dev.kiln.core.metrics;

import static dev.kiln.core.metrics.Average.BINARY;
import static dev.kiln.core.metrics.Average.MACRO;
import static dev.kiln.core.metrics.Average.MICRO;
import static dev.kiln.core.metrics.Average.WEIGHTED;
import static dev.kiln.core.metrics.ClassificationMetrics.accuracy;
import static dev.kiln.core.metrics.ClassificationMetrics.balancedAccuracy;
import static dev.kiln.core.metrics.ClassificationMetrics.cohenKappa;
import static dev.kiln.core.metrics.ClassificationMetrics.f1;
import static dev.kiln.core.metrics.ClassificationMetrics.f1PerClass;
import static dev.kiln.core.metrics.ClassificationMetrics.fbeta;
import static dev.kiln.core.metrics.ClassificationMetrics.fbetaPerClass;
import static dev.kiln.core.metrics.ClassificationMetrics.logLoss;
import static dev.kiln.core.metrics.ClassificationMetrics.matthewsCorrcoef;
import static dev.kiln.core.metrics.ClassificationMetrics.precision;
import static dev.kiln.core.metrics.ClassificationMetrics.precisionPerClass;
import static dev.kiln.core.metrics.ClassificationMetrics.recall;
import static dev.kiln.core.metrics.ClassificationMetrics.recallPerClass;
import static dev.kiln.core.metrics.Fixtures.B_PRED;
import static dev.kiln.core.metrics.Fixtures.B_TRUE;
import static dev.kiln.core.metrics.Fixtures.M_PRED;
import static dev.kiln.core.metrics.Fixtures.M_PROBA;
import static dev.kiln.core.metrics.Fixtures.M_TRUE;
import static dev.kiln.core.metrics.Fixtures.TOL;
import static dev.kiln.core.metrics.Fixtures.Z_PRED;
import static dev.kiln.core.metrics.Fixtures.Z_TRUE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ClassificationMetricsTest {

    @Test
    void binaryByHand() {
        // TP 3, FN 2, FP 1, TN 4
        assertThat(accuracy(B_TRUE, B_PRED)).isCloseTo(0.7, TOL);
        assertThat(precision(B_TRUE, B_PRED, BINARY)).isCloseTo(3 / 4.0, TOL);
        assertThat(recall(B_TRUE, B_PRED, BINARY)).isCloseTo(3 / 5.0, TOL);
        // 2 * 0.75 * 0.6 / 1.35
        assertThat(f1(B_TRUE, B_PRED, BINARY)).isCloseTo(2 / 3.0, TOL);
        // (TP·TN − FP·FN) / sqrt(4 · 5 · 5 · 6) = 10 / sqrt(600)
        assertThat(matthewsCorrcoef(B_TRUE, B_PRED)).isCloseTo(10 / Math.sqrt(600), TOL);
        // observed 0.7, chance (5·6 + 5·4) / 100 = 0.5: (0.7 − 0.5) / (1 − 0.5)
        assertThat(cohenKappa(B_TRUE, B_PRED)).isCloseTo(0.4, TOL);
        // (4/5 + 3/5) / 2
        assertThat(balancedAccuracy(B_TRUE, B_PRED)).isCloseTo(0.7, TOL);
    }

    @Test
    void positiveClassCanBeChosen() {
        // class 0 as positive: TP = 4, FP = 2 (true 1s predicted 0), FN = 1; F1 = 2 · (2/3) · (4/5) / (22/15)
        assertThat(precision(B_TRUE, B_PRED, 0)).isCloseTo(4 / 6.0, TOL);
        assertThat(recall(B_TRUE, B_PRED, 0)).isCloseTo(4 / 5.0, TOL);
        assertThat(f1(B_TRUE, B_PRED, 0)).isCloseTo(8 / 11.0, TOL);
        assertThat(precision(B_TRUE, B_PRED, 1)).isEqualTo(precision(B_TRUE, B_PRED, BINARY));
    }

    @Test
    void binaryMatchesScikitLearn() {
        // sklearn: m.fbeta_score(B_TRUE, B_PRED, beta=2); by hand 5 · 0.45 / (4 · 0.75 + 0.6)
        assertThat(fbeta(B_TRUE, B_PRED, 2, BINARY)).isCloseTo(0.625, TOL);
        // sklearn: m.fbeta_score(B_TRUE, B_PRED, beta=0.5)
        assertThat(fbeta(B_TRUE, B_PRED, 0.5, BINARY)).isCloseTo(0.7142857142857143, TOL);
        // sklearn: m.f1_score(B_TRUE, B_PRED, average='macro'); by hand (8/11 + 2/3) / 2
        assertThat(f1(B_TRUE, B_PRED, MACRO)).isCloseTo(0.6969696969696968, TOL);
        // sklearn: m.f1_score(B_TRUE, B_PRED, average='weighted')
        assertThat(f1(B_TRUE, B_PRED, WEIGHTED)).isCloseTo(0.6969696969696969, TOL);
        // sklearn: m.matthews_corrcoef(B_TRUE, B_PRED)
        assertThat(matthewsCorrcoef(B_TRUE, B_PRED)).isCloseTo(0.408248290463863, TOL);
        // sklearn: m.cohen_kappa_score(B_TRUE, B_PRED)
        assertThat(cohenKappa(B_TRUE, B_PRED)).isCloseTo(0.4, TOL);
        // sklearn: m.balanced_accuracy_score(B_TRUE, B_PRED)
        assertThat(balancedAccuracy(B_TRUE, B_PRED)).isCloseTo(0.7, TOL);
    }

    @Test
    void multiclassByHand() {
        // matrix [[3, 1, 1], [0, 2, 1], [0, 1, 3]]: column sums 3, 4, 5; row sums 5, 3, 4
        assertThat(precisionPerClass(M_TRUE, M_PRED, 3)).containsExactly(new double[] {1, 0.5, 0.6}, TOL);
        assertThat(recallPerClass(M_TRUE, M_PRED, 3)).containsExactly(new double[] {0.6, 2 / 3.0, 0.75}, TOL);
        // 2PR / (P + R): 1.2 / 1.6, (2/3) / (7/6), 0.9 / 1.35
        assertThat(f1PerClass(M_TRUE, M_PRED, 3)).containsExactly(new double[] {0.75, 4 / 7.0, 2 / 3.0}, TOL);
        assertThat(precision(M_TRUE, M_PRED, MACRO)).isCloseTo(0.7, TOL);
        // (5 · 1 + 3 · 0.5 + 4 · 0.6) / 12
        assertThat(precision(M_TRUE, M_PRED, WEIGHTED)).isCloseTo(8.9 / 12, TOL);
        assertThat(accuracy(M_TRUE, M_PRED)).isCloseTo(8 / 12.0, TOL);
        // n = 12, correct = 8, t·p = 5·3 + 3·4 + 4·5 = 47, t·t = p·p = 50: (96 − 47) / sqrt(94 · 94)
        assertThat(matthewsCorrcoef(M_TRUE, M_PRED)).isCloseTo(49 / 94.0, TOL);
        // (8 − 47/12) / (12 − 47/12)
        assertThat(cohenKappa(M_TRUE, M_PRED)).isCloseTo(49 / 97.0, TOL);
    }

    @Test
    void multiclassMatchesScikitLearn() {
        // sklearn: m.precision_score(M_TRUE, M_PRED, average='macro')
        assertThat(precision(M_TRUE, M_PRED, MACRO)).isCloseTo(0.7000000000000001, TOL);
        // sklearn: m.recall_score(M_TRUE, M_PRED, average='macro')
        assertThat(recall(M_TRUE, M_PRED, MACRO)).isCloseTo(0.6722222222222222, TOL);
        // sklearn: m.f1_score(M_TRUE, M_PRED, average='macro')
        assertThat(f1(M_TRUE, M_PRED, MACRO)).isCloseTo(0.6626984126984127, TOL);
        // sklearn: m.precision_score(M_TRUE, M_PRED, average='weighted')
        assertThat(precision(M_TRUE, M_PRED, WEIGHTED)).isCloseTo(0.7416666666666667, TOL);
        // sklearn: m.recall_score(M_TRUE, M_PRED, average='weighted')
        assertThat(recall(M_TRUE, M_PRED, WEIGHTED)).isCloseTo(0.6666666666666666, TOL);
        // sklearn: m.f1_score(M_TRUE, M_PRED, average='weighted')
        assertThat(f1(M_TRUE, M_PRED, WEIGHTED)).isCloseTo(0.677579365079365, TOL);
        // sklearn: m.f1_score(M_TRUE, M_PRED, average='micro')
        assertThat(f1(M_TRUE, M_PRED, MICRO)).isCloseTo(0.6666666666666666, TOL);
        // sklearn: m.fbeta_score(M_TRUE, M_PRED, beta=2, average='macro')
        assertThat(fbeta(M_TRUE, M_PRED, 2, MACRO)).isCloseTo(0.6638198757763975, TOL);
        // sklearn: m.fbeta_score(M_TRUE, M_PRED, beta=0.5, average='weighted')
        assertThat(fbeta(M_TRUE, M_PRED, 0.5, WEIGHTED)).isCloseTo(0.7075593395252838, TOL);
        // sklearn: m.fbeta_score(M_TRUE, M_PRED, beta=2, average=None).tolist()
        assertThat(fbetaPerClass(M_TRUE, M_PRED, 2, 3))
                .containsExactly(new double[] {0.6521739130434783, 0.625, 0.7142857142857143}, TOL);
        // sklearn: m.balanced_accuracy_score(M_TRUE, M_PRED)
        assertThat(balancedAccuracy(M_TRUE, M_PRED)).isCloseTo(0.6722222222222222, TOL);
        // sklearn: m.matthews_corrcoef(M_TRUE, M_PRED)
        assertThat(matthewsCorrcoef(M_TRUE, M_PRED)).isCloseTo(0.5212765957446809, TOL);
        // sklearn: m.cohen_kappa_score(M_TRUE, M_PRED)
        assertThat(cohenKappa(M_TRUE, M_PRED)).isCloseTo(0.5051546391752577, TOL);
    }

    @Test
    void microAveragesEqualAccuracyForSingleLabelData() {
        double accuracy = accuracy(M_TRUE, M_PRED);
        assertThat(precision(M_TRUE, M_PRED, MICRO)).isCloseTo(accuracy, TOL);
        assertThat(recall(M_TRUE, M_PRED, MICRO)).isCloseTo(accuracy, TOL);
        assertThat(fbeta(M_TRUE, M_PRED, 3, MICRO)).isCloseTo(accuracy, TOL);
    }

    @Test
    void classNeverPredictedHasZeroPrecision() {
        // matrix [[2, 0, 0], [0, 2, 0], [0, 2, 0]]: class 2's precision is 0 / 0 -> 0
        assertThat(precisionPerClass(Z_TRUE, Z_PRED, 3)).containsExactly(1, 0.5, 0);
        assertThat(recallPerClass(Z_TRUE, Z_PRED, 3)).containsExactly(1, 1, 0);
        // sklearn: m.f1_score(Z_TRUE, Z_PRED, average='macro'); by hand (1 + 2/3 + 0) / 3
        assertThat(f1(Z_TRUE, Z_PRED, MACRO)).isCloseTo(0.5555555555555555, TOL);
        // sklearn: m.precision_score(Z_TRUE, Z_PRED, average='weighted'); by hand (2 · 1 + 2 · 0.5 + 2 · 0) / 6
        assertThat(precision(Z_TRUE, Z_PRED, WEIGHTED)).isCloseTo(0.5, TOL);
        // sklearn: m.f1_score(Z_TRUE, Z_PRED, average='weighted')
        assertThat(f1(Z_TRUE, Z_PRED, WEIGHTED)).isCloseTo(0.5555555555555555, TOL);
    }

    @Test
    void classOnlyPredictedCountsInMacroButNotInBalancedAccuracy() {
        int[] yTrue = {0, 0, 1, 1};
        int[] yPred = {0, 2, 1, 1};
        // sklearn: m.recall_score([0, 0, 1, 1], [0, 2, 1, 1], average='macro'); by hand (1/2 + 1 + 0/0 -> 0) / 3
        assertThat(recall(yTrue, yPred, MACRO)).isCloseTo(0.5, TOL);
        // sklearn: m.balanced_accuracy_score([0, 0, 1, 1], [0, 2, 1, 1]); by hand (1/2 + 1) / 2
        assertThat(balancedAccuracy(yTrue, yPred)).isCloseTo(0.75, TOL);
    }

    @Test
    void classAbsentFromBothIsLeftOutOfAverages() {
        int[] yTrue = {0, 0, 2, 2};
        int[] yPred = {0, 2, 2, 2};
        assertThat(precisionPerClass(yTrue, yPred, 3)).containsExactly(new double[] {1, 0, 2 / 3.0}, TOL);
        // sklearn: m.precision_score([0, 0, 2, 2], [0, 2, 2, 2], average='macro'); by hand (1 + 2/3) / 2
        assertThat(precision(yTrue, yPred, MACRO)).isCloseTo(0.8333333333333333, TOL);
    }

    @Test
    void perfectAndInvertedPredictions() {
        int[] yTrue = {0, 0, 1, 1, 1};
        int[] inverted = {1, 1, 0, 0, 0};
        assertThat(accuracy(yTrue, yTrue)).isEqualTo(1.0);
        assertThat(f1(yTrue, yTrue, MACRO)).isEqualTo(1.0);
        assertThat(matthewsCorrcoef(yTrue, yTrue)).isCloseTo(1.0, TOL);
        assertThat(cohenKappa(yTrue, yTrue)).isCloseTo(1.0, TOL);
        assertThat(accuracy(yTrue, inverted)).isZero();
        assertThat(f1(yTrue, inverted, BINARY)).isZero();
        assertThat(matthewsCorrcoef(yTrue, inverted)).isCloseTo(-1.0, TOL);
        // observed 0, chance (2·3 + 3·2) / 25 = 12/25: −(12/25) / (13/25)
        assertThat(cohenKappa(yTrue, inverted)).isCloseTo(-12 / 13.0, TOL);
    }

    @Test
    void degenerateLabellings() {
        int[] zeros = {0, 0, 0};
        // only class 0 occurs, positive class 1 never does: 0 / 0 -> 0, as scikit-learn
        assertThat(precision(zeros, zeros, BINARY)).isZero();
        assertThat(recall(zeros, zeros, BINARY)).isZero();
        // every sample in one class on either side: MCC's variance term is 0 -> 0
        assertThat(matthewsCorrcoef(new int[] {0, 1, 0}, zeros)).isZero();
        // sklearn: m.cohen_kappa_score([1, 1, 1], [1, 1, 1]); chance agreement is 1, so 0 / 0
        assertThat(cohenKappa(new int[] {1, 1, 1}, new int[] {1, 1, 1})).isNaN();
    }

    @Test
    void logLossByHandAndAgainstScikitLearn() {
        // −(ln 0.8 + ln 0.6) / 2
        assertThat(logLoss(new int[] {1, 0}, new double[][] {{0.2, 0.8}, {0.6, 0.4}}))
                .isCloseTo(-(Math.log(0.8) + Math.log(0.6)) / 2, TOL);
        // sklearn: m.log_loss(M_TRUE, M_PROBA)
        assertThat(logLoss(M_TRUE, M_PROBA)).isCloseTo(0.6705834649866906, TOL);
    }

    @Test
    void logLossClipsCertainMistakes() {
        // sklearn: m.log_loss([0, 1], [[1.0, 0.0], [1.0, 0.0]]); by hand (−ln(1 − 2^-52) − ln 2^-52) / 2
        assertThat(logLoss(new int[] {0, 1}, new double[][] {{1, 0}, {1, 0}})).isCloseTo(18.021826694558577, TOL);
        assertThat(logLoss(new int[] {0, 1}, new double[][] {{1, 0}, {0, 1}})).isCloseTo(Math.ulp(1.0), TOL);
    }

    @Test
    void rejectsBadLabelsAndAverages() {
        assertThatThrownBy(() -> f1(M_TRUE, M_PRED, BINARY))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("BINARY averaging needs at most two classes, but 3 occur [0, 1, 2]; use MACRO, MICRO or WEIGHTED");
        assertThatThrownBy(() -> precision(new int[] {0, 2}, new int[] {2, 2}, BINARY))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("positive class 1 does not occur; the classes are [0, 2]");
        assertThatThrownBy(() -> recall(B_TRUE, B_PRED, -1))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("positive class must be >= 0, got -1");
        assertThatThrownBy(() -> fbeta(B_TRUE, B_PRED, -1, MACRO))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("beta must be finite and >= 0, got -1.0");
        assertThatThrownBy(() -> accuracy(new int[] {0, 1}, new int[] {0, 1, 1}))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("yTrue and yPred differ in length: 2 vs 3");
        assertThatThrownBy(() -> f1PerClass(M_TRUE, M_PRED, 2))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("yTrue[2] = 2 is outside the classes [0, 2)");
        assertThatThrownBy(() -> cohenKappa(new int[0], new int[0]))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("yTrue is empty");
    }

    @Test
    void rejectsBadProbabilities() {
        assertThatThrownBy(() -> logLoss(new int[] {0, 1}, new double[][] {{0.5, 0.5}, {0.5, 0.6}}))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("proba row 1 sums to 1.1, not 1");
        assertThatThrownBy(() -> logLoss(new int[] {0, 2}, new double[][] {{0.5, 0.5}, {0.5, 0.5}}))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("yTrue[1] = 2 is outside the classes [0, 2)");
        assertThatThrownBy(() -> logLoss(new int[] {0}, new double[][] {{1.5, -0.5}}))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("proba[0][0] = 1.5 is not a probability");
        assertThatThrownBy(() -> logLoss(new int[] {0, 0}, new double[][] {{1}, {1}}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("proba needs a column per class, at least 2, got 1");
        assertThatThrownBy(() -> logLoss(new int[] {0, 0}, new double[][] {{0.5, 0.5}, {1}}))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("proba row 1 has 1 columns, row 0 has 2");
        assertThatThrownBy(() -> logLoss(new int[] {0, 0}, new double[][] {{0.5, 0.5}}))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("yTrue and proba differ in length: 2 vs 1");
    }
}
