package dev.kiln.core.random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RngTest {

    @Test
    void matchesTheReferenceImplementation() {
        // Reference: the C code of xoshiro256** 1.0 and splitmix64 from https://prng.di.unimi.it/,
        // state filled by four splitmix64 draws from x = 42, first five next() values printed
        // as signed 64-bit integers (gcc 12, see the transcription in this test's history).
        Rng rng = Rng.seeded(42);
        assertThat(rng.nextLong()).isEqualTo(1546998764402558742L);
        assertThat(rng.nextLong()).isEqualTo(6990951692964543102L);
        assertThat(rng.nextLong()).isEqualTo(-5902157311460992607L);
        assertThat(rng.nextLong()).isEqualTo(-1389169964527427423L);
        assertThat(rng.nextLong()).isEqualTo(-151191095644234140L);
    }

    @Test
    void sameSeedSameDrawsAcrossAllDrawKinds() {
        Rng a = Rng.seeded(7);
        Rng b = Rng.seeded(7);
        for (int i = 0; i < 1000; i++) {
            assertThat(a.nextGaussian()).isEqualTo(b.nextGaussian());
            assertThat(a.nextInt(17)).isEqualTo(b.nextInt(17));
            assertThat(a.nextDouble()).isEqualTo(b.nextDouble());
        }
        assertThat(Rng.seeded(7).permutation(50)).isEqualTo(Rng.seeded(7).permutation(50));
        assertThat(Rng.seeded(7).nextLong()).isNotEqualTo(Rng.seeded(8).nextLong());
    }

    @Test
    void streamsDependOnlyOnSeedAndIndex() {
        Rng parent = Rng.seeded(5);
        long first = parent.stream(3).nextLong();
        for (int i = 0; i < 100; i++) {
            parent.nextLong();
        }
        assertThat(parent.stream(3).nextLong()).as("draws from the parent do not move its streams").isEqualTo(first);
        Set<Long> firstDraws = new HashSet<>();
        for (int s = 0; s < 1000; s++) {
            firstDraws.add(parent.stream(s).nextLong());
        }
        assertThat(firstDraws).hasSize(1000);
        assertThat(Rng.seeded(6).stream(3).nextLong()).isNotEqualTo(first);
    }

    @Test
    void boundedIntsAreUniform() {
        // Chi-square goodness of fit over 10 cells with 100,000 draws; the 0.999 quantile of
        // chi-square with 9 degrees of freedom is 27.88 (statistical tables). The seed is fixed,
        // so the test is deterministic; it guards against bias in the bounded-int method.
        Rng rng = Rng.seeded(11);
        int[] cells = new int[10];
        int draws = 100_000;
        for (int i = 0; i < draws; i++) {
            cells[rng.nextInt(10)]++;
        }
        double expected = draws / 10.0;
        double chi2 = Arrays.stream(cells).mapToDouble(c -> (c - expected) * (c - expected) / expected).sum();
        assertThat(chi2).isLessThan(27.88);
        for (int bound : new int[] {1, 2, 3, 1 << 30, Integer.MAX_VALUE}) {
            for (int i = 0; i < 1000; i++) {
                assertThat(rng.nextInt(bound)).isBetween(0, bound - 1);
            }
        }
        assertThatThrownBy(() -> rng.nextInt(0)).hasMessageContaining("bound must be positive");
    }

    @Test
    void gaussianHasUnitMomentsAndDoublesCoverTheUnitInterval() {
        Rng rng = Rng.seeded(3);
        int n = 200_000;
        double sum = 0;
        double sumSq = 0;
        double min = 1;
        double max = 0;
        for (int i = 0; i < n; i++) {
            double g = rng.nextGaussian();
            sum += g;
            sumSq += g * g;
            double u = rng.nextDouble();
            min = Math.min(min, u);
            max = Math.max(max, u);
            assertThat(u).isGreaterThanOrEqualTo(0).isLessThan(1);
        }
        // Standard errors: mean 1/sqrt(n) = 0.0022, variance sqrt(2/n) = 0.0032; bounds are 5 of them.
        assertThat(sum / n).isCloseTo(0, within(0.011));
        assertThat(sumSq / n).isCloseTo(1, within(0.016));
        assertThat(min).isLessThan(1e-4);
        assertThat(max).isGreaterThan(1 - 1e-4);
    }

    @Test
    void samplesAndPermutationsHoldEachIndexOnce() {
        Rng rng = Rng.seeded(1);
        int[] p = rng.permutation(1000);
        assertThat(Arrays.stream(p).sorted().toArray()).isEqualTo(java.util.stream.IntStream.range(0, 1000).toArray());
        for (int k : new int[] {0, 1, 5, 100, 999, 1000}) {
            int[] s = rng.sampleWithoutReplacement(1000, k);
            assertThat(s).hasSize(k);
            assertThat(Arrays.stream(s).distinct().count()).isEqualTo(k);
            assertThat(Arrays.stream(s).allMatch(i -> i >= 0 && i < 1000)).isTrue();
        }
        assertThatThrownBy(() -> rng.sampleWithoutReplacement(3, 4)).hasMessageContaining("cannot sample 4 distinct values from 3");
    }
}
