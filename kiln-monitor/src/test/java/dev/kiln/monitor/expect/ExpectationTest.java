package dev.kiln.monitor.expect;

import dev.kiln.core.frame.CategoricalColumn;
import dev.kiln.core.frame.ColumnType;
import dev.kiln.core.frame.DoubleColumn;
import dev.kiln.core.frame.Frame;
import dev.kiln.core.frame.LongColumn;
import dev.kiln.core.frame.TextColumn;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class ExpectationTest {
    private static final Frame DATA = Frame.of(
            DoubleColumn.of("age", 34, 51, Double.NaN, 130, -2, 40, 28, 61, 45, 38),
            CategoricalColumn.of("city", "Oslo", "Bergen", "Oslo", "Paris", "Oslo", "Bergen", "Oslo", "Paris", "Oslo", "Oslo"),
            TextColumn.of("code", "AB-1", "AB-2", "AB-3", "AB-3", "x", "AB-6", "AB-7", "AB-8", "AB-9", "AB-10"));

    @Test
    void rangeCountsOffendingValuesAndHonoursMostly() {
        ExpectationResult strict = new Expectation.InRange("age", 0.0, 120.0, 1).check(DATA, Detail.SUMMARY);
        assertThat(strict.success()).isFalse();
        assertThat(strict.elementCount()).isEqualTo(9);
        assertThat(strict.unexpectedCount()).isEqualTo(2);
        assertThat(strict.unexpectedRows()).containsExactly(3, 4);
        assertThat(strict.unexpectedValues()).containsExactly("130", "-2");
        assertThat(strict.unexpectedPercent()).isCloseTo(200.0 / 9, within(1e-12));
        // 7 of 9 present values pass: 0.777… ≥ 0.75 holds, ≥ 0.8 does not.
        assertThat(new Expectation.InRange("age", 0.0, 120.0, 0.75).check(DATA, Detail.BASIC).success()).isTrue();
        assertThat(new Expectation.InRange("age", 0.0, 120.0, 0.8).check(DATA, Detail.BASIC).success()).isFalse();
        assertThat(new Expectation.InRange("age", null, 200.0, 1).check(DATA, Detail.BASIC).success()).isTrue();
    }

    @Test
    void detailLevelsSayMoreOrLessAboutOffendingRows() {
        Expectation set = new Expectation.InSet("city", Set.of("Oslo", "Bergen"), 1);
        ExpectationResult basic = set.check(DATA, Detail.BASIC);
        assertThat(basic.unexpectedValues()).containsExactly("Paris", "Paris");
        assertThat(basic.unexpectedRows()).isEmpty();
        assertThat(basic.unexpectedCounts()).isEmpty();
        ExpectationResult summary = set.check(DATA, Detail.SUMMARY);
        assertThat(summary.unexpectedRows()).containsExactly(3, 7);
        assertThat(summary.unexpectedCounts()).containsExactly(Map.entry("Paris", 2L));
    }

    @Test
    void completeDetailListsEveryOffenderWhereOthersStopAtTwenty() {
        double[] values = new double[50];
        java.util.Arrays.fill(values, -1);
        Frame many = Frame.of(DoubleColumn.of("x", values));
        Expectation positive = new Expectation.InRange("x", 0.0, null, 1);
        assertThat(positive.check(many, Detail.SUMMARY).unexpectedRows()).hasSize(20);
        assertThat(positive.check(many, Detail.COMPLETE).unexpectedRows()).hasSize(50);
        assertThat(positive.check(many, Detail.COMPLETE).unexpectedCount()).isEqualTo(50);
    }

    @Test
    void notNullRegexUniqueAndTypes() {
        ExpectationResult notNull = new Expectation.NotNull("age", 0.95).check(DATA, Detail.SUMMARY);
        assertThat(notNull.success()).isFalse();
        assertThat(notNull.observed()).isEqualTo(0.9);
        assertThat(notNull.unexpectedRows()).containsExactly(2);
        assertThat(new Expectation.NotNull("age", 0.9).check(DATA, Detail.BASIC).success()).isTrue();

        ExpectationResult regex = new Expectation.MatchesRegex("code", "AB-\\d+", 1).check(DATA, Detail.BASIC);
        assertThat(regex.unexpectedValues()).containsExactly("x");

        ExpectationResult unique = new Expectation.Unique("code").check(DATA, Detail.SUMMARY);
        assertThat(unique.success()).isFalse();
        assertThat(unique.unexpectedRows()).containsExactly(3);

        assertThat(new Expectation.HasType("age", ColumnType.DOUBLE).check(DATA, Detail.BASIC).success()).isTrue();
        assertThat(new Expectation.HasType("city", ColumnType.TEXT).check(DATA, Detail.BASIC).success()).isTrue();
        assertThat(new Expectation.HasType("code", ColumnType.DOUBLE).check(DATA, Detail.BASIC).observed()).isEqualTo("text");
        Frame longs = Frame.of(LongColumn.of("n", 1, 2, 3));
        assertThat(new Expectation.HasType("n", ColumnType.DOUBLE).check(longs, Detail.BASIC).success()).isTrue();
    }

    /** Mean of the nine ages: (34+51+130−2+40+28+61+45+38)/9 = 425/9; NumPy's median of them is 40. */
    @Test
    void aggregateExpectationsUseThePresentValues() {
        ExpectationResult mean = new Expectation.MeanBetween("age", 40, 50).check(DATA, Detail.BASIC);
        assertThat((double) mean.observed()).isCloseTo(425.0 / 9, within(1e-12));
        assertThat(mean.success()).isTrue();
        ExpectationResult median = new Expectation.QuantileBetween("age", 0.5, 41, 60).check(DATA, Detail.BASIC);
        assertThat(median.observed()).isEqualTo(40.0);
        assertThat(median.success()).isFalse();
    }

    @Test
    void tableLevelExpectationsAndMissingColumns() {
        ExpectationResult columns = new Expectation.ColumnsMatch(List.of("age", "city", "zip"), true).check(DATA, Detail.BASIC);
        assertThat(columns.success()).isFalse();
        assertThat(columns.note()).isEqualTo("missing [zip]; unexpected [code]");
        assertThat(new Expectation.ColumnsMatch(List.of("age"), false).check(DATA, Detail.BASIC).success()).isTrue();
        assertThat(new Expectation.RowCountBetween(11L, null).check(DATA, Detail.BASIC).observed()).isEqualTo(10L);
        ExpectationResult gone = new Expectation.NotNull("zip", 1).check(DATA, Detail.BASIC);
        assertThat(gone.success()).isFalse();
        assertThat(gone.note()).isEqualTo("column 'zip' is missing");
    }

    @Test
    void settingsAreValidated() {
        assertThatThrownBy(() -> new Expectation.NotNull("a", 1.5)).hasMessageContaining("mostly");
        assertThatThrownBy(() -> new Expectation.InRange("a", 5.0, 1.0, 1)).hasMessageContaining("above max");
        assertThatThrownBy(() -> new Expectation.InRange("a", null, null, 1)).hasMessageContaining("needs min");
        assertThatThrownBy(() -> new Expectation.MatchesRegex("a", "(", 1)).isInstanceOf(IllegalArgumentException.class);
    }
}
