package dev.kiln.serve.experiment;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kiln.core.random.Rng;
import dev.kiln.monitor.experiment.SampleRatioCheck;
import org.junit.jupiter.api.Test;

/** Sticky assignment: the same unit always meets the same variant, the split follows the weights, salts are independent, few units move. */
class StickyAssignmentTest {
    private static final int UNITS = 20_000;

    private static String[] units(long seed) {
        Rng rng = Rng.seeded(seed);
        String[] out = new String[UNITS];
        for (int i = 0; i < UNITS; i++) {
            out[i] = "user-" + Long.toHexString(rng.nextLong());
        }
        return out;
    }

    @Test
    void theBucketIsTheFirstEightBytesOfSha256ModuloTenThousand() {
        // reference: /usr/bin/python3 -c "import hashlib; s = 'exp-1:alice'; \
        //   print(int.from_bytes(hashlib.sha256(s.encode()).digest()[:8], 'big') % 10000)"  -> 4415; bob 9299; checkout:42 4672
        assertThat(StickyAssignment.bucket("exp-1", "alice")).isEqualTo(4415);
        assertThat(StickyAssignment.bucket("exp-1", "bob")).isEqualTo(9299);
        assertThat(StickyAssignment.bucket("checkout", "42")).isEqualTo(4672);
    }

    @Test
    void theSameUnitAlwaysMeetsTheSameVariant() {
        Experiment e = Experiment.inMemory(Specs.ab("sticky", 1, 1), 10);
        for (String unit : units(1)) {
            Experiment.Assignment first = e.assign(unit);
            for (int k = 0; k < 3; k++) {
                assertThat(e.assign(unit)).isEqualTo(first);
            }
            assertThat(Experiment.inMemory(Specs.ab("sticky", 1, 1), 10).assign(unit)).as("another instance, same spec").isEqualTo(first);
        }
    }

    @Test
    void theSplitFollowsTheNormalisedWeightsWithinBinomialTolerance() {
        Experiment e = Experiment.inMemory(Specs.spec("""
                {"id": "split", "model": "m", "variants": [{"name": "A", "version": 1, "weight": 2},
                  {"name": "B", "version": 2, "weight": 1}, {"name": "C", "version": 3, "weight": 1},
                  {"name": "S", "version": 3, "shadow": true}]}
                """), 10);
        long[] counts = new long[4];
        for (String unit : units(2)) {
            counts[e.assign(unit).variant()]++;
        }
        assertThat(counts[3]).as("a shadow never answers").isZero();
        double[] expected = {0.5, 0.25, 0.25};
        for (int i = 0; i < 3; i++) {
            double sd = Math.sqrt(UNITS * expected[i] * (1 - expected[i]));
            assertThat((double) counts[i]).as("variant " + i).isCloseTo(UNITS * expected[i], org.assertj.core.data.Offset.offset(4 * sd));
        }
        assertThat(SampleRatioCheck.of(new long[] {counts[0], counts[1], counts[2]}, new double[] {2, 1, 1}).mismatch()).isFalse();
    }

    @Test
    void differentSaltsAssignIndependently() {
        Experiment one = Experiment.inMemory(Specs.spec("""
                {"id": "one", "model": "m", "variants": [{"name": "A", "version": 1}, {"name": "B", "version": 2}]}"""), 10);
        Experiment two = Experiment.inMemory(Specs.spec("""
                {"id": "two", "model": "m", "salt": "another", "variants": [{"name": "A", "version": 1}, {"name": "B", "version": 2}]}"""), 10);
        long[][] table = new long[2][2];
        for (String unit : units(3)) {
            table[one.assign(unit).variant()][two.assign(unit).variant()]++;
        }
        // independence: each cell holds about a quarter; chi-squared with 1 degree of freedom below 10.83 (p = 0.001)
        double chi = 0;
        for (int i = 0; i < 2; i++) {
            for (int j = 0; j < 2; j++) {
                double rows = table[i][0] + table[i][1];
                double cols = table[0][j] + table[1][j];
                double expected = rows * cols / UNITS;
                chi += (table[i][j] - expected) * (table[i][j] - expected) / expected;
            }
        }
        assertThat(chi).as(java.util.Arrays.deepToString(table)).isLessThan(10.83);
    }

    @Test
    void aChangedWeightMovesOnlyTheUnitsInTheBucketsThatChangedHands() {
        Experiment even = Experiment.inMemory(Specs.ab("moves", 1, 1), 10);
        Experiment skewed = Experiment.inMemory(Specs.ab("moves", 3, 2), 10);
        int moved = 0;
        for (String unit : units(4)) {
            Experiment.Assignment a = even.assign(unit);
            Experiment.Assignment b = skewed.assign(unit);
            if (!a.equals(b)) {
                moved++;
                assertThat(a.name()).as("only B's units move to A when A's share grows").isEqualTo("B");
            }
        }
        // 50/50 -> 60/40 moves buckets [5000, 6000): 10% of units
        double sd = Math.sqrt(UNITS * 0.1 * 0.9);
        assertThat((double) moved).isCloseTo(UNITS * 0.1, org.assertj.core.data.Offset.offset(4 * sd));
    }

    @Test
    void aRampingCanaryKeepsTheUnitsItAlreadyHas() {
        ExperimentSpec spec = Specs.spec("""
                {"id": "ramp", "model": "m", "variants": [{"name": "A", "version": 1}, {"name": "B", "version": 2}],
                 "canary": {"variant": "B", "steps": [5, 25, 50, 100]}}""");
        TrafficSplit five = TrafficSplit.of(spec, 5);
        TrafficSplit quarter = TrafficSplit.of(spec, 25);
        int atFive = 0;
        for (String unit : units(5)) {
            int bucket = StickyAssignment.bucket(spec.salt(), unit);
            if (five.variantFor(bucket) == 1) {
                atFive++;
                assertThat(quarter.variantFor(bucket)).isEqualTo(1);
            }
        }
        assertThat(atFive).isBetween(800, 1200);
        assertThat(TrafficSplit.of(spec, 100).share(0)).isZero();
        assertThat(TrafficSplit.of(spec, 0).share(1)).isZero();
    }
}
