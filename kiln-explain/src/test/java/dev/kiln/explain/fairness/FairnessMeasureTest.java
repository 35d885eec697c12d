package dev.kiln.explain.fairness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.kiln.core.progress.Progress;
import dev.kiln.core.random.Rng;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Every measure on a fixture small enough to compute by hand.
 *
 * <pre>
 * group a (8 rows): y = 1 1 1 1 0 0 0 0, ŷ = 1 1 1 0 1 0 0 0 → TP 3, FN 1, FP 1, TN 3
 *                   selection 4/8 = 1/2, TPR 3/4, FPR 1/4
 * group b (6 rows): y = 1 1 1 0 0 0,     ŷ = 1 0 0 0 0 1     → TP 1, FN 2, FP 1, TN 2
 *                   selection 2/6 = 1/3, TPR 1/3, FPR 1/3
 * privileged = a (the highest selection rate)
 * demographic parity difference = 1/2 − 1/3 = 1/6;  ratio = (1/3)/(1/2) = 2/3
 * disparate impact = SR_b / SR_a = 2/3
 * equal opportunity difference = TPR_b − TPR_a = 1/3 − 3/4 = −5/12
 * equalized odds difference = max(|3/4 − 1/3|, |1/4 − 1/3|) = max(5/12, 1/12) = 5/12
 * average odds difference = ½[(1/3 − 1/4) + (1/3 − 3/4)] = ½[1/12 − 5/12] = −1/6
 * Theil: b = ŷ − y + 1 is 2 for the 2 FPs, 1 for the 9 correct rows, 0 for the 3 FNs; μ = 13/14;
 *   T = (1/14)[9 (14/13) ln(14/13) + 2 (28/13) ln(28/13)] = 0.28738402771062804
 * </pre>
 *
 * Cross-checked with the published definitions in numpy (/usr/bin/python3, numpy 1.24):
 * <pre>
 * y=np.array([1,1,1,1,0,0,0,0,1,1,1,0,0,0]); yhat=np.array([1,1,1,0,1,0,0,0,1,0,0,0,0,1]); g=np.array(['a']*8+['b']*6)
 * def rates(m): yt,yp=y[m],yhat[m]; return dict(sr=yp.mean(),tpr=yp[yt==1].mean(),fpr=yp[yt==0].mean())
 * ra,rb=rates(g=='a'),rates(g=='b')   # Fairlearn: max-min and min/max of the selection rates; AIF360: unpriv − priv
 * b=yhat-y+1.0; mu=b.mean(); np.where(b>0,(b/mu)*np.log(b/mu),0).mean()   # AIF360 theil_index
 * → dpd 0.16666666666666669 dpr 0.6666666666666666 di 0.6666666666666666 eod -0.4166666666666667
 *   eqodds 0.4166666666666667 aod -0.16666666666666669 theil 0.28738402771062804
 * </pre>
 */
class FairnessMeasureTest {

    static final boolean[] Y = bits(1, 1, 1, 1, 0, 0, 0, 0, 1, 1, 1, 0, 0, 0);
    static final boolean[] YHAT = bits(1, 1, 1, 0, 1, 0, 0, 0, 1, 0, 0, 0, 0, 1);
    static final String[] GROUP = {"a", "a", "a", "a", "a", "a", "a", "a", "b", "b", "b", "b", "b", "b"};

    static boolean[] bits(int... v) {
        boolean[] out = new boolean[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = v[i] == 1;
        }
        return out;
    }

    static AuditResult audit(int privileged) {
        return FairnessAudit.run(Grouping.ofLabels("g", GROUP), new BinaryOutcomes(Y, YHAT, null), privileged,
                FairnessAudit.Params.defaults(1).withReplicates(0), Progress.none());
    }

    @Test
    void everyMeasureMatchesTheHandComputedValue() {
        AuditResult r = audit(-1);
        assertThat(r.privilegedGroup().group().name()).isEqualTo("g=a");
        assertThat(r.privilegedGiven()).isFalse();
        assertThat(r.measure(FairnessMeasure.DEMOGRAPHIC_PARITY_DIFFERENCE).value()).isCloseTo(1.0 / 6, within(1e-12));
        assertThat(r.measure(FairnessMeasure.DEMOGRAPHIC_PARITY_RATIO).value()).isCloseTo(2.0 / 3, within(1e-12));
        assertThat(r.measure(FairnessMeasure.DISPARATE_IMPACT).value()).isCloseTo(2.0 / 3, within(1e-12));
        assertThat(r.measure(FairnessMeasure.EQUAL_OPPORTUNITY_DIFFERENCE).value()).isCloseTo(-5.0 / 12, within(1e-12));
        assertThat(r.measure(FairnessMeasure.EQUALIZED_ODDS_DIFFERENCE).value()).isCloseTo(5.0 / 12, within(1e-12));
        assertThat(r.measure(FairnessMeasure.AVERAGE_ODDS_DIFFERENCE).value()).isCloseTo(-1.0 / 6, within(1e-12));
        assertThat(r.measure(FairnessMeasure.THEIL_INDEX).value()).isCloseTo(0.28738402771062804, within(1e-12));
        assertThat(r.measure(FairnessMeasure.DISPARATE_IMPACT).byGroup()).containsOnlyKeys("g=b");
    }

    @Test
    void perGroupMetricsMatchTheConfusionCounts() {
        GroupResult b = audit(-1).groups().get(1);
        assertThat(b.counts()).isEqualTo(new ConfusionCounts(1, 1, 2, 2, 0));
        assertThat(b.value(GroupMetric.SELECTION_RATE)).isCloseTo(1.0 / 3, within(1e-12));
        assertThat(b.value(GroupMetric.ACCURACY)).isCloseTo(3.0 / 6, within(1e-12));
        assertThat(b.value(GroupMetric.PRECISION)).isCloseTo(1.0 / 2, within(1e-12));
        assertThat(b.value(GroupMetric.FALSE_NEGATIVE_RATE)).isCloseTo(2.0 / 3, within(1e-12));
        assertThat(b.value(GroupMetric.OBSERVED_POSITIVE_RATE)).isCloseTo(1.0 / 2, within(1e-12));
    }

    @Test
    void verdictsFollowEachRule() {
        AuditResult r = audit(-1);
        // 1/6 > 0.1, 2/3 < 0.8, 2/3 < 0.8, |−5/12| > 0.1, 5/12 > 0.1, |−1/6| > 0.1: all fail; Theil 0.287 > 0.2 fails too.
        assertThat(r.passed()).isFalse();
        assertThat(r.failed()).hasSize(7);
        AuditResult loose = FairnessAudit.run(Grouping.ofLabels("g", GROUP), new BinaryOutcomes(Y, YHAT, null), -1,
                FairnessAudit.Params.defaults(1).withReplicates(0).withThresholds(Map.of(
                        FairnessMeasure.DEMOGRAPHIC_PARITY_DIFFERENCE, 1.0 / 6 + 1e-9, FairnessMeasure.DISPARATE_IMPACT, 0.6,
                        FairnessMeasure.EQUAL_OPPORTUNITY_DIFFERENCE, 0.42, FairnessMeasure.THEIL_INDEX, 0.28)), Progress.none());
        assertThat(loose.measure(FairnessMeasure.DEMOGRAPHIC_PARITY_DIFFERENCE).passed()).isTrue();
        assertThat(loose.measure(FairnessMeasure.DISPARATE_IMPACT).passed()).isTrue();
        assertThat(loose.measure(FairnessMeasure.EQUAL_OPPORTUNITY_DIFFERENCE).passed()).as("|−5/12| <= 0.42").isTrue();
        assertThat(loose.measure(FairnessMeasure.THEIL_INDEX).passed()).as("0.287 > 0.28").isFalse();
        assertThat(loose.measure(FairnessMeasure.DEMOGRAPHIC_PARITY_RATIO).passed()).isFalse();
    }

    @Test
    void namingThePrivilegedGroupFlipsTheComparisons() {
        AuditResult r = audit(1);
        assertThat(r.privilegedGroup().group().name()).isEqualTo("g=b");
        // SR_a / SR_b = (1/2)/(1/3) = 3/2; TPR_a − TPR_b = 5/12; ½[(1/4 − 1/3) + (3/4 − 1/3)] = 1/6
        assertThat(r.measure(FairnessMeasure.DISPARATE_IMPACT).value()).isCloseTo(1.5, within(1e-12));
        assertThat(r.measure(FairnessMeasure.EQUAL_OPPORTUNITY_DIFFERENCE).value()).isCloseTo(5.0 / 12, within(1e-12));
        assertThat(r.measure(FairnessMeasure.AVERAGE_ODDS_DIFFERENCE).value()).isCloseTo(1.0 / 6, within(1e-12));
        assertThat(r.measure(FairnessMeasure.DEMOGRAPHIC_PARITY_DIFFERENCE).value()).isCloseTo(1.0 / 6, within(1e-12));
    }

    @Test
    void withSeveralUnprivilegedGroupsTheWorstIsReported() {
        // c (4 rows): y = 1 1 0 0, ŷ = 0 0 0 1 → SR 1/4, TPR 0, FPR 1/2. Privileged a (SR 1/2).
        // DI: b 2/3, c 1/2 → 1/2. EOD: b −5/12, c −3/4 → −3/4. AOD: b −1/6, c ½[(1/2 − 1/4) + (0 − 3/4)] = −1/4 → −1/4.
        // Equalized odds: TPR spread 3/4 − 0 = 3/4, FPR spread 1/2 − 1/4 = 1/4 → 3/4.
        boolean[] y = concat(Y, bits(1, 1, 0, 0));
        boolean[] yhat = concat(YHAT, bits(0, 0, 0, 1));
        String[] g = new String[18];
        System.arraycopy(GROUP, 0, g, 0, 14);
        java.util.Arrays.fill(g, 14, 18, "c");
        AuditResult r = FairnessAudit.run(Grouping.ofLabels("g", g), new BinaryOutcomes(y, yhat, null), -1,
                FairnessAudit.Params.defaults(1).withReplicates(0), Progress.none());
        assertThat(r.measure(FairnessMeasure.DISPARATE_IMPACT).value()).isCloseTo(0.5, within(1e-12));
        assertThat(r.measure(FairnessMeasure.EQUAL_OPPORTUNITY_DIFFERENCE).value()).isCloseTo(-0.75, within(1e-12));
        assertThat(r.measure(FairnessMeasure.AVERAGE_ODDS_DIFFERENCE).value()).isCloseTo(-0.25, within(1e-12));
        assertThat(r.measure(FairnessMeasure.EQUALIZED_ODDS_DIFFERENCE).value()).isCloseTo(0.75, within(1e-12));
        assertThat(r.measure(FairnessMeasure.DISPARATE_IMPACT).byGroup()).containsEntry("g=b", 2.0 / 3).containsEntry("g=c", 0.5);
    }

    @Test
    void anUndefinedRateMakesTheMeasureUndefinedAndFailing() {
        // group c has no positive rows, so its TPR (and the TPR-based measures) are undefined.
        boolean[] y = concat(Y, bits(0, 0));
        boolean[] yhat = concat(YHAT, bits(0, 1));
        String[] g = java.util.Arrays.copyOf(GROUP, 16);
        g[14] = "c";
        g[15] = "c";
        AuditResult r = FairnessAudit.run(Grouping.ofLabels("g", g), new BinaryOutcomes(y, yhat, null), -1,
                FairnessAudit.Params.defaults(1).withReplicates(0), Progress.none());
        MeasureResult eod = r.measure(FairnessMeasure.EQUAL_OPPORTUNITY_DIFFERENCE);
        assertThat(eod.value()).isNaN();
        assertThat(eod.passed()).isFalse();
        // selection rates a 1/2, b 1/3, c 1/2 are all defined: 1/2 − 1/3
        assertThat(r.measure(FairnessMeasure.DEMOGRAPHIC_PARITY_DIFFERENCE).value()).isCloseTo(1.0 / 6, within(1e-12));
    }

    /** Measures computed from counts agree with a direct per-row computation on random data. */
    @Test
    void randomDataAgreesWithADirectPerRowComputation() {
        Rng rng = Rng.seeded(7);
        for (int trial = 0; trial < 20; trial++) {
            int n = 50 + rng.nextInt(200);
            int groups = 2 + rng.nextInt(3);
            boolean[] y = new boolean[n];
            boolean[] yhat = new boolean[n];
            String[] g = new String[n];
            for (int i = 0; i < n; i++) {
                int k = i < groups * 4 ? i % groups : rng.nextInt(groups);
                g[i] = "g" + k;
                y[i] = i < groups * 4 ? (i / groups) % 2 == 0 : rng.nextDouble() < 0.3 + 0.1 * k;
                yhat[i] = rng.nextDouble() < (y[i] ? 0.7 : 0.3) + 0.05 * k;
            }
            AuditResult r = FairnessAudit.run(Grouping.ofLabels("g", g), new BinaryOutcomes(y, yhat, null), -1,
                    FairnessAudit.Params.defaults(1).withReplicates(0), Progress.none());
            double[] sr = new double[groups];
            double[] tpr = new double[groups];
            double[] fpr = new double[groups];
            for (int k = 0; k < groups; k++) {
                int size = 0, sel = 0, pos = 0, tp = 0, neg = 0, fp = 0;
                for (int i = 0; i < n; i++) {
                    if (g[i].equals("g" + k)) {
                        size++;
                        sel += yhat[i] ? 1 : 0;
                        if (y[i]) {
                            pos++;
                            tp += yhat[i] ? 1 : 0;
                        } else {
                            neg++;
                            fp += yhat[i] ? 1 : 0;
                        }
                    }
                }
                sr[k] = (double) sel / size;
                tpr[k] = (double) tp / pos;
                fpr[k] = (double) fp / neg;
            }
            int p = 0;
            for (int k = 1; k < groups; k++) {
                if (sr[k] > sr[p]) {
                    p = k;
                }
            }
            double minDi = Double.POSITIVE_INFINITY;
            for (int k = 0; k < groups; k++) {
                if (k != p) {
                    minDi = Math.min(minDi, sr[k] / sr[p]);
                }
            }
            double theil = 0;
            double mu = 0;
            for (int i = 0; i < n; i++) {
                mu += (yhat[i] ? 1 : 0) - (y[i] ? 1 : 0) + 1;
            }
            mu /= n;
            for (int i = 0; i < n; i++) {
                double b = (yhat[i] ? 1 : 0) - (y[i] ? 1 : 0) + 1;
                theil += b == 0 ? 0 : (b / mu) * Math.log(b / mu);
            }
            theil /= n;
            assertThat(r.measure(FairnessMeasure.DEMOGRAPHIC_PARITY_DIFFERENCE).value()).isCloseTo(max(sr) - min(sr), within(1e-12));
            assertThat(r.measure(FairnessMeasure.DEMOGRAPHIC_PARITY_RATIO).value()).isCloseTo(min(sr) / max(sr), within(1e-12));
            assertThat(r.measure(FairnessMeasure.DISPARATE_IMPACT).value()).isCloseTo(minDi, within(1e-12));
            assertThat(r.measure(FairnessMeasure.EQUALIZED_ODDS_DIFFERENCE).value())
                    .isCloseTo(Math.max(max(tpr) - min(tpr), max(fpr) - min(fpr)), within(1e-12));
            assertThat(r.measure(FairnessMeasure.THEIL_INDEX).value()).isCloseTo(theil, within(1e-12));
        }
    }

    @Test
    void measureNamesAndThresholdsAreValidated() {
        assertThat(FairnessMeasure.fromKey("disparate-impact")).isEqualTo(FairnessMeasure.DISPARATE_IMPACT);
        assertThatThrownBy(() -> FairnessMeasure.fromKey("parity")).hasMessageContaining("demographic_parity_difference");
        assertThatThrownBy(() -> FairnessAudit.Params.defaults(1).withThresholds(Map.of(FairnessMeasure.THEIL_INDEX, -1.0)))
                .hasMessageContaining("theil_index");
    }

    static boolean[] concat(boolean[] a, boolean[] b) {
        boolean[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    private static double max(double[] v) {
        return java.util.Arrays.stream(v).max().orElseThrow();
    }

    private static double min(double[] v) {
        return java.util.Arrays.stream(v).min().orElseThrow();
    }
}
