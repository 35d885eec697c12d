package dev.kiln.monitor.experiment;

import dev.kiln.core.random.Rng;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class PowerAnalysisTest {

    /**
     * Reference from /usr/bin/python3 with SciPy: za=norm.ppf(.975); zb=norm.ppf(.8); m=.105;
     * ((za*sqrt(2*m*(1-m)) + zb*sqrt(.1*.9+.11*.89))/.01)**2 → 14750.79, so 14,751 per arm;
     * means: ceil(2*(za+zb)**2*2**2/0.5**2) → 252.
     */
    @Test
    void sampleSizesMatchTheFormulas() {
        PowerAnalysis plan = PowerAnalysis.standard();
        assertThat(plan.unitsPerArm(0.10, 0.11)).isEqualTo(14_751);
        assertThat(plan.unitsPerArmForMeans(2, 0.5)).isEqualTo(252);
        assertThat(plan.powerFor(14_751, 0.10, 0.11)).isCloseTo(0.8, within(1e-4));
    }

    /** The plan keeps its promise: a true 5% relative lift is detected in about 80% of simulated experiments of the planned size. */
    @Test
    void plannedExperimentsDetectATrueFivePercentLiftWithThePlannedPower() {
        PowerAnalysis plan = PowerAnalysis.standard();
        long units = plan.unitsPerArm(0.2, 0.21);
        Rng rng = Rng.seeded(41);
        int experiments = 400;
        int detected = 0;
        for (int e = 0; e < experiments; e++) {
            Comparison c = TwoProportionZTest.compare(Arms.draw(rng, units, 0.2), Arms.draw(rng, units, 0.21), 0.95);
            if (c.significant() && c.difference() > 0) {
                detected++;
            }
        }
        assertThat(Arms.plausibleRate((double) detected / experiments, experiments, 0.8))
                .as("detected %d of %d with %d units per arm", detected, experiments, units).isTrue();
    }

    @Test
    void rejectsImpossiblePlans() {
        assertThatThrownBy(() -> new PowerAnalysis(0.05, 1)).hasMessageContaining("(0, 1)");
        assertThatThrownBy(() -> PowerAnalysis.standard().unitsPerArm(0.1, 0.1)).hasMessageContaining("no effect");
        assertThatThrownBy(() -> PowerAnalysis.standard().unitsPerArm(0, 0.1)).hasMessageContaining("baseline");
    }
}
