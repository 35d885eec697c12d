package dev.kiln.explain.fairness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.kiln.core.progress.Progress;
import dev.kiln.core.random.Rng;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The stratified percentile bootstrap and the reliability curves. */
class FairnessAuditTest {

    /** Two groups of {@code perGroup} rows: group a selected with probability 0.5, group b 0.3; scores uniform. */
    static AuditResult synthetic(int perGroup, int replicates, long dataSeed, long bootSeed) {
        Rng rng = Rng.seeded(dataSeed);
        int n = 2 * perGroup;
        boolean[] y = new boolean[n];
        boolean[] yhat = new boolean[n];
        double[] scores = new double[n];
        String[] g = new String[n];
        for (int i = 0; i < n; i++) {
            boolean a = i < perGroup;
            g[i] = a ? "a" : "b";
            y[i] = rng.nextDouble() < 0.5;
            yhat[i] = rng.nextDouble() < (a ? 0.5 : 0.3);
            scores[i] = rng.nextDouble();
        }
        return FairnessAudit.run(Grouping.ofLabels("g", g), new BinaryOutcomes(y, yhat, scores), -1,
                new FairnessAudit.Params(replicates, 0.95, 10, bootSeed, java.util.Map.of()), Progress.none());
    }

    @Test
    void everyIntervalContainsItsPointEstimate() {
        AuditResult r = synthetic(300, 500, 1, 2);
        for (GroupResult g : r.groups()) {
            for (GroupMetric m : GroupMetric.values()) {
                assertThat(g.interval(m).contains(g.value(m))).as(g.group().name() + " " + m.key() + " " + g.interval(m)).isTrue();
            }
        }
        for (MeasureResult m : r.measures()) {
            assertThat(m.ci().contains(m.value())).as(m.measure().key() + " " + m.ci()).isTrue();
        }
    }

    /**
     * The interval of a selection rate p over n rows is about 2 · 1.96 · sqrt(p(1 − p)/n) wide
     * (the normal approximation to the binomial), so it shrinks as 1/sqrt(n).
     */
    @Test
    void intervalsShrinkLikeOneOverRootN() {
        AuditResult small = synthetic(200, 1000, 5, 6);
        AuditResult large = synthetic(5000, 1000, 5, 6);
        double wideA = small.groups().get(0).interval(GroupMetric.SELECTION_RATE).width();
        double narrowA = large.groups().get(0).interval(GroupMetric.SELECTION_RATE).width();
        assertThat(wideA / narrowA).isBetween(3.5, 7.0);
        double p = large.groups().get(0).value(GroupMetric.SELECTION_RATE);
        assertThat(narrowA).isCloseTo(2 * 1.959964 * Math.sqrt(p * (1 - p) / 5000), within(0.15 * narrowA));
        assertThat(large.measure(FairnessMeasure.DEMOGRAPHIC_PARITY_DIFFERENCE).ci().width())
                .isLessThan(small.measure(FairnessMeasure.DEMOGRAPHIC_PARITY_DIFFERENCE).ci().width() / 3);
    }

    @Test
    void theSameSeedGivesTheSameIntervals() {
        AuditResult a = synthetic(100, 200, 1, 9);
        AuditResult b = synthetic(100, 200, 1, 9);
        AuditResult c = synthetic(100, 200, 1, 10);
        assertThat(a.groups().get(1).interval(GroupMetric.ACCURACY)).isEqualTo(b.groups().get(1).interval(GroupMetric.ACCURACY));
        assertThat(a.groups().get(1).interval(GroupMetric.ACCURACY)).isNotEqualTo(c.groups().get(1).interval(GroupMetric.ACCURACY));
    }

    /** Resampling within groups keeps each group's size, so a group whose rows all agree has a zero-width interval. */
    @Test
    void theBootstrapIsStratifiedByGroup() {
        boolean[] y = FairnessMeasureTest.bits(1, 1, 1, 0, 1, 0, 1, 0);
        boolean[] yhat = FairnessMeasureTest.bits(1, 1, 1, 1, 0, 1, 1, 0);
        String[] g = {"a", "a", "a", "a", "b", "b", "b", "b"};
        AuditResult r = FairnessAudit.run(Grouping.ofLabels("g", g), new BinaryOutcomes(y, yhat, null), -1,
                FairnessAudit.Params.defaults(4).withReplicates(300), Progress.none());
        assertThat(r.groups().get(0).interval(GroupMetric.SELECTION_RATE)).isEqualTo(new Interval(1, 1));
        assertThat(r.groups().get(1).interval(GroupMetric.SELECTION_RATE).width()).isPositive();
    }

    @Test
    void percentileIntervalsInterpolateAsNumpy() {
        // np.percentile(np.arange(1, 11), [2.5, 97.5]) = [1.225, 9.775]
        Interval ci = Interval.percentile(new double[] {10, 9, 8, 7, 6, 5, 4, 3, 2, 1, Double.NaN}, 0.95);
        assertThat(ci.low()).isCloseTo(1.225, within(1e-12));
        assertThat(ci.high()).isCloseTo(9.775, within(1e-12));
    }

    @Test
    void reliabilityCurvesAverageEachScoreBin() {
        // bins of width 1/2: [0, .5) holds .1 (y 0) and .3 (y 1); [.5, 1] holds .8 (y 1) and 1.0 (y 1)
        BinaryOutcomes o = new BinaryOutcomes(FairnessMeasureTest.bits(0, 1, 1, 1), FairnessMeasureTest.bits(0, 0, 1, 1),
                new double[] {0.1, 0.3, 0.8, 1.0});
        List<CalibrationBin> curve = FairnessAudit.reliabilityCurve(o, new int[] {0, 1, 2, 3}, 2);
        assertThat(curve).hasSize(2);
        assertThat(curve.get(0).count()).isEqualTo(2);
        assertThat(curve.get(0).meanPredicted()).isCloseTo(0.2, within(1e-12));
        assertThat(curve.get(0).observedRate()).isCloseTo(0.5, within(1e-12));
        assertThat(curve.get(1).meanPredicted()).isCloseTo(0.9, within(1e-12));
        assertThat(curve.get(1).observedRate()).isCloseTo(1.0, within(1e-12));
    }
}
