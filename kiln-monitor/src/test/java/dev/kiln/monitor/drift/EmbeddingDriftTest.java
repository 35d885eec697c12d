package dev.kiln.monitor.drift;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.kiln.core.random.Rng;
import org.junit.jupiter.api.Test;

class EmbeddingDriftTest {

    private static double[][] gaussian(Rng rng, int n, int d, double shift) {
        double[][] out = new double[n][d];
        for (double[] row : out) {
            for (int k = 0; k < d; k++) {
                row[k] = rng.nextGaussian() + shift;
            }
        }
        return out;
    }

    @Test
    void bothMethodsSeeAMeanShiftInEightDimensions() {
        Rng rng = Rng.seeded(11);
        double[][] ref = gaussian(rng, 250, 8, 0);
        double[][] cur = gaussian(rng, 250, 8, 0.25);
        EmbeddingDrift drift = EmbeddingDrift.compare(ref, cur, 42);
        // Two Gaussians a Mahalanobis distance δ = 0.25·√8 apart: the best AUC is Φ(δ/√2) = Φ(0.5) = 0.6915
        assertThat(drift.classifier().rocAuc()).isCloseTo(0.6915, within(0.05));
        assertThat(drift.drift()).isTrue();
        assertThat(drift.mmd().pValue()).isLessThan(0.01);
        assertThat(drift.mmd().drift()).isTrue();
        var bootstrap = new DomainClassifierDrift(DomainClassifierDrift.Settings.defaults(42).withBootstrap(true)).test(ref, cur);
        assertThat(bootstrap.threshold()).isBetween(0.5, 0.6);
        assertThat(bootstrap.drift()).isTrue();
    }

    @Test
    void neitherMethodSeesDriftBetweenDrawsOfOneDistribution() {
        Rng rng = Rng.seeded(12);
        double[][] ref = gaussian(rng, 250, 8, 0);
        double[][] cur = gaussian(rng, 250, 8, 0);
        EmbeddingDrift drift = EmbeddingDrift.compare(ref, cur, 42);
        assertThat(drift.classifier().rocAuc()).isLessThan(0.55);
        assertThat(drift.drift()).isFalse();
        assertThat(drift.mmd().pValue()).isGreaterThan(0.05);
        assertThat(drift.mmd().drift()).isFalse();
        assertThat(EmbeddingDrift.compare(ref, cur, 42)).isEqualTo(drift);
    }

    @Test
    void mmdIsZeroInExpectationAndPositiveForSeparatedSets() {
        double[][] a = {{0, 0}, {1, 0}, {0, 1}};
        double[][] far = {{10, 10}, {11, 10}, {10, 11}};
        var r = new MaximumMeanDiscrepancy(new MaximumMeanDiscrepancy.Settings(50, 10, 0.05, 1)).test(a, far);
        // within-set kernels ≈ k(1) and k(√2), across sets ≈ 0 with σ ≈ the cross distance ≈ 14
        assertThat(r.mmd2()).isGreaterThan(0);
        assertThat(r.bandwidth()).isBetween(13.0, 15.5);
    }

    @Test
    void rejectsRaggedOrMissingRows() {
        assertThatThrownBy(() -> EmbeddingDrift.compare(new double[][] {{1, 2}}, new double[][] {{1}}, 1))
                .hasMessageContaining("current row 0 has 1 values; expected 2");
        assertThatThrownBy(() -> EmbeddingDrift.compare(new double[][] {{1, Double.NaN}}, new double[][] {{1, 2}}, 1))
                .hasMessageContaining("reference row 0, component 1");
    }
}
