package dev.kiln.learn.preprocess.scale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.kiln.core.frame.CategoricalColumn;
import dev.kiln.core.frame.ColumnType;
import dev.kiln.core.frame.DoubleColumn;
import dev.kiln.core.frame.Frame;
import dev.kiln.core.frame.LongColumn;
import dev.kiln.core.model.FittedTransformer;
import dev.kiln.core.random.Rng;
import dev.kiln.learn.preprocess.TestData;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class ScalersTest {
    private static final Frame IRIS = TestData.irisFeatures();

    @Test
    void standardScalerMatchesScikitLearnOnIris() {
        // X = pd.read_csv('iris/iris.csv').iloc[:, :4].to_numpy(); s = StandardScaler().fit(X)
        // s.mean_, s.scale_, s.transform(X)[0]
        FittedStandardScaler s = new StandardScaler().fit(IRIS, null);
        assertThat(s.mean()).containsExactly(new double[] {5.843333333333334, 3.0573333333333337, 3.7580000000000005,
            1.1993333333333336}, within(1e-14));
        assertThat(s.scale()).containsExactly(new double[] {0.8253012917851409, 0.4344109677354946, 1.759404065775303,
            0.7596926279021594}, within(1e-14));
        assertThat(TestData.rows(s.transform(IRIS))[0]).containsExactly(new double[] {-0.9006811702978088,
            1.019004351971607, -1.3402265266227624, -1.3154442950077403}, within(1e-13));
    }

    @Test
    void standardisedTrainingColumnsHaveMeanZeroAndUnitPopulationStd() {
        Rng rng = Rng.seeded(7);
        double[] a = new double[50];
        double[] b = new double[50];
        for (int i = 0; i < a.length; i++) {
            a[i] = 1e6 + 1e3 * rng.nextGaussian();
            b[i] = rng.nextExponential();
        }
        Frame scaled = new StandardScaler().fit(Frame.of(DoubleColumn.of("a", a), DoubleColumn.of("b", b)), null)
                .transform(Frame.of(DoubleColumn.of("a", a), DoubleColumn.of("b", b)));
        for (String c : List.of("a", "b")) {
            double[] v = scaled.column(c).toDoubles();
            double mean = java.util.Arrays.stream(v).average().orElseThrow();
            double var = java.util.Arrays.stream(v).map(x -> (x - mean) * (x - mean)).sum() / v.length;
            assertThat(mean).isCloseTo(0, within(1e-12));
            assertThat(var).isCloseTo(1, within(1e-12));
        }
    }

    @Test
    void constantColumnsAreScaledByOneAndMissingValuesStayMissing() {
        Frame x = Frame.of(DoubleColumn.of("c", 3, 3, 3), DoubleColumn.of("m", 1, Double.NaN, 3));
        FittedStandardScaler s = new StandardScaler().fit(x, null);
        assertThat(s.scale()).containsExactly(1, 1);
        assertThat(s.transform(x).column("c").toDoubles()).containsExactly(0, 0, 0);
        // Mean 2 and population std 1 of the present values 1 and 3.
        assertThat(s.transform(x).column("m").toDoubles()).containsExactly(-1, Double.NaN, 1);
    }

    @Test
    void minMaxScalerMatchesScikitLearnOnIris() {
        // m = MinMaxScaler().fit(X); m.transform(X)[0], m.transform(X)[149]
        FittedMinMaxScaler m = new MinMaxScaler().fit(IRIS, null);
        double[][] out = TestData.rows(m.transform(IRIS));
        assertThat(out[0]).containsExactly(new double[] {0.2222222222222221, 0.625, 0.06779661016949151,
            0.04166666666666667}, within(1e-15));
        assertThat(out[149]).containsExactly(new double[] {0.44444444444444464, 0.41666666666666674, 0.6949152542372881,
            0.7083333333333334}, within(1e-15));
        assertThat(m.dataMin()).containsExactly(4.3, 2.0, 1.0, 0.1);
        assertThat(m.dataMax()).containsExactly(7.9, 4.4, 6.9, 2.5);
    }

    @Test
    void minMaxClipsOnlyWhenAsked() {
        Frame train = Frame.of(DoubleColumn.of("a", 0, 10));
        Frame test = Frame.of(DoubleColumn.of("a", -5, 5, 20));
        assertThat(new MinMaxScaler().fit(train, null).transform(test).column("a").toDoubles()).containsExactly(-0.5, 0.5, 2);
        MinMaxScaler clipping = new MinMaxScaler(new MinMaxScaler.Params(-1, 1, true, null));
        assertThat(clipping.fit(train, null).transform(test).column("a").toDoubles()).containsExactly(-1, 0, 1);
    }

    @Test
    void robustScalerMatchesScikitLearnOnIris() {
        // r = RobustScaler().fit(X); r.center_, r.scale_, r.transform(X)[0]
        FittedRobustScaler r = new RobustScaler().fit(IRIS, null);
        assertThat(r.center()).containsExactly(5.8, 3.0, 4.35, 1.3);
        assertThat(r.scale()).containsExactly(new double[] {1.3000000000000007, 0.5, 3.4999999999999996, 1.5}, within(1e-15));
        assertThat(TestData.rows(r.transform(IRIS))[0]).containsExactly(new double[] {-0.5384615384615383, 1.0,
            -0.8428571428571429, -0.7333333333333334}, within(1e-15));
    }

    @Test
    void robustQuartilesInterpolateLinearly() {
        // Values 1..4: median 2.5; 25th percentile at index 0.75 -> 1.75; 75th at 2.25 -> 3.25.
        FittedRobustScaler r = new RobustScaler().fit(Frame.of(DoubleColumn.of("a", 4, 1, 3, 2)), null);
        assertThat(r.center()).containsExactly(2.5);
        assertThat(r.scale()).containsExactly(1.5);
    }

    @Test
    void maxAbsScalerDividesByTheLargestMagnitude() {
        // MaxAbsScaler().fit(X).scale_ on iris: the column maxima.
        assertThat(new MaxAbsScaler().fit(IRIS, null).scale()).containsExactly(7.9, 4.4, 6.9, 2.5);
        Frame x = Frame.of(DoubleColumn.of("a", -4, 2), DoubleColumn.of("z", 0, 0));
        FittedMaxAbsScaler m = new MaxAbsScaler().fit(x, null);
        assertThat(m.transform(x).column("a").toDoubles()).containsExactly(-1, 0.5);
        assertThat(m.scale()).containsExactly(4, 1);
    }

    @Test
    void inverseTransformsRoundTrip() {
        Rng rng = Rng.seeded(11);
        for (int trial = 0; trial < 20; trial++) {
            int n = 1 + rng.nextInt(30);
            double[] a = new double[n];
            double[] b = new double[n];
            for (int i = 0; i < n; i++) {
                a[i] = rng.nextGaussian() * 100;
                b[i] = rng.nextInt(3) == 0 ? Double.NaN : rng.nextDouble();
            }
            Frame x = Frame.of(DoubleColumn.of("a", a), DoubleColumn.of("b", b));
            check(x, new StandardScaler().fit(x, null), FittedStandardScaler::inverseTransform);
            check(x, new MinMaxScaler().fit(x, null), FittedMinMaxScaler::inverseTransform);
            check(x, new RobustScaler().fit(x, null), FittedRobustScaler::inverseTransform);
            check(x, new MaxAbsScaler().fit(x, null), FittedMaxAbsScaler::inverseTransform);
        }
    }

    private static <T extends FittedTransformer> void check(Frame x, T fitted, java.util.function.BiFunction<T, Frame, Frame> inverse) {
        Frame back = inverse.apply(fitted, fitted.transform(x));
        for (String c : x.names()) {
            double[] want = x.column(c).toDoubles();
            double[] got = back.column(c).toDoubles();
            for (int i = 0; i < want.length; i++) {
                if (Double.isNaN(want[i])) {
                    assertThat(got[i]).isNaN();
                } else {
                    assertThat(got[i]).isCloseTo(want[i], within(1e-9 * Math.max(1, Math.abs(want[i]))));
                }
            }
        }
    }

    @Test
    void scalersLeaveOtherColumnsInPlaceAndScaleNamedOnes() {
        Frame x = Frame.of(CategoricalColumn.of("city", "Oslo", "Bergen"), LongColumn.of("n", 1, 3), DoubleColumn.of("d", 5, 7));
        Frame out = new StandardScaler().fit(x, null).transform(x);
        assertThat(out.names()).containsExactly("city", "n", "d");
        assertThat(out.column("city")).isSameAs(x.column("city"));
        assertThat(out.column("n").type()).isEqualTo(ColumnType.DOUBLE);
        Frame onlyD = new StandardScaler(new StandardScaler.Params(true, true, List.of("d"))).fit(x, null).transform(x);
        assertThat(onlyD.column("n")).isSameAs(x.column("n"));
        assertThat(onlyD.column("d").toDoubles()).containsExactly(-1, 1);
    }

    @Test
    void transformRefusesMissingOrNonNumericColumns() {
        Frame x = Frame.of(DoubleColumn.of("a", 1, 2));
        FittedStandardScaler s = new StandardScaler().fit(x, null);
        assertThatThrownBy(() -> s.transform(Frame.of(DoubleColumn.of("b", 1))))
                .hasMessageContaining("standard-scaler").hasMessageContaining("'a'");
        assertThatThrownBy(() -> s.transform(Frame.of(CategoricalColumn.of("a", "x"))))
                .hasMessageContaining("column 'a' is categorical; expected a numeric column");
        assertThatThrownBy(() -> new StandardScaler(new StandardScaler.Params(true, true, List.of("city"))).fit(x, null))
                .hasMessageContaining("unknown column 'city'");
    }

    @Test
    void aSingleRowScalesToZero() {
        Frame x = Frame.of(DoubleColumn.of("a", 42));
        Function<Frame, double[]> first = f -> f.column("a").toDoubles();
        assertThat(first.apply(new StandardScaler().fit(x, null).transform(x))).containsExactly(0);
        assertThat(first.apply(new MinMaxScaler().fit(x, null).transform(x))).containsExactly(0);
        assertThat(first.apply(new RobustScaler().fit(x, null).transform(x))).containsExactly(0);
    }
}
