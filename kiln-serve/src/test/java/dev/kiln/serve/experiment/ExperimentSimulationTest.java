package dev.kiln.serve.experiment;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kiln.core.random.Rng;
import dev.kiln.monitor.experiment.Comparison;
import dev.kiln.monitor.experiment.PowerAnalysis;
import org.junit.jupiter.api.Test;

/**
 * The experiment engine driven by simulated traffic (no HTTP; seeded): A/A tests reject at about
 * the nominal rate with the fixed-horizon test and no more with the always-valid one, a true 5%
 * lift is found with the planned power at the planned sample size, and the sequential test finds
 * it eventually; a skewed split is flagged as a sample ratio mismatch.
 */
class ExperimentSimulationTest {
    private static final double BASELINE = 0.1;

    /** Streams {@code units} units through {@code e}'s sticky assignment; each converts with the rate of its variant. */
    private static void stream(Experiment e, Rng rng, int units, double[] rates, String prefix) {
        for (int i = 0; i < units; i++) {
            Experiment.Assignment a = e.assign(prefix + rng.nextLong());
            String request = prefix + i;
            e.exposed(a.variant(), request, RequestStatus.OK, 1.0, null);
            if (rng.nextDouble() < rates[a.variant()]) {
                convert(e, request);
            }
        }
    }

    private static void convert(Experiment e, String request) {
        ObjectNode body = Specs.JSON.createObjectNode();
        body.putArray("outcomes").addObject().put("request_id", request).put("converted", true);
        assertThat(e.outcomes(body).accepted()).isEqualTo(1);
    }

    @Test
    void aaExperimentsRejectAtAboutTheNominalRateAndTheSequentialTestNoMore() {
        int experiments = 200;
        int units = 4_000;
        int fixedRejections = 0;
        int sequentialRejections = 0;
        for (int seed = 0; seed < experiments; seed++) {
            Experiment e = Experiment.inMemory(Specs.ab("aa-" + seed, 1, 1), 10_000);
            stream(e, Rng.seeded(seed), units, new double[] {BASELINE, BASELINE}, "u");
            if (fixedHorizonP(e) < 0.05) {
                fixedRejections++;
            }
            if (e.verdict().decision().endsWith("_wins")) {
                sequentialRejections++;
            }
        }
        // 200 draws of a 5% event: mean 10, sd 3.1
        System.out.printf("A/A over %d seeds, %d units each: fixed-horizon z-test rejects %d, always-valid mSPRT %d%n",
                experiments, units, fixedRejections, sequentialRejections);
        assertThat(fixedRejections).isBetween(2, 20);
        assertThat(sequentialRejections).isLessThanOrEqualTo(fixedRejections).isLessThanOrEqualTo(14);
    }

    @Test
    void aTrueFivePercentLiftIsDetectedWithThePlannedPowerAtThePlannedSampleSize() {
        ExperimentSpec spec = Specs.ab("power", 1, 1);
        long n = new PowerAnalysis(0.05, 0.8).unitsPerArm(BASELINE, BASELINE * 1.05);
        // reference: statsmodels-free closed form, /usr/bin/python3:
        //   from scipy.stats import norm; p1 = .1; p2 = .1 * 1.05; pb = (p1 + p2) / 2
        //   a = norm.ppf(.975) * (2 * pb * (1 - pb)) ** .5; b = norm.ppf(.8) * (p1 * (1 - p1) + p2 * (1 - p2)) ** .5
        //   print((a + b) ** 2 / (p2 - p1) ** 2)  -> 57762.65
        assertThat(n).isEqualTo(57_763);
        int simulations = 200;
        int detected = 0;
        Rng rng = Rng.seeded(42);
        for (int s = 0; s < simulations; s++) {
            VariantTally[] tallies = {new VariantTally(), new VariantTally()};
            double[] rates = {BASELINE, BASELINE * 1.05};
            for (int v = 0; v < 2; v++) {
                tallies[v].answered = n;
                for (long i = 0; i < n; i++) {
                    if (rng.nextDouble() < rates[v]) {
                        tallies[v].conversions++;
                    }
                }
            }
            ExperimentAnalysis a = new ExperimentAnalysis(spec, tallies, TrafficSplit.of(spec, 0), true, new long[] {n, n},
                    new double[] {1, 1}, null);
            assertThat(a.unitsPerArm()).isEqualTo(n);
            Comparison c = a.fixedHorizon(1);
            if (c.significant() && c.difference() > 0) {
                detected++;
            }
        }
        System.out.printf("5%% lift at %d units per arm: the z-test detected it in %d of %d simulations (planned power 0.8)%n",
                n, detected, simulations);
        // 200 draws at power 0.8: sd 2.8 percentage points
        assertThat(detected / (double) simulations).isBetween(0.71, 0.89);
    }

    @Test
    void theAlwaysValidTestEventuallyDetectsATrueLift() {
        for (int seed = 1; seed <= 2; seed++) {
            Experiment e = Experiment.inMemory(Specs.ab("eventually-" + seed, 1, 1), 1_000);
            Rng rng = Rng.seeded(seed);
            double[] rates = {BASELINE, BASELINE * 1.05};
            long units = 0;
            int limit = 1_500_000;
            while (!e.verdict().decision().equals("treatment_wins") && units < limit) {
                for (int i = 0; i < 10_000; i++, units++) {
                    int v = (int) (units & 1);
                    String request = "r" + units;
                    e.exposed(v, request, RequestStatus.OK, 1.0, null);
                    if (rng.nextDouble() < rates[v]) {
                        convert(e, request);
                    }
                }
            }
            System.out.printf("seed %d: the mSPRT found the 5%% lift after %d units per arm (%s)%n", seed, units / 2, e.verdict().reason());
            assertThat(e.verdict().decision()).isEqualTo("treatment_wins");
            assertThat(e.verdict().winner()).isEqualTo("B");
        }
    }

    @Test
    void aSkewedSplitIsASampleRatioMismatchThatOverridesTheVerdict() {
        Experiment fair = Experiment.inMemory(Specs.ab("fair", 1, 1), 10_000);
        Experiment skewed = Experiment.inMemory(Specs.ab("skewed", 1, 1), 10_000);
        for (int i = 0; i < 1000; i++) {
            fair.exposed(i % 2, "f" + i, RequestStatus.OK, 1.0, null);
            skewed.exposed(i % 5 < 3 ? 0 : 1, "s" + i, RequestStatus.OK, 1.0, null);
        }
        assertThat(fair.verdict().decision()).isEqualTo("keep_running");
        // 600 vs 400 at 1:1: chi-squared = 2 * 100^2 / 500 = 40, p = 2.5e-10 (scipy.stats.chi2.sf(40, 1))
        assertThat(skewed.verdict().decision()).isEqualTo("sample_ratio_mismatch");
        assertThat(skewed.verdict().reason()).contains("{A=600, B=400}");
        @SuppressWarnings("unchecked")
        var srm = (java.util.Map<String, Object>) skewed.status().get("sample_ratio");
        assertThat((double) srm.get("statistic")).isCloseTo(40.0, org.assertj.core.data.Offset.offset(1e-9));
        assertThat((double) srm.get("p_value")).isCloseTo(2.539e-10, org.assertj.core.data.Offset.offset(1e-12));
    }

    @SuppressWarnings("unchecked")
    private static double fixedHorizonP(Experiment e) {
        var comparisons = (java.util.List<java.util.Map<String, Object>>) e.status().get("comparisons");
        return (double) ((java.util.Map<String, Object>) comparisons.get(0).get("fixed_horizon")).get("p_value");
    }
}
