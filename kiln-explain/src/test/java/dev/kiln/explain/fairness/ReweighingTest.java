package dev.kiln.explain.fairness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.kiln.core.random.Rng;
import org.junit.jupiter.api.Test;

class ReweighingTest {

    /**
     * Group a: 6 rows, 4 positive; group b: 4 rows, 1 positive; n = 10 with 5 positive.
     * w(a,1) = 6·5/(10·4) = 0.75, w(a,0) = 6·5/(10·2) = 1.5, w(b,1) = 4·5/(10·1) = 2, w(b,0) = 4·5/(10·3) = 2/3.
     */
    @Test
    void weightsFollowKamiranAndCalders() {
        String[] g = {"a", "a", "a", "a", "a", "a", "b", "b", "b", "b"};
        boolean[] y = FairnessMeasureTest.bits(1, 1, 1, 1, 0, 0, 1, 0, 0, 0);
        double[] w = Reweighing.weights(Grouping.ofLabels("g", g), y);
        assertThat(w).containsExactly(new double[] {0.75, 0.75, 0.75, 0.75, 1.5, 1.5, 2, 2.0 / 3, 2.0 / 3, 2.0 / 3}, within(1e-12));
    }

    /** In weighted counts every cell holds n_a n_y / n: group and label are independent, and the total is n. */
    @Test
    void weightedCountsMakeGroupAndLabelIndependent() {
        Rng rng = Rng.seeded(11);
        for (int trial = 0; trial < 20; trial++) {
            int n = 30 + rng.nextInt(300);
            int groups = 2 + rng.nextInt(4);
            String[] g = new String[n];
            boolean[] y = new boolean[n];
            for (int i = 0; i < n; i++) {
                int k = i < 2 * groups ? i % groups : rng.nextInt(groups);
                g[i] = "g" + k;
                y[i] = i < 2 * groups ? i < groups : rng.nextDouble() < 0.2 + 0.15 * k;
            }
            Grouping grouping = Grouping.ofLabels("g", g);
            double[] w = Reweighing.weights(grouping, y);
            double[][] cell = new double[groups][2];
            int[] perGroup = new int[groups];
            int positives = 0;
            double total = 0;
            for (int i = 0; i < n; i++) {
                cell[grouping.groupOf(i)][y[i] ? 1 : 0] += w[i];
                perGroup[grouping.groupOf(i)]++;
                positives += y[i] ? 1 : 0;
                total += w[i];
            }
            assertThat(total).isCloseTo(n, within(1e-9));
            for (int k = 0; k < groups; k++) {
                assertThat(cell[k][1]).isCloseTo((double) perGroup[k] * positives / n, within(1e-9));
                assertThat(cell[k][0]).isCloseTo((double) perGroup[k] * (n - positives) / n, within(1e-9));
            }
        }
    }

    @Test
    void resamplingDrawsRowsInProportionToTheirWeights() {
        double[] w = new double[20000];
        for (int i = 0; i < w.length; i++) {
            w[i] = i % 4 == 0 ? 3 : i % 4 == 1 ? 0 : 1;
        }
        int[] rows = Reweighing.resample(w, 5);
        int[] byClass = new int[4];
        for (int r : rows) {
            byClass[r % 4]++;
        }
        // expected shares 3/5, 0, 1/5, 1/5; binomial sd ≈ sqrt(.6·.4/20000) ≈ 0.0035
        assertThat(byClass[0] / 20000.0).isCloseTo(0.6, within(0.02));
        assertThat(byClass[1]).isZero();
        assertThat(byClass[2] / 20000.0).isCloseTo(0.2, within(0.02));
        assertThat(Reweighing.resample(w, 5)).containsExactly(rows);
        assertThatThrownBy(() -> Reweighing.resample(new double[] {1, -1}, 1)).hasMessageContaining("row 1");
    }

    /** After a weighted resample, the positive rate is about the same in every group. */
    @Test
    void theResampledDataSetIsNearlyIndependent() {
        Rng rng = Rng.seeded(2);
        int n = 20000;
        String[] g = new String[n];
        boolean[] y = new boolean[n];
        for (int i = 0; i < n; i++) {
            boolean a = rng.nextDouble() < 0.7;
            g[i] = a ? "a" : "b";
            y[i] = rng.nextDouble() < (a ? 0.7 : 0.3);
        }
        Grouping grouping = Grouping.ofLabels("g", g);
        int[] rows = Reweighing.resample(Reweighing.weights(grouping, y), 3);
        int[] size = new int[2];
        int[] pos = new int[2];
        for (int r : rows) {
            size[grouping.groupOf(r)]++;
            pos[grouping.groupOf(r)] += y[r] ? 1 : 0;
        }
        assertThat((double) pos[0] / size[0]).isCloseTo((double) pos[1] / size[1], within(0.03));
    }
}
