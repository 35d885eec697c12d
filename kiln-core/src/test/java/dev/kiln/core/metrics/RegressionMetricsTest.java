package dev.kiln.core.metrics;

import static dev.kiln.core.metrics.Fixtures.R_PRED;
import static dev.kiln.core.metrics.Fixtures.R_TRUE;
import static dev.kiln.core.metrics.Fixtures.S_PRED;
import static dev.kiln.core.metrics.Fixtures.S_TRUE;
import static dev.kiln.core.metrics.Fixtures.TOL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class RegressionMetricsTest {

    @Test
    void scoresSmallFixtureByHand() {
        // errors |t - p| = 0.5, 0.5, 0, 1, 1.5: sum 3.5, squares sum 3.75, sorted median 0.5
        assertThat(RegressionMetrics.mae(R_TRUE, R_PRED)).isCloseTo(0.7, TOL);
        assertThat(RegressionMetrics.mse(R_TRUE, R_PRED)).isCloseTo(0.75, TOL);
        assertThat(RegressionMetrics.rmse(R_TRUE, R_PRED)).isCloseTo(Math.sqrt(0.75), TOL);
        assertThat(RegressionMetrics.maxError(R_TRUE, R_PRED)).isEqualTo(1.5);
        assertThat(RegressionMetrics.medianAbsoluteError(R_TRUE, R_PRED)).isEqualTo(0.5);
        // mean(yTrue) = 3.2; SS_tot = 0.04 + 13.69 + 1.44 + 14.44 + 1.69 = 31.3; SS_res = 3.75
        assertThat(RegressionMetrics.r2(R_TRUE, R_PRED)).isCloseTo(1 - 3.75 / 31.3, TOL);
        // residuals 0.5, -0.5, 0, -1, 1.5 have mean 0.1; squared deviations sum .16+.36+.01+1.21+1.96 = 3.7
        assertThat(RegressionMetrics.explainedVariance(R_TRUE, R_PRED)).isCloseTo(1 - 3.7 / 31.3, TOL);
        // (0.5/3 + 0.5/0.5 + 0/2 + 1/7 + 1.5/4.5) / 5
        assertThat(RegressionMetrics.meanAbsolutePercentageError(R_TRUE, R_PRED))
                .isCloseTo((0.5 / 3 + 1 + 1.0 / 7 + 1.5 / 4.5) / 5, TOL);
    }

    @Test
    void matchesScikitLearn() {
        // sklearn: m.r2_score(S_TRUE, S_PRED)
        assertThat(RegressionMetrics.r2(S_TRUE, S_PRED)).isCloseTo(0.8920211857167265, TOL);
        // sklearn: m.explained_variance_score(S_TRUE, S_PRED)
        assertThat(RegressionMetrics.explainedVariance(S_TRUE, S_PRED)).isCloseTo(0.8925337433794636, TOL);
        // sklearn: m.mean_squared_error(S_TRUE, S_PRED)
        assertThat(RegressionMetrics.mse(S_TRUE, S_PRED)).isCloseTo(1.8515625, TOL);
        // sklearn: m.mean_squared_error(S_TRUE, S_PRED, squared=False)
        assertThat(RegressionMetrics.rmse(S_TRUE, S_PRED)).isCloseTo(1.3607213160673275, TOL);
        // sklearn: m.mean_absolute_error(S_TRUE, S_PRED)
        assertThat(RegressionMetrics.mae(S_TRUE, S_PRED)).isCloseTo(0.96875, TOL);
        // sklearn: m.median_absolute_error(S_TRUE, S_PRED); even count, mean of the middle two (0.5, 0.5)
        assertThat(RegressionMetrics.medianAbsoluteError(S_TRUE, S_PRED)).isCloseTo(0.5, TOL);
        // sklearn: m.max_error(S_TRUE, S_PRED)
        assertThat(RegressionMetrics.maxError(S_TRUE, S_PRED)).isEqualTo(3.0);
        // sklearn: m.mean_absolute_percentage_error(S_TRUE, S_PRED)
        assertThat(RegressionMetrics.meanAbsolutePercentageError(S_TRUE, S_PRED)).isCloseTo(0.37395833333333334, TOL);
    }

    @Test
    void medianOfEvenCountAveragesTheMiddlePair() {
        // errors 1, 4, 2, 3 -> sorted 1, 2, 3, 4 -> (2 + 3) / 2
        assertThat(RegressionMetrics.medianAbsoluteError(new double[] {0, 0, 0, 0}, new double[] {1, -4, 2, 3}))
                .isEqualTo(2.5);
    }

    @Test
    void mapeFloorsZeroTargetsAtMachineEpsilon() {
        // sklearn: m.mean_absolute_percentage_error([0.0, 2.0], [1.0, 1.0]); by hand (1/2^-52 + 0.5) / 2
        double mape = RegressionMetrics.meanAbsolutePercentageError(new double[] {0, 2}, new double[] {1, 1});
        assertThat(mape).isEqualTo(2251799813685248.0);
    }

    @Test
    void perfectPredictionsScoreOneAndZeroError() {
        assertThat(RegressionMetrics.r2(S_TRUE, S_TRUE)).isEqualTo(1.0);
        assertThat(RegressionMetrics.explainedVariance(S_TRUE, S_TRUE)).isEqualTo(1.0);
        assertThat(RegressionMetrics.mse(S_TRUE, S_TRUE)).isZero();
        assertThat(RegressionMetrics.maxError(S_TRUE, S_TRUE)).isZero();
    }

    @Test
    void predictingTheMeanScoresZeroAndWorseIsNegative() {
        double[] y = {1, 2, 3, 4};
        assertThat(RegressionMetrics.r2(y, new double[] {2.5, 2.5, 2.5, 2.5})).isCloseTo(0.0, TOL);
        // reversed: SS_res = 9 + 1 + 1 + 9 = 20, SS_tot = 5 -> 1 - 4
        assertThat(RegressionMetrics.r2(y, new double[] {4, 3, 2, 1})).isCloseTo(-3.0, TOL);
    }

    @Test
    void constantTargetsFollowForceFinite() {
        double[] constant = {2, 2, 2};
        assertThat(RegressionMetrics.r2(constant, constant)).isEqualTo(1.0);
        // sklearn: m.r2_score([2.0, 2.0, 2.0], [1.0, 2.0, 3.0])
        assertThat(RegressionMetrics.r2(constant, new double[] {1, 2, 3})).isEqualTo(0.0);
        // sklearn: m.explained_variance_score([2.0, 2.0, 2.0], [1.0, 1.0, 1.0]) (constant residuals)
        assertThat(RegressionMetrics.explainedVariance(constant, new double[] {1, 1, 1})).isEqualTo(1.0);
        // sklearn: m.explained_variance_score([2.0, 2.0, 2.0], [1.0, 2.0, 3.0])
        assertThat(RegressionMetrics.explainedVariance(constant, new double[] {1, 2, 3})).isEqualTo(0.0);
    }

    @Test
    void constantTargetIsDetectedExactlyWhereTheMeanRounds() {
        // sklearn: m.r2_score([0.1, 0.1, 0.1], [0.2, 0.2, 0.2]) gives -5.19e31 because the mean of three
        // 0.1s rounds to 0.10000000000000002; Kiln treats the target as constant, as force_finite intends.
        assertThat(RegressionMetrics.r2(new double[] {0.1, 0.1, 0.1}, new double[] {0.2, 0.2, 0.2})).isEqualTo(0.0);
    }

    @Test
    void rejectsBadInput() {
        assertThatThrownBy(() -> RegressionMetrics.mae(new double[] {1, 2, 3}, new double[] {1, 2}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("yTrue and yPred differ in length: 3 vs 2");
        assertThatThrownBy(() -> RegressionMetrics.mse(new double[0], new double[0]))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("yTrue is empty");
        assertThatThrownBy(() -> RegressionMetrics.rmse(new double[] {1, 2}, new double[] {1, Double.NaN}))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("yPred[1] = NaN is not finite");
        assertThatThrownBy(() -> RegressionMetrics.r2(new double[] {1}, new double[] {1}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least two samples");
    }
}
