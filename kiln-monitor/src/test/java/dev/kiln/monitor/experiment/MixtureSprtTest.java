package dev.kiln.monitor.experiment;

import dev.kiln.core.random.Rng;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class MixtureSprtTest {
    private static final int LOOKS = 100;
    private static final int UNITS_PER_LOOK = 200;

    /** Λ at θ̂ = 0 is √(V/(V+τ²)); with V = τ² and θ̂² = 2V·ln 2·2 it is √½·e^{ln 2} = √2 (closed form). */
    @Test
    void likelihoodRatioClosedForm() {
        MixtureSprt test = new MixtureSprt(0.04);
        assertThat(test.likelihoodRatio(0, 0.01)).isCloseTo(Math.sqrt(0.01 / 0.05), within(1e-15));
        double v = 0.04;
        double theta = Math.sqrt(4 * v * Math.log(2));
        assertThat(test.likelihoodRatio(theta, v)).isCloseTo(Math.sqrt(2), within(1e-12));
    }

    /** The point of the mSPRT: checking after every batch keeps the false-positive rate at or below α, while a z-test peeked at as often does not. */
    @Test
    void continuousMonitoringOfAaExperimentsKeepsTheFalsePositiveRate() {
        Rng rng = Rng.seeded(31);
        MixtureSprt msprt = MixtureSprt.forEffect(0.01);
        int experiments = 300;
        int sequentialRejections = 0;
        int peekingRejections = 0;
        for (int e = 0; e < experiments; e++) {
            Proportion a = new Proportion(0, 0);
            Proportion b = new Proportion(0, 0);
            double p = 1;
            boolean peekRejected = false;
            for (int look = 0; look < LOOKS; look++) {
                a = Arms.add(rng, a, UNITS_PER_LOOK, 0.2);
                b = Arms.add(rng, b, UNITS_PER_LOOK, 0.2);
                p = msprt.compare(a, b, 0.95, p).pValue();
                peekRejected |= TwoProportionZTest.compare(a, b, 0.95).significant();
            }
            sequentialRejections += p < 0.05 ? 1 : 0;
            peekingRejections += peekRejected ? 1 : 0;
        }
        // Ville's inequality bounds the sequential rate by α; allow the binomial noise of 300 experiments above it.
        assertThat(sequentialRejections).as("mSPRT rejections of %d A/A experiments", experiments)
                .isLessThanOrEqualTo((int) (experiments * 0.05 + 3.29 * Math.sqrt(experiments * 0.05 * 0.95)));
        assertThat(peekingRejections).as("peeked z-test rejections").isGreaterThan(2 * experiments / 10);
    }

    @Test
    void aTrueLiftIsFoundAndCoveredByTheConfidenceSequence() {
        Rng rng = Rng.seeded(32);
        MixtureSprt msprt = MixtureSprt.forEffect(0.01);
        int experiments = 100;
        int detected = 0;
        int coveredThroughout = 0;
        for (int e = 0; e < experiments; e++) {
            Proportion a = new Proportion(0, 0);
            Proportion b = new Proportion(0, 0);
            double p = 1;
            boolean covered = true;
            for (int look = 0; look < LOOKS; look++) {
                a = Arms.add(rng, a, UNITS_PER_LOOK, 0.2);
                b = Arms.add(rng, b, UNITS_PER_LOOK, 0.22);
                Comparison c = msprt.compare(a, b, 0.95, p);
                assertThat(c.pValue()).isLessThanOrEqualTo(p);
                p = c.pValue();
                covered &= c.lower() <= 0.02 && 0.02 <= c.upper();
            }
            detected += p < 0.05 ? 1 : 0;
            coveredThroughout += covered ? 1 : 0;
        }
        // A 10% lift on 20,000 units per arm: a fixed-horizon test would have power ≈ 0.99; the sequential test pays a little.
        assertThat(detected).isGreaterThan(90);
        assertThat(coveredThroughout).isGreaterThanOrEqualTo(90);
    }

    @Test
    void rejectsBadSettings() {
        assertThatThrownBy(() -> new MixtureSprt(0)).hasMessageContaining("positive");
        assertThatThrownBy(() -> MixtureSprt.forEffect(0.01).compare(new Proportion(10, 1), new Proportion(10, 2), 0.95, 2))
                .hasMessageContaining("previousPValue");
    }
}
