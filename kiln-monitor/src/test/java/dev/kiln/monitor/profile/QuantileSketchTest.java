package dev.kiln.monitor.profile;

import dev.kiln.core.random.Rng;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.function.DoubleSupplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class QuantileSketchTest {
    /** KLL with k = 200 has a normalised rank error of about 1.3% at 99% confidence (DataSketches' tables); 2% leaves room. */
    private static final double RANK_TOLERANCE = 0.02;

    @Test
    void isExactWhileItHoldsEveryValue() {
        QuantileSketch sketch = new QuantileSketch();
        for (int i = 100; i >= 1; i--) {
            sketch.add(i);
        }
        assertThat(sketch.quantile(0.5)).isEqualTo(50);
        assertThat(sketch.quantile(0.01)).isEqualTo(1);
        assertThat(sketch.cdf(25)).isEqualTo(0.25);
        assertThat(sketch.min()).isEqualTo(1);
        assertThat(sketch.max()).isEqualTo(100);
    }

    @Test
    void rankErrorStaysSmallOnRandomSortedAndRepetitiveStreams() {
        Rng rng = Rng.seeded(7);
        int[] counter = {0};
        DoubleSupplier[] streams = {
            rng::nextDouble,
            rng::nextGaussian,
            () -> counter[0]++,
            () -> -(counter[0]++),
            () -> rng.nextInt(7),
            () -> Math.exp(4 * rng.nextGaussian())};
        for (DoubleSupplier stream : streams) {
            counter[0] = 0;
            double[] values = new double[100_000];
            QuantileSketch sketch = new QuantileSketch();
            for (int i = 0; i < values.length; i++) {
                values[i] = stream.getAsDouble();
                sketch.add(values[i]);
            }
            checkRanks(sketch, values);
        }
    }

    @Test
    void mergedSketchesOfPartsSummariseTheWhole() {
        Rng rng = Rng.seeded(8);
        double[] values = new double[60_000];
        QuantileSketch merged = new QuantileSketch();
        for (int part = 0; part < 6; part++) {
            QuantileSketch piece = new QuantileSketch();
            for (int i = 0; i < 10_000; i++) {
                double v = part + rng.nextGaussian();
                values[part * 10_000 + i] = v;
                piece.add(v);
            }
            merged.merge(piece);
        }
        assertThat(merged.count()).isEqualTo(values.length);
        assertThat(merged.min()).isEqualTo(Arrays.stream(values).min().orElseThrow());
        assertThat(merged.max()).isEqualTo(Arrays.stream(values).max().orElseThrow());
        checkRanks(merged, values);
    }

    @Test
    void restoresFromItsLevelsAndKeepsTheWeightEqualToTheCount() {
        QuantileSketch sketch = new QuantileSketch(64);
        Rng rng = Rng.seeded(9);
        for (int i = 0; i < 10_000; i++) {
            sketch.add(rng.nextDouble());
        }
        QuantileSketch copy = QuantileSketch.restore(64, sketch.count(), sketch.min(), sketch.max(), sketch.levels());
        assertThat(copy.quantiles(new double[]{0.1, 0.5, 0.9})).containsExactly(sketch.quantiles(new double[]{0.1, 0.5, 0.9}));
        assertThatThrownBy(() -> QuantileSketch.restore(64, sketch.count() + 1, 0, 1, sketch.levels()))
                .hasMessageContaining("weigh");
    }

    @Test
    void sameValuesInTheSameOrderGiveTheSameSketch() {
        QuantileSketch a = new QuantileSketch();
        QuantileSketch b = new QuantileSketch();
        for (int i = 0; i < 50_000; i++) {
            a.add(i % 977);
            b.add(i % 977);
        }
        assertThat(a.levels()).usingRecursiveComparison().isEqualTo(b.levels());
    }

    private static void checkRanks(QuantileSketch sketch, double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        for (double q = 0.01; q < 1; q += 0.01) {
            double estimate = sketch.quantile(q);
            double lowRank = lowerBound(sorted, estimate) / (double) sorted.length;
            double highRank = upperBound(sorted, estimate) / (double) sorted.length;
            assertThat(q).as("quantile %.2f estimated as %s (true ranks %s..%s)", q, estimate, lowRank, highRank)
                    .isBetween(lowRank - RANK_TOLERANCE, highRank + RANK_TOLERANCE);
        }
    }

    private static int lowerBound(double[] sorted, double v) {
        int i = Arrays.binarySearch(sorted, v);
        if (i < 0) {
            return -i - 1;
        }
        while (i > 0 && sorted[i - 1] == v) {
            i--;
        }
        return i;
    }

    private static int upperBound(double[] sorted, double v) {
        int i = lowerBound(sorted, v);
        while (i < sorted.length && sorted[i] == v) {
            i++;
        }
        return i;
    }
}
