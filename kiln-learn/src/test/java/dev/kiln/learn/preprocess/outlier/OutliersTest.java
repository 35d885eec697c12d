package dev.kiln.learn.preprocess.outlier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.kiln.core.frame.CategoricalColumn;
import dev.kiln.core.frame.DoubleColumn;
import dev.kiln.core.frame.Frame;
import dev.kiln.learn.linear.LinearRegression;
import org.junit.jupiter.api.Test;

class OutliersTest {
    // Values 1..8 and 100: np.percentile(v, [25, 75]) = 3, 7 (indices 2 and 6 of 9 sorted values), IQR 4.
    private static final Frame X = Frame.of(DoubleColumn.of("v", 1, 2, 3, 4, 5, 6, 7, 8, 100),
            CategoricalColumn.of("s", "a", "a", "a", "a", "a", "a", "a", "a", "b"));

    @Test
    void tukeyFencesClipAndDetect() {
        FittedIqrOutliers f = new IqrOutliers().fit(X, null);
        assertThat(f.q1()).containsExactly(3);
        assertThat(f.q3()).containsExactly(7);
        assertThat(f.lowerFences()).containsExactly(-3);
        assertThat(f.upperFences()).containsExactly(13);
        assertThat(f.outlierRows(X)).containsExactly(8);
        assertThat(f.transform(X).column("v").toDoubles()).containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 13);
        assertThat(f.transform(X).column("s")).isSameAs(X.column("s"));
        Frame later = Frame.of(DoubleColumn.of("v", -4, Double.NaN, 0));
        assertThat(f.isOutlier(later)).containsExactly(true, false, false);
        assertThat(f.transform(later).column("v").toDoubles()).containsExactly(-3, Double.NaN, 0);
    }

    @Test
    void zScoreFencesUseThePopulationStd() {
        Frame x = Frame.of(DoubleColumn.of("v", 2, 4, 4, 4, 5, 5, 7, 9));
        // Mean 5, population std 2: fences 5 ± 2·2 with threshold 2.
        FittedZScoreOutliers z = new ZScoreOutliers(new ZScoreOutliers.Params(2, null)).fit(x, null);
        assertThat(z.mean()).containsExactly(5);
        assertThat(z.std()).containsExactly(2);
        assertThat(z.isOutlier(Frame.of(DoubleColumn.of("v", 0.9, 1, 9, 9.1)))).containsExactly(true, false, false, true);
        assertThat(new ZScoreOutliers().fit(x, null).upperFences()).containsExactly(11);
        assertThat(z.transform(Frame.of(DoubleColumn.of("v", 100))).column("v").toDoubles()).containsExactly(9);
    }

    @Test
    void detectedRowsAreDroppedBeforeFitting() {
        Frame x = Frame.of(DoubleColumn.of("a", 1, 2, 3, 4, 5, 6, 7, 8, 60));
        DoubleColumn y = DoubleColumn.of("y", 3, 5, 7, 9, 11, 13, 15, 17, 0);
        int[] keep = new IqrOutliers().fit(x, null).inlierRows(x);
        var model = new LinearRegression().fit(x.take(keep), y.take(keep));
        assertThat(model.coefficients()[0]).isCloseTo(2, within(1e-12));
        assertThat(model.intercept()).isCloseTo(1, within(1e-12));
    }

    @Test
    void fencesNeedValuesAndNumericColumns() {
        assertThatThrownBy(() -> new IqrOutliers().fit(Frame.of(DoubleColumn.of("e", Double.NaN)), null))
                .hasMessageContaining("column 'e' has no values");
        FittedIqrOutliers f = new IqrOutliers().fit(X, null);
        assertThatThrownBy(() -> f.transform(Frame.of(CategoricalColumn.of("v", "x")))).hasMessageContaining("column 'v' is categorical");
    }
}
