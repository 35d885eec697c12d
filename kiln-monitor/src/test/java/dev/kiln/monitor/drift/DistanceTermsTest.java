package dev.kiln.monitor.drift;

import dev.kiln.core.random.Rng;
import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The per-bin terms of the distances, and the Wasserstein distance between histograms. */
class DistanceTermsTest {

    @Test
    void termsAddUpToTheDistances() {
        Rng rng = Rng.seeded(3);
        for (int trial = 0; trial < 200; trial++) {
            int bins = 2 + rng.nextInt(15);
            double[] p = shares(rng, bins);
            double[] q = shares(rng, bins);
            assertThat(Arrays.stream(Distances.populationStabilityIndexTerms(p, q)).sum())
                    .isCloseTo(Distances.populationStabilityIndex(p, q), within(1e-12));
            assertThat(Arrays.stream(Distances.populationStabilityIndexTerms(p, q))).allMatch(t -> t >= 0);
            double js = Arrays.stream(Distances.jensenShannonTerms(p, q)).sum();
            assertThat(Math.sqrt(js / 2 / Math.log(2))).isCloseTo(Distances.jensenShannon(p, q), within(1e-12));
            double h = Arrays.stream(Distances.hellingerTerms(p, q)).sum();
            assertThat(Math.sqrt(h)).isCloseTo(Distances.hellinger(p, q), within(1e-7));
        }
    }

    /** Random shares summing to 1, some of them 0. */
    private static double[] shares(Rng rng, int bins) {
        double[] s = new double[bins];
        for (int i = 0; i < bins; i++) {
            s[i] = rng.nextDouble() < 0.2 ? 0 : rng.nextDouble();
        }
        s[rng.nextInt(bins)] += 0.1;
        double sum = Arrays.stream(s).sum();
        return Arrays.stream(s).map(v -> v / sum).toArray();
    }

    /*
     * By hand, F_p − F_q at the edges and the area between them (linear within each bin):
     *   all mass moves one bin right: edges 0, 1, 2; ΔF = 0, 1, 0 → two triangles of area ½ → 1 (= the shift)
     *   p = (0.5, 0.5), q = (0.7, 0.3): ΔF = 0, −0.2, 0 → 0.1 + 0.1 = 0.2
     *   p = (0.6, 0.1, 0.3), q = (0.3, 0.5, 0.2): ΔF = 0, 0.3, −0.1, 0 → 0.15 + (0.3² + 0.1²)/(2·0.4) + 0.05 = 0.325
     */
    @Test
    void binnedWassersteinClosedForms() {
        assertThat(Distances.wassersteinBinned(new double[] {0, 1, 2}, new double[] {1, 0}, new double[] {0, 1}))
                .isCloseTo(1, within(1e-15));
        assertThat(Distances.wassersteinBinned(new double[] {0, 1, 2}, new double[] {0.5, 0.5}, new double[] {0.7, 0.3}))
                .isCloseTo(0.2, within(1e-15));
        double[] terms = Distances.wassersteinBinnedTerms(new double[] {0, 1, 2, 3}, new double[] {0.6, 0.1, 0.3},
                new double[] {0.3, 0.5, 0.2});
        assertThat(terms[0]).isCloseTo(0.15, within(1e-15));
        assertThat(terms[1]).isCloseTo(0.125, within(1e-15));
        assertThat(terms[2]).isCloseTo(0.05, within(1e-15));
        // Counts work as well as shares; widths scale the distance.
        assertThat(Distances.wassersteinBinned(new double[] {0, 10, 20, 30}, new double[] {6, 1, 3}, new double[] {3, 5, 2}))
                .isCloseTo(3.25, within(1e-13));
    }

    /**
     * Against the sample form: spread each share as evenly spaced points over its bin and the
     * Wasserstein distance of the two samples approaches the histograms' (error below a bin width
     * over the points per bin).
     */
    @Test
    void binnedWassersteinMatchesTheSampleFormOnEvenlySpreadSamples() {
        Rng rng = Rng.seeded(4);
        for (int trial = 0; trial < 20; trial++) {
            int bins = 2 + rng.nextInt(8);
            double[] edges = new double[bins + 1];
            edges[0] = rng.nextGaussian();
            for (int i = 1; i <= bins; i++) {
                edges[i] = edges[i - 1] + 0.1 + rng.nextDouble();
            }
            int[] a = counts(rng, bins);
            int[] b = counts(rng, bins);
            double expected = Distances.wasserstein(spread(edges, a), spread(edges, b));
            double binned = Distances.wassersteinBinned(edges, Arrays.stream(a).asDoubleStream().toArray(),
                    Arrays.stream(b).asDoubleStream().toArray());
            assertThat(binned).as("trial %d", trial).isCloseTo(expected, within(2e-3));
        }
    }

    private static int[] counts(Rng rng, int bins) {
        int[] c = new int[bins];
        for (int i = 0; i < bins; i++) {
            c[i] = rng.nextDouble() < 0.2 ? 0 : 1000 + rng.nextInt(4000);
        }
        c[0] += 1000;
        return c;
    }

    private static double[] spread(double[] edges, int[] counts) {
        return java.util.stream.IntStream.range(0, counts.length).boxed().flatMapToDouble(i ->
                java.util.stream.IntStream.range(0, counts[i]).mapToDouble(j ->
                        edges[i] + (j + 0.5) / counts[i] * (edges[i + 1] - edges[i]))).toArray();
    }
}
