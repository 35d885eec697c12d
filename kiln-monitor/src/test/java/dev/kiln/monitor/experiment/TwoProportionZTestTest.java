package dev.kiln.monitor.experiment;

import dev.kiln.core.random.Rng;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class TwoProportionZTestTest {

    /**
     * Reference from /usr/bin/python3 with SciPy, by the textbook formulas:
     * {@code pp=445/2000; z=(0.245-0.2)/sqrt(pp*(1-pp)*(2/1000)); 2*norm.sf(z)} → z 2.4192586884439056,
     * p 0.015552175733206686; {@code se=sqrt(.2*.8/1000+.245*.755/1000); 0.045 ∓ norm.ppf(.975)*se}
     * → [0.008596603775623386, 0.08140339622437659].
     */
    @Test
    void matchesTheTextbookFormulas() {
        Comparison c = TwoProportionZTest.compare(new Proportion(1000, 200), new Proportion(1000, 245), 0.95);
        assertThat(c.statistic()).isCloseTo(2.4192586884439056, within(1e-12));
        assertThat(c.pValue()).isCloseTo(0.015552175733206686, within(1e-12));
        assertThat(c.lower()).isCloseTo(0.008596603775623386, within(1e-12));
        assertThat(c.upper()).isCloseTo(0.08140339622437659, within(1e-12));
        assertThat(c.relativeLift()).isCloseTo(0.225, within(1e-12));
        assertThat(c.significant()).isTrue();
    }

    @Test
    void aaExperimentsRejectAtTheNominalRate() {
        Rng rng = Rng.seeded(11);
        int experiments = 2000;
        int rejected = 0;
        for (int i = 0; i < experiments; i++) {
            Proportion a = Arms.draw(rng, 2000, 0.1);
            Proportion b = Arms.draw(rng, 2000, 0.1);
            if (TwoProportionZTest.compare(a, b, 0.95).significant()) {
                rejected++;
            }
        }
        assertThat(Arms.plausibleRate((double) rejected / experiments, experiments, 0.05))
                .as("A/A rejection rate %d/%d", rejected, experiments).isTrue();
    }

    @Test
    void confidenceIntervalsCoverTheTrueDifference() {
        Rng rng = Rng.seeded(12);
        int experiments = 2000;
        int covered = 0;
        for (int i = 0; i < experiments; i++) {
            Comparison c = TwoProportionZTest.compare(Arms.draw(rng, 3000, 0.3), Arms.draw(rng, 3000, 0.33), 0.9);
            if (c.lower() <= 0.03 && 0.03 <= c.upper()) {
                covered++;
            }
        }
        assertThat(Arms.plausibleRate((double) covered / experiments, experiments, 0.9)).isTrue();
    }

    @Test
    void needsTrialsInBothArms() {
        assertThatThrownBy(() -> TwoProportionZTest.compare(new Proportion(0, 0), new Proportion(10, 1), 0.95))
                .hasMessageContaining("at least one trial");
        assertThatThrownBy(() -> new Proportion(5, 6)).hasMessageContaining("6 of 5");
    }
}
