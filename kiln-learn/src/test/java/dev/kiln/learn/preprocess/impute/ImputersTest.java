package dev.kiln.learn.preprocess.impute;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.kiln.core.frame.BooleanColumn;
import dev.kiln.core.frame.CategoricalColumn;
import dev.kiln.core.frame.ColumnType;
import dev.kiln.core.frame.DoubleColumn;
import dev.kiln.core.frame.Frame;
import dev.kiln.core.frame.LongColumn;
import dev.kiln.core.frame.TextColumn;
import dev.kiln.core.random.Rng;
import dev.kiln.learn.preprocess.TestData;
import dev.kiln.learn.preprocess.impute.SimpleImputer.Strategy;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class ImputersTest {
    private static final double NAN = Double.NaN;
    // X = np.array([[1,2,nan],[3,nan,6],[nan,8,9],[7,8,12],[5,4,nan]], float)
    private static final Frame SMALL = Frame.of(DoubleColumn.of("a", 1, 3, NAN, 7, 5), DoubleColumn.of("b", 2, NAN, 8, 8, 4),
            DoubleColumn.of("c", NAN, 6, 9, 12, NAN));
    private static final List<String> AMES_COLUMNS = List.of("Lot_Frontage", "Lot_Area", "Year_Built", "Gr_Liv_Area",
            "Total_Bsmt_SF", "Garage_Area", "Longitude", "Latitude");

    @Test
    void simpleImputerStatisticsMatchScikitLearn() {
        // SimpleImputer(strategy=s).fit(X).statistics_ for s in mean, median, most_frequent
        assertThat(stats(Strategy.MEAN, SMALL)).containsExactly(4, 5.5, 9);
        assertThat(stats(Strategy.MEDIAN, SMALL)).containsExactly(4, 6, 9);
        assertThat(stats(Strategy.MOST_FREQUENT, SMALL)).containsExactly(1, 8, 6);
        Frame out = new SimpleImputer().fit(SMALL, null).transform(SMALL);
        assertThat(out.column("c").toDoubles()).containsExactly(9, 6, 9, 12, 9);
    }

    @Test
    void simpleImputerMatchesScikitLearnOnAmesWithHolesPunched() {
        // d = pd.read_csv('ames_housing/ames_housing.csv'); A = d[cols].to_numpy(float)[:400]
        // A[i, j] = nan where (i*7 + j*3) % 11 == 0
        // SimpleImputer(strategy=s).fit(A).statistics_
        Frame a = amesWithHoles();
        assertThat(stats(Strategy.MEDIAN, a)).containsExactly(65, 9600, 1975, 1441, 1002, 480, -93.6371675, 42.036766);
        assertThat(stats(Strategy.MEAN, a)).containsExactly(new double[] {57.58402203856749, 9901.87087912088,
            1971.9862637362637, 1480.9120879120878, 1048.4545454545455, 459.7190082644628, -93.64037664615385,
            42.03659660027475}, within(1e-9));
        assertThat(stats(Strategy.MOST_FREQUENT, a)).containsExactly(0, 7500, 2004, 1092, 864, 0, -93.644889, 42.024604);
    }

    private static double[] stats(Strategy s, Frame x) {
        FittedSimpleImputer f = new SimpleImputer(SimpleImputer.Params.of(s)).fit(x, null);
        return x.names().stream().mapToDouble(f::numericStatistic).toArray();
    }

    @Test
    void stringColumnsTakeTheMostFrequentValueSmallestOnTiesAndKeepTheirType() {
        Frame x = Frame.of(CategoricalColumn.of("cat", "b", "a", null, "b", "a"), TextColumn.of("txt", "y", null, "x", "y", "z"),
                DoubleColumn.of("d", 1, NAN, 1, 2, 3));
        FittedSimpleImputer f = new SimpleImputer(SimpleImputer.Params.of(Strategy.MOST_FREQUENT)).fit(x, null);
        assertThat(f.statistics()).containsExactly("a", "y", "1.0");
        Frame out = f.transform(x);
        assertThat(out.column("cat").type()).isEqualTo(ColumnType.CATEGORICAL);
        assertThat(out.column("cat").text(2)).isEqualTo("a");
        assertThat(out.column("txt").type()).isEqualTo(ColumnType.TEXT);
        assertThat(out.column("txt").text(1)).isEqualTo("y");
        assertThat(out.column("d").toDoubles()).containsExactly(1, 1, 1, 2, 3);
    }

    @Test
    void constantStrategyUsesScikitLearnDefaultsOrTheGivenValue() {
        Frame x = Frame.of(CategoricalColumn.of("cat", "b", null), LongColumn.builder("n").add(3).addMissing().build());
        Frame out = new SimpleImputer(SimpleImputer.Params.of(Strategy.CONSTANT)).fit(x, null).transform(x);
        assertThat(out.column("cat").text(1)).isEqualTo("missing_value");
        assertThat(out.column("n").toDoubles()).containsExactly(3, 0);
        Frame minusOne = new SimpleImputer(new SimpleImputer.Params(Strategy.CONSTANT, "-1", false, false, List.of("n")))
                .fit(x, null).transform(x);
        assertThat(minusOne.column("n").toDoubles()).containsExactly(3, -1);
        assertThatThrownBy(() -> new SimpleImputer(new SimpleImputer.Params(Strategy.CONSTANT, "none", false, false, null))
                .fit(x, null)).hasMessageContaining("fill value 'none' is not a number").hasMessageContaining("'n'");
    }

    @Test
    void meanLeavesNonNumericColumnsAloneAndRefusesThemWhenNamed() {
        Frame x = Frame.of(TextColumn.of("t", null, "x"), DoubleColumn.of("d", NAN, 4));
        Frame out = new SimpleImputer().fit(x, null).transform(x);
        assertThat(out.column("t")).isSameAs(x.column("t"));
        assertThat(out.column("d").toDoubles()).containsExactly(4, 4);
        assertThatThrownBy(() -> new SimpleImputer(new SimpleImputer.Params(Strategy.MEAN, null, false, false, List.of("t")))
                .fit(x, null)).hasMessageContaining("column 't' is text; expected a numeric column for strategy MEAN");
    }

    @Test
    void allMissingColumnsAreDroppedUnlessKeptAndIndicatorsAreAppended() {
        Frame x = Frame.of(DoubleColumn.of("gone", NAN, NAN, NAN), DoubleColumn.of("a", 1, NAN, 3), DoubleColumn.of("full", 1, 2, 3));
        FittedSimpleImputer f = new SimpleImputer(new SimpleImputer.Params(Strategy.MEAN, null, true, false, null)).fit(x, null);
        Frame out = f.transform(x);
        assertThat(f.dropped()).containsExactly("gone");
        assertThat(out.names()).containsExactly("a", "full", "gone_missing", "a_missing");
        assertThat(out.column("a_missing").type()).isEqualTo(ColumnType.BOOLEAN);
        assertThat(out.column("a_missing").toDoubles()).containsExactly(0, 1, 0);
        assertThat(f.sources("a_missing")).containsExactly("a");
        assertThat(f.sources("full")).containsExactly("full");
        Frame kept = new SimpleImputer(new SimpleImputer.Params(Strategy.MEDIAN, null, false, true, null)).fit(x, null).transform(x);
        assertThat(kept.column("gone").toDoubles()).containsExactly(0, 0, 0);
    }

    @Test
    void missingIndicatorMarksOnlyColumnsWithMissingValuesAndFailsOnNewOnes() {
        Frame x = Frame.of(DoubleColumn.of("a", 1, NAN), BooleanColumn.builder("b").add(true).addMissing().build(),
                DoubleColumn.of("full", 1, 2));
        FittedMissingIndicator m = new MissingIndicator().fit(x, null);
        assertThat(m.indicated()).containsExactly("a", "b");
        assertThat(m.transform(x).names()).containsExactly("a_missing", "b_missing");
        assertThat(m.sources("b_missing")).containsExactly("b");
        Frame later = Frame.of(DoubleColumn.of("a", 1), BooleanColumn.of("b", true), DoubleColumn.of("full", NAN));
        assertThatThrownBy(() -> m.transform(later)).hasMessageContaining("column 'full' has 1 missing values but had none");
        FittedMissingIndicator all = new MissingIndicator(new MissingIndicator.Params(MissingIndicator.Features.ALL, true, null))
                .fit(x, null);
        assertThat(all.transform(later).column("full_missing").toDoubles()).containsExactly(1);
    }

    @Test
    void nanEuclideanMatchesScikitLearn() {
        // nan_euclidean_distances(X, X)
        double[] x = flat(SMALL);
        double[] d = NanEuclidean.distances(x, 5, x, 5, 3);
        double[] want = {0, 3.4641016151377544, 10.392304845413264, 10.392304845413264, 5.477225575051661,
            3.4641016151377544, 0, 5.196152422706632, 8.831760866327848, 3.4641016151377544,
            10.392304845413264, 5.196152422706632, 0, 3.6742346141747673, 6.928203230275509,
            10.392304845413264, 8.831760866327848, 3.6742346141747673, 0, 5.477225575051661,
            5.477225575051661, 3.4641016151377544, 6.928203230275509, 5.477225575051661, 0};
        assertThat(d).containsExactly(want, within(1e-12));
        assertThat(NanEuclidean.distances(new double[] {1, NAN}, 1, new double[] {NAN, 2}, 1, 2)[0]).isNaN();
    }

    @Test
    void knnImputerMatchesScikitLearnOnASmallFixture() {
        // KNNImputer(n_neighbors=2).fit_transform(X); KNNImputer(n_neighbors=2, weights='distance').fit_transform(X)
        FittedKnnImputer u = new KnnImputer(new KnnImputer.Params(2, KnnImputer.Weights.UNIFORM, false, false, null)).fit(SMALL, null);
        assertThat(TestData.rows(u.transform(SMALL))).isDeepEqualTo(new double[][] {{1, 2, 7.5}, {3, 3, 6}, {5, 8, 9},
            {7, 8, 12}, {5, 4, 9}});
        FittedKnnImputer d = new KnnImputer(new KnnImputer.Params(2, KnnImputer.Weights.DISTANCE, false, false, null)).fit(SMALL, null);
        double[][] out = TestData.rows(d.transform(SMALL));
        assertThat(out[0][2]).isCloseTo(6.750000000000001, within(1e-12));
        assertThat(out[2][0]).isCloseTo(5.343145750507619, within(1e-12));
        assertThat(out[4][2]).isCloseTo(8.324555320336758, within(1e-12));
    }

    @Test
    void knnImputerMatchesScikitLearnOnAmes() {
        // out = KNNImputer().fit_transform(A); out.sum(axis=0), out[0], out[11]
        // outd = KNNImputer(weights='distance').fit_transform(A); outd.sum(axis=0)
        Frame a = amesWithHoles();
        Frame out = new KnnImputer().fit(a, null).transform(a);
        assertThat(columnSums(out)).containsExactly(new double[] {23041.2, 3944098.8, 788896.8, 590411.4, 420252.6, 182589.0,
            -37456.20113454, 16814.66689934}, within(1e-6));
        assertThat(TestData.rows(out)[0]).containsExactly(new double[] {63.2, 31770, 1960, 1656, 1080, 528, -93.619754,
            42.054035}, within(1e-9));
        assertThat(TestData.rows(out)[11]).containsExactly(new double[] {40.2, 7980, 1992, 1187, 1168, 420, -93.635951,
            42.057419}, within(1e-9));
        KnnImputer distance = new KnnImputer(new KnnImputer.Params(5, KnnImputer.Weights.DISTANCE, false, false, null));
        assertThat(columnSums(distance.fit(a, null).transform(a))).containsExactly(new double[] {23091.956278674428,
            3940135.994308946, 788945.7302829487, 589910.4467448295, 420345.1258154777, 182903.08748656945,
            -37456.22187875655, 16814.688624290364}, within(1e-6));
    }

    @Test
    void knnImputerFallsBackToTheMeanAndDropsEmptyColumns() {
        Frame train = Frame.of(DoubleColumn.of("a", 1, 2, 3), DoubleColumn.of("b", NAN, NAN, NAN), DoubleColumn.of("c", 10, 20, NAN));
        FittedKnnImputer f = new KnnImputer().fit(train, null);
        // The row shares no coordinate with any training row that has 'a', so 'a' gets its mean, 2.
        Frame row = Frame.of(DoubleColumn.of("a", NAN), DoubleColumn.of("b", 5), DoubleColumn.of("c", NAN));
        Frame out = f.transform(row);
        assertThat(out.names()).containsExactly("a", "c");
        assertThat(out.column("a").toDoubles()).containsExactly(2);
        assertThat(out.column("c").toDoubles()).containsExactly(15);
    }

    @Test
    void knnImputationOfRandomHolesNeverInventsValuesOutsideTheDonorsRange() {
        Rng rng = Rng.seeded(3);
        for (int trial = 0; trial < 10; trial++) {
            int n = 1 + rng.nextInt(40);
            double[] a = new double[n];
            double[] b = new double[n];
            for (int i = 0; i < n; i++) {
                a[i] = rng.nextInt(4) == 0 ? NAN : rng.nextGaussian();
                b[i] = rng.nextInt(4) == 0 ? NAN : rng.nextGaussian();
            }
            Frame x = Frame.of(DoubleColumn.of("a", a), DoubleColumn.of("b", b));
            Frame out = new KnnImputer(new KnnImputer.Params(3, KnnImputer.Weights.DISTANCE, false, false, null)).fit(x, null).transform(x);
            for (String c : out.names()) {
                double[] before = x.column(c).toDoubles();
                double lo = Arrays.stream(before).filter(v -> !Double.isNaN(v)).min().orElseThrow();
                double hi = Arrays.stream(before).filter(v -> !Double.isNaN(v)).max().orElseThrow();
                for (double v : out.column(c).toDoubles()) {
                    assertThat(v).isBetween(lo - 1e-12, hi + 1e-12);
                }
            }
        }
    }

    private static Frame amesWithHoles() {
        Frame d = TestData.read("ames_housing").select(AMES_COLUMNS).head(400);
        List<DoubleColumn> cols = new ArrayList<>();
        for (int j = 0; j < AMES_COLUMNS.size(); j++) {
            double[] v = d.column(j).toDoubles();
            for (int i = 0; i < v.length; i++) {
                if ((i * 7 + j * 3) % 11 == 0) {
                    v[i] = NAN;
                }
            }
            cols.add(DoubleColumn.of(AMES_COLUMNS.get(j), v));
        }
        return Frame.of(cols);
    }

    private static double[] columnSums(Frame f) {
        return f.columns().stream().mapToDouble(c -> Arrays.stream(c.toDoubles()).sum()).toArray();
    }

    private static double[] flat(Frame f) {
        return Arrays.stream(TestData.rows(f)).flatMapToDouble(Arrays::stream).toArray();
    }
}
