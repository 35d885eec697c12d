package dev.kiln.core.modelfile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kiln.core.frame.CategoricalColumn;
import dev.kiln.core.frame.DoubleColumn;
import dev.kiln.core.frame.Frame;
import dev.kiln.core.frame.LongColumn;
import dev.kiln.core.frame.TextColumn;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class FeatureRangeTest {

    @Test
    void numericColumnsOnlyMissingAndInfiniteValuesIgnored() {
        Frame f = Frame.of(
                DoubleColumn.of("x", 2.5, Double.NaN, -1, Double.POSITIVE_INFINITY, 7),
                LongColumn.of("n", 4, 9, -3, 0, 1),
                CategoricalColumn.of("c", "a", "b", "a", "b", "a"),
                TextColumn.of("t", "p", "q", "r", "s", "u"),
                DoubleColumn.of("empty", Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN));

        assertThat(FeatureRange.of(f)).containsExactly(
                Map.entry("x", new FeatureRange(-1, 7)), Map.entry("n", new FeatureRange(-3, 9)));
    }

    @Test
    void theRangeOfASampleAdmitsEveryValueOfItAndNothingBeyond() {
        Random random = new Random(7);
        for (int trial = 0; trial < 50; trial++) {
            double[] v = new double[1 + random.nextInt(30)];
            for (int i = 0; i < v.length; i++) {
                v[i] = random.nextGaussian() * 100;
            }
            FeatureRange r = FeatureRange.of(Frame.of(DoubleColumn.of("v", v))).get("v");
            for (double x : v) {
                assertThat(r.admits(x)).isTrue();
            }
            assertThat(r.admits(Math.nextDown(r.min()))).isFalse();
            assertThat(r.admits(Math.nextUp(r.max()))).isFalse();
            assertThat(r.admits(Double.NaN)).as("a missing value is not out of range").isTrue();
        }
    }

    @Test
    void minMustNotExceedMax() {
        assertThatThrownBy(() -> new FeatureRange(2, 1)).hasMessageContaining("min <= max");
        assertThatThrownBy(() -> new FeatureRange(Double.NaN, 1)).hasMessageContaining("min <= max");
    }
}
