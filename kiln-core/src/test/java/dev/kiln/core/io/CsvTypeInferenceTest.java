package dev.kiln.core.io;

import static dev.kiln.core.io.Frames.csv;
import static org.assertj.core.api.Assertions.assertThat;

import dev.kiln.core.frame.BooleanColumn;
import dev.kiln.core.frame.CategoricalColumn;
import dev.kiln.core.frame.Column;
import dev.kiln.core.frame.ColumnType;
import dev.kiln.core.frame.DoubleColumn;
import dev.kiln.core.frame.Frame;
import dev.kiln.core.frame.LongColumn;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class CsvTypeInferenceTest {

    /** A one-column CSV text with the given values, one per line. */
    private static Column column(String... values) {
        return csv("x\n" + String.join("\n", values) + "\n").column("x");
    }

    private static Column column(List<String> values) {
        return column(values.toArray(String[]::new));
    }

    @Test
    void wholeNumbersAreLongsEvenSignedOrPaddedWithSpaces() {
        LongColumn c = (LongColumn) column("1", "-2", "+3", "  4 ", "007", "9223372036854775807", "-9223372036854775808");
        assertThat(IntStream.range(0, c.size()).mapToLong(c::get).toArray())
                .containsExactly(1, -2, 3, 4, 7, Long.MAX_VALUE, Long.MIN_VALUE);
    }

    @Test
    void aWholeNumberBeyondTheRangeOfALongMakesADouble() {
        DoubleColumn c = (DoubleColumn) column("1", "9223372036854775808");
        assertThat(c.get(0)).isEqualTo(1.0);
        assertThat(c.get(1)).isEqualTo(9.223372036854775808E18);
        assertThat(column("-9223372036854775809").type()).isEqualTo(ColumnType.DOUBLE);
    }

    @Test
    void decimalsAndExponentsAreDoubles() {
        DoubleColumn c = (DoubleColumn) column("1", "2.5", "1e3", "2.5E-3", "-1.5e+2", ".5", "3.", " 0.1 ", "-0.0");
        assertThat(c.toArray()).containsExactly(1, 2.5, 1000, 0.0025, -150, 0.5, 3, 0.1, -0.0);
        assertThat(Double.doubleToLongBits(c.get(8))).isEqualTo(Double.doubleToLongBits(-0.0));
    }

    @Test
    void infinitiesInAnyCaseAreDoubles() {
        DoubleColumn c = (DoubleColumn) column("inf", "-inf", "+Infinity", "-Infinity", "INF", "1");
        assertThat(c.toArray()).containsExactly(Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY,
                Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY, 1);
    }

    @Test
    void trueAndFalseInAnyCaseAreBooleans() {
        BooleanColumn c = (BooleanColumn) column("true", "FALSE", " True ", "false");
        assertThat(IntStream.range(0, 4).mapToObj(c::get)).containsExactly(true, false, true, false);
    }

    @Test
    void zerosAndOnesAreNumbersNotBooleans() {
        assertThat(column("0", "1", "1").type()).isEqualTo(ColumnType.LONG);
    }

    @Test
    void booleansMixedWithNumbersAreStrings() {
        CategoricalColumn c = (CategoricalColumn) column("true", "1", "false");
        assertThat(c.levels()).containsExactly("true", "1", "false");
    }

    @Test
    void aColumnWithNoValuesIsDouble() {
        Column c = csv("x,y\n,1\nNA,2\n").column("x");
        assertThat(c.type()).isEqualTo(ColumnType.DOUBLE);
        assertThat(c.missingCount()).isEqualTo(2);
    }

    @Test
    void stringsAreKeptAsWrittenSpacesIncluded() {
        CategoricalColumn c = (CategoricalColumn) column(" 7", "seven ", "7");
        assertThat(c.levels()).containsExactly(" 7", "seven ", "7");
    }

    @Test
    void aColumnThatTurnsToStringsLateStillKnowsAllItsLevels() {
        CategoricalColumn c = (CategoricalColumn) column("3", "1", "3", "2.5", "x", "1");
        assertThat(c.levels()).containsExactly("3", "1", "2.5", "x");
        assertThat(c.levelCounts()).containsExactly(2, 2, 1, 1);
    }

    @Test
    void fiftyDistinctValuesAreAlwaysCategorical() {
        List<String> values = IntStream.range(0, 50).mapToObj(i -> "v" + i).toList();
        assertThat(column(values).type()).isEqualTo(ColumnType.CATEGORICAL);
    }

    @Test
    void moreThanFiftyDistinctValuesAreTextWhenTheyAreMoreThanHalfTheValues() {
        List<String> distinct = IntStream.range(0, 51).mapToObj(i -> "v" + i).toList();
        assertThat(column(withRepeats(distinct, 102 - 51)).type()).isEqualTo(ColumnType.CATEGORICAL);
        assertThat(column(withRepeats(distinct, 101 - 51)).type()).isEqualTo(ColumnType.TEXT);
    }

    @Test
    void valuesLongerThanFortyCharactersOnAverageAreText() {
        String forty = "x".repeat(40);
        assertThat(column(forty, forty + "y", forty.substring(1)).type()).isEqualTo(ColumnType.CATEGORICAL);
        assertThat(column(forty, forty + "y", forty).type()).isEqualTo(ColumnType.TEXT);
    }

    @Test
    void moreThanTenThousandDistinctValuesAreText() {
        List<String> atCap = IntStream.range(0, 10_000).mapToObj(i -> "v" + i).toList();
        assertThat(column(withRepeats(atCap, 20_001)).type()).isEqualTo(ColumnType.CATEGORICAL);
        List<String> overCap = IntStream.range(0, 10_001).mapToObj(i -> "v" + i).toList();
        assertThat(column(withRepeats(overCap, 20_001)).type()).isEqualTo(ColumnType.TEXT);
    }

    @Test
    void aColumnThatTurnsToStringsLateCountsItsEarlierValuesAsDistinct() {
        List<String> values = IntStream.range(0, 60).mapToObj(Integer::toString).collect(Collectors.toList());
        values.add("x");
        assertThat(column(values).type()).isEqualTo(ColumnType.TEXT);
    }

    @Test
    void typesAreInferredFromEveryRowNotAPrefix() {
        List<String> values = IntStream.range(0, 100_000).mapToObj(Integer::toString).collect(Collectors.toList());
        values.add("0.5");
        Frame f = csv("x\n" + String.join("\n", values));
        assertThat(f.column("x").type()).isEqualTo(ColumnType.DOUBLE);
        assertThat(((DoubleColumn) f.column("x")).get(100_000)).isEqualTo(0.5);
    }

    /** The values, then the first of them again until there are {@code extra} more. */
    private static List<String> withRepeats(List<String> values, int extra) {
        List<String> out = new java.util.ArrayList<>(values);
        for (int i = 0; i < extra; i++) {
            out.add(values.get(i % values.size()));
        }
        return out;
    }
}
