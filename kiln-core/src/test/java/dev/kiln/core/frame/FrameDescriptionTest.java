package dev.kiln.core.frame;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FrameDescriptionTest {
    private static final Frame FRAME = Frame.of(
            DoubleColumn.of("x", 1.5, 2.5, Double.NaN),
            CategoricalColumn.of("colour", "red", "blue", "red"));

    @Test
    void theMapHasSnakeCaseKeysAndPlainValues() {
        Map<String, Object> m = FRAME.describe().toMap();
        assertThat(m).containsOnlyKeys("rows", "columns").containsEntry("rows", 3);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> columns = (List<Map<String, Object>>) m.get("columns");
        assertThat(columns).hasSize(2);
        assertThat(columns.get(0).keySet()).containsExactly("name", "type", "count", "missing", "mean", "std", "min",
                "p25", "p50", "p75", "max", "unique", "top", "top_count", "top_values");
        assertThat(columns.get(0)).containsEntry("name", "x").containsEntry("type", "double")
                .containsEntry("count", 2).containsEntry("missing", 1).containsEntry("mean", 2.0)
                .containsEntry("p50", 2.0).containsEntry("unique", null).containsEntry("top_values", null);
        assertThat(columns.get(1)).containsEntry("type", "categorical").containsEntry("mean", null)
                .containsEntry("unique", 2).containsEntry("top", "red").containsEntry("top_count", 2)
                .containsEntry("top_values", List.of(Map.of("value", "red", "count", 2), Map.of("value", "blue", "count", 1)));
    }

    @Test
    void nanStatisticsBecomeNull() {
        Map<String, Object> m = Frame.of(DoubleColumn.of("x", 1)).describe().toMap();
        @SuppressWarnings("unchecked")
        Map<String, Object> x = ((List<Map<String, Object>>) m.get("columns")).get(0);
        assertThat(x).containsEntry("std", null).containsEntry("mean", 1.0);
    }

    @Test
    void theTableHasOneLinePerColumn() {
        assertThat(FRAME.describe().toString()).isEqualTo("""
                [3 rows x 2 columns]
                column  type         count  missing  mean       std  min   25%  50%   75%  max  unique  top  freq
                x       double           2        1     2  0.707107  1.5  1.75    2  2.25  2.5
                colour  categorical      3        0                                                  2  red     2
                """);
    }

    @Test
    void numbersInTheTableHaveSixSignificantDigits() {
        assertThat(FrameDescription.number(2.0 / 3)).isEqualTo("0.666667");
        assertThat(FrameDescription.number(1234567.891)).isEqualTo("1.23457e+06");
        assertThat(FrameDescription.number(1e-7)).isEqualTo("1e-07");
        assertThat(FrameDescription.number(-42.0)).isEqualTo("-42");
        assertThat(FrameDescription.number(Double.NaN)).isEqualTo("NaN");
        assertThat(FrameDescription.number(Double.NEGATIVE_INFINITY)).isEqualTo("-inf");
    }

    @Test
    void anUnknownColumnIsNamedWithTheOnesThereAre() {
        assertThatThrownBy(() -> FRAME.describe().column("color"))
                .isInstanceOf(NoSuchColumnException.class)
                .hasMessageContaining("did you mean 'colour'?");
    }
}
