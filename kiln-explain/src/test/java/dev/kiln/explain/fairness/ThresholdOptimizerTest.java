package dev.kiln.explain.fairness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.kiln.core.progress.Progress;
import dev.kiln.core.random.Rng;
import java.util.Arrays;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class ThresholdOptimizerTest {

    /**
     * A biased data set: group a (3000 rows) is 60 % positive with higher scores, group b
     * (2000 rows) 30 % positive with scores shifted down, so one threshold selects a far more often.
     */
    record Biased(double[] scores, boolean[] truth, String[] groups) {
        static Biased make(long seed, int decimals) {
            Rng rng = Rng.seeded(seed);
            int n = 5000;
            double[] s = new double[n];
            boolean[] y = new boolean[n];
            String[] g = new String[n];
            for (int i = 0; i < n; i++) {
                boolean a = i < 3000;
                g[i] = a ? "a" : "b";
                y[i] = rng.nextDouble() < (a ? 0.6 : 0.3);
                double z = (y[i] ? 1.2 : -1.2) + rng.nextGaussian() + (a ? 0.5 : -0.5);
                double p = 1 / (1 + Math.exp(-z));
                s[i] = decimals > 0 ? Math.round(p * Math.pow(10, decimals)) / Math.pow(10, decimals) : p;
            }
            return new Biased(s, y, g);
        }

        Grouping grouping() {
            return Grouping.ofLabels("g", groups);
        }
    }

    /** The expected positive rate of a group's rows under its rule, over the rows with {@code label} (null: all rows). */
    private static double expectedRate(GroupThresholds t, Biased d, String group, Boolean label) {
        GroupThresholds.Rule rule = t.rules().get("g=" + group);
        double sum = 0;
        int n = 0;
        for (int i = 0; i < d.scores().length; i++) {
            if (d.groups()[i].equals(group) && (label == null || d.truth()[i] == label)) {
                sum += rule.positiveProbability(d.scores()[i]);
                n++;
            }
        }
        return sum / n;
    }

    @Test
    void demographicParityEqualisesSelectionRates() {
        for (int decimals : new int[] {0, 1}) {
            Biased d = Biased.make(1, decimals);
            GroupThresholds t = ThresholdOptimizer.fit(d.scores(), d.truth(), d.grouping(), ThresholdOptimizer.Constraint.DEMOGRAPHIC_PARITY);
            assertThat(expectedRate(t, d, "a", null)).as("ties at %d decimals", decimals).isCloseTo(t.rate(), within(1e-9));
            assertThat(expectedRate(t, d, "b", null)).isCloseTo(t.rate(), within(1e-9));
            boolean[] predicted = t.predict(d.scores(), d.grouping(), 7);
            AuditResult after = FairnessAudit.run(d.grouping(), new BinaryOutcomes(d.truth(), predicted, d.scores()), 0,
                    FairnessAudit.Params.defaults(1).withReplicates(0), Progress.none());
            // randomness only touches the rows between a group's two thresholds
            assertThat(after.measure(FairnessMeasure.DEMOGRAPHIC_PARITY_DIFFERENCE).value()).isLessThan(decimals == 0 ? 0.002 : 0.03);
            assertThat(after.overall().accuracy()).isCloseTo(t.expectedAccuracy(), within(decimals == 0 ? 0.002 : 0.02));
        }
    }

    /**
     * The chosen rate maximises accuracy: a separate brute force over every rate k/n_g of every
     * group, with expected correct rows = correct among the top ⌊r n_g⌋ + the fractional next row,
     * finds no better accuracy. It is also below the unconstrained best (one threshold per group).
     */
    @Test
    void demographicParityThresholdsAreTheMostAccurate() {
        Biased d = Biased.make(2, 0);
        GroupThresholds t = ThresholdOptimizer.fit(d.scores(), d.truth(), d.grouping(), ThresholdOptimizer.Constraint.DEMOGRAPHIC_PARITY);
        boolean[][] sorted = {sortedLabels(d, "a"), sortedLabels(d, "b")};
        TreeSet<Double> rates = new TreeSet<>();
        for (boolean[] s : sorted) {
            for (int k = 0; k <= s.length; k++) {
                rates.add((double) k / s.length);
            }
        }
        double best = 0;
        for (double r : rates) {
            double correct = 0;
            for (boolean[] s : sorted) {
                double m = r * s.length;
                int k = (int) Math.floor(m + 1e-12);
                double frac = m - k;
                for (int i = 0; i < s.length; i++) {
                    correct += i < k == s[i] ? 1 : 0;
                }
                if (k < s.length && frac > 1e-12) {
                    correct += frac * (s[k] ? 1 : -1);
                }
            }
            best = Math.max(best, correct / d.scores().length);
        }
        assertThat(t.expectedAccuracy()).isCloseTo(best, within(1e-9));
        double unconstrained = 0;
        for (boolean[] s : sorted) {
            double groupBest = 0;
            for (int k = 0; k <= s.length; k++) {
                int correct = 0;
                for (int i = 0; i < s.length; i++) {
                    correct += i < k == s[i] ? 1 : 0;
                }
                groupBest = Math.max(groupBest, correct);
            }
            unconstrained += groupBest;
        }
        assertThat(t.expectedAccuracy()).isLessThan(unconstrained / d.scores().length);
    }

    private static boolean[] sortedLabels(Biased d, String group) {
        Integer[] rows = java.util.stream.IntStream.range(0, d.scores().length).filter(i -> d.groups()[i].equals(group))
                .boxed().toArray(Integer[]::new);
        Arrays.sort(rows, (i, j) -> Double.compare(d.scores()[j], d.scores()[i]));
        boolean[] out = new boolean[rows.length];
        for (int k = 0; k < rows.length; k++) {
            out[k] = d.truth()[rows[k]];
        }
        return out;
    }

    @Test
    void equalizedOddsEqualisesTrueAndFalsePositiveRates() {
        Biased d = Biased.make(3, 0);
        GroupThresholds t = ThresholdOptimizer.fit(d.scores(), d.truth(), d.grouping(), ThresholdOptimizer.Constraint.EQUALIZED_ODDS);
        for (String g : new String[] {"a", "b"}) {
            assertThat(expectedRate(t, d, g, true)).as("TPR of " + g).isCloseTo(t.truePositiveRate(), within(1e-9));
            assertThat(expectedRate(t, d, g, false)).as("FPR of " + g).isCloseTo(t.rate(), within(1e-9));
        }
        // accuracy = P(y=0)(1 − FPR) + P(y=1) TPR at the common point
        int positives = 0;
        for (boolean y : d.truth()) {
            positives += y ? 1 : 0;
        }
        double n = d.truth().length;
        assertThat(t.expectedAccuracy()).isCloseTo((n - positives) / n * (1 - t.rate()) + positives / n * t.truePositiveRate(), within(1e-12));
        boolean[] predicted = t.predict(d.scores(), d.grouping(), 11);
        AuditResult after = FairnessAudit.run(d.grouping(), new BinaryOutcomes(d.truth(), predicted, d.scores()), 0,
                FairnessAudit.Params.defaults(1).withReplicates(0), Progress.none());
        // the rule draws at random for some rows; with ~1000 rows per label and group the rates scatter by ~0.015
        assertThat(after.measure(FairnessMeasure.EQUALIZED_ODDS_DIFFERENCE).value()).isLessThan(0.06);
        assertThat(t.predict(d.scores(), d.grouping(), 11)).containsExactly(predicted);
    }

    @Test
    void equalizedOddsNeedsBothLabelsInEveryGroup() {
        boolean[] y = FairnessMeasureTest.bits(1, 0, 1, 1);
        String[] g = {"a", "a", "b", "b"};
        assertThatThrownBy(() -> ThresholdOptimizer.fit(new double[] {.9, .1, .8, .7}, y, Grouping.ofLabels("g", g),
                ThresholdOptimizer.Constraint.EQUALIZED_ODDS)).hasMessageContaining("g=b has no negative rows");
    }

    @Test
    void aGroupUnseenWhenFittingIsRefused() {
        Biased d = Biased.make(4, 0);
        GroupThresholds t = ThresholdOptimizer.fit(d.scores(), d.truth(), d.grouping(), ThresholdOptimizer.Constraint.DEMOGRAPHIC_PARITY);
        assertThatThrownBy(() -> t.predict(new double[] {0.5}, Grouping.ofLabels("g", new String[] {"c"}), 1))
                .hasMessageContaining("g=c has no threshold");
    }
}
