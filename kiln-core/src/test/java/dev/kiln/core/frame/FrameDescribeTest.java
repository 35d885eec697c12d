package dev.kiln.core.frame;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.kiln.core.frame.ColumnSummary.ValueCount;
import dev.kiln.core.io.CsvReader;
import java.net.URISyntaxException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class FrameDescribeTest {

    private static ColumnSummary describe(Column c) {
        return Frame.of(c).describe().column(c.name());
    }

    /** Hand-computed: deviations from the mean 4 are -3, -2, -1, 0, 6; their squares sum to 50; 50 / 4 = 12.5. */
    @Test
    void statisticsOfLongs() {
        ColumnSummary s = describe(LongColumn.of("n", 3, 1, 10, 2, 4));
        assertThat(s.count()).isEqualTo(5);
        assertThat(s.missing()).isZero();
        assertThat(s.mean()).isEqualTo(4.0);
        assertThat(s.std()).isEqualTo(Math.sqrt(12.5));
        assertThat(s.min()).isEqualTo(1.0);
        assertThat(s.p25()).isEqualTo(2.0);
        assertThat(s.p50()).isEqualTo(3.0);
        assertThat(s.p75()).isEqualTo(4.0);
        assertThat(s.max()).isEqualTo(10.0);
        assertThat(s.unique()).isNull();
        assertThat(s.top()).isNull();
        assertThat(s.topValues()).isEmpty();
    }

    /**
     * Hand-computed for 1, 2, 3, 4 (NaN skipped): the q quantile lies at index 3q of the sorted values,
     * so 0.75 gives 1.75, 1.5 gives 2.5 and 2.25 gives 3.25; the variance is (2.25 + 0.25 + 0.25 + 2.25) / 3.
     */
    @Test
    void quartilesAreInterpolatedAndMissingValuesSkipped() {
        ColumnSummary s = describe(DoubleColumn.of("x", 4, Double.NaN, 1, 3, 2));
        assertThat(s.count()).isEqualTo(4);
        assertThat(s.missing()).isEqualTo(1);
        assertThat(s.mean()).isEqualTo(2.5);
        assertThat(s.std()).isCloseTo(Math.sqrt(5.0 / 3), within(1e-15));
        assertThat(s.p25()).isEqualTo(1.75);
        assertThat(s.p50()).isEqualTo(2.5);
        assertThat(s.p75()).isEqualTo(3.25);
    }

    /** Values 1e9 + 4, 7, 13, 16 have variance 30 exactly; summing squares of 1e9-sized values would lose it. */
    @Test
    void meanAndStdAreStableForLargeOffsets() {
        ColumnSummary s = describe(DoubleColumn.of("x", 1e9 + 4, 1e9 + 7, 1e9 + 13, 1e9 + 16));
        assertThat(s.mean()).isEqualTo(1e9 + 10);
        assertThat(s.std()).isEqualTo(Math.sqrt(30));
    }

    @Test
    void aSingleValueHasNoStdAndNoValuesHaveNoStatistics() {
        assertThat(describe(DoubleColumn.of("x", 7)).std()).isNaN();
        ColumnSummary none = describe(DoubleColumn.of("x", Double.NaN, Double.NaN));
        assertThat(none.count()).isZero();
        assertThat(none.missing()).isEqualTo(2);
        assertThat(none.mean()).isNaN();
        assertThat(none.min()).isNaN();
        assertThat(none.p50()).isNaN();
    }

    /**
     * As pandas 1.5.3 has it: {@code pd.Series([1.0, np.inf]).describe()} gives mean inf, std NaN,
     * min 1, 25% inf, 50% NaN, 75% NaN, max inf.
     */
    @Test
    void infinitiesPropagateAsInPandas() {
        ColumnSummary s = describe(DoubleColumn.of("x", 1, Double.POSITIVE_INFINITY));
        assertThat(s.mean()).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(s.std()).isNaN();
        assertThat(s.min()).isEqualTo(1.0);
        assertThat(s.p25()).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(s.p50()).isNaN();
        assertThat(s.p75()).isNaN();
        assertThat(s.max()).isEqualTo(Double.POSITIVE_INFINITY);
    }

    @Test
    void categoriesAreCountedMostFrequentFirst() {
        ColumnSummary s = describe(CategoricalColumn.of("c", "b", "a", "b", "c", "a", "b", null));
        assertThat(s.count()).isEqualTo(6);
        assertThat(s.missing()).isEqualTo(1);
        assertThat(s.unique()).isEqualTo(3);
        assertThat(s.top()).isEqualTo("b");
        assertThat(s.topCount()).isEqualTo(3);
        assertThat(s.topValues()).containsExactly(new ValueCount("b", 3), new ValueCount("a", 2), new ValueCount("c", 1));
        assertThat(s.mean()).isNull();
    }

    @Test
    void tiesGoToTheValueSeenFirst() {
        assertThat(describe(TextColumn.of("t", "y", "x", "x", "y")).top()).isEqualTo("y");
    }

    @Test
    void onlyTheFiveMostFrequentValuesAreListed() {
        ColumnSummary s = describe(TextColumn.of("t", "a", "b", "c", "d", "e", "f", "g", "g"));
        assertThat(s.unique()).isEqualTo(7);
        assertThat(s.topValues()).extracting(ValueCount::value).containsExactly("g", "a", "b", "c", "d");
    }

    @Test
    void booleansAreCountedLikeCategories() {
        ColumnSummary s = describe(BooleanColumn.builder("b").add(false).add(true).add(true).addMissing().build());
        assertThat(s.unique()).isEqualTo(2);
        assertThat(s.top()).isEqualTo("true");
        assertThat(s.topCount()).isEqualTo(2);
        assertThat(s.missing()).isEqualTo(1);
        assertThat(s.mean()).isNull();
    }

    @Test
    void aColumnOfMissingStringsHasNoTop() {
        ColumnSummary s = describe(TextColumn.of("t", null, null));
        assertThat(s.unique()).isZero();
        assertThat(s.top()).isNull();
        assertThat(s.topCount()).isZero();
    }

    /**
     * Reference figures from pandas 1.5.3:
     * <pre>{@code
     * import pandas as pd
     * d = pd.read_csv('iris.csv').describe()
     * for c in d.columns: print(c, [repr(float(x)) for x in d[c]])
     * }</pre>
     */
    @Test
    void irisMatchesPandas() throws URISyntaxException {
        Frame iris = CsvReader.read(Path.of(getClass().getResource("/datasets/iris/iris.csv").toURI()));
        FrameDescription d = iris.describe();
        assertThat(d.rows()).isEqualTo(150);
        assertPandas(d.column("sepal length (cm)"), 5.843333333333334, 0.8280661279778629, 4.3, 5.1, 5.8, 6.4, 7.9);
        assertPandas(d.column("sepal width (cm)"), 3.0573333333333337, 0.435866284936698, 2.0, 2.8, 3.0, 3.3, 4.4);
        assertPandas(d.column("petal length (cm)"), 3.7580000000000005, 1.7652982332594667, 1.0, 1.6, 4.35, 5.1, 6.9);
        assertPandas(d.column("petal width (cm)"), 1.1993333333333336, 0.7622376689603465, 0.1, 0.3, 1.3, 1.8, 2.5);
        assertPandas(d.column("target"), 1.0, 0.8192319205190405, 0.0, 0.0, 1.0, 2.0, 2.0);
        ColumnSummary species = d.column("target_name");
        assertThat(species.unique()).isEqualTo(3);
        assertThat(species.topCount()).isEqualTo(50);
    }

    private static void assertPandas(ColumnSummary s, double mean, double std, double min, double p25, double p50,
                                     double p75, double max) {
        assertThat(s.count()).isEqualTo(150);
        assertThat(s.mean()).isCloseTo(mean, within(1e-12));
        assertThat(s.std()).isCloseTo(std, within(1e-12));
        assertThat(new double[] {s.min(), s.p25(), s.p50(), s.p75(), s.max()})
                .containsExactly(new double[] {min, p25, p50, p75, max}, within(1e-12));
    }
}
